//! The registry of kinds of content: the one place that lists them.
//!
//! Adding a kind is one line in [`each_kind`]; every stage learns of it
//! from here.

use super::kind::{Kind, KindInfo, VisitKind};

/// Every kind, in the order the site lists them.
pub fn each_kind(v: &mut impl VisitKind) {
    v.kind::<super::element::Elements>();
    v.kind::<super::prompt::Prompts>();
    v.kind::<super::checklist::Checklists>();
    v.kind::<super::page::Pages>();
    v.kind::<super::example::Examples>();
}

/// The folders of every kind, in registry order.
pub fn folders() -> Vec<&'static str> {
    infos().iter().map(|k| k.folder).collect()
}

/// Every kind's description, in registry order.
pub fn infos() -> Vec<&'static KindInfo> {
    struct Infos(Vec<&'static KindInfo>);
    impl VisitKind for Infos {
        fn kind<K: Kind>(&mut self) {
            self.0.push(K::INFO);
        }
    }
    let mut i = Infos(Vec::new());
    each_kind(&mut i);
    i.0
}

/// Whether the kind in `folder` has an overview page (which an `_index.md`
/// there introduces).
pub fn has_list(folder: &str) -> bool {
    infos()
        .iter()
        .any(|k| k.folder == folder && k.list.is_some())
}
