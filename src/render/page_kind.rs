//! What kind of page a site page is.
//!
//! The kind decides the page's name in templates (`pagina.soort`), which menu
//! entry the menu marks on it, and which print document is its print version.
//! A new sort of page is one variant here; a new kind of content needs none,
//! as its pages are `List` and `Doc` of its description.

use crate::content::kind::{KindInfo, ListPrint};
use crate::print::sheet::Layout;
use crate::print::{Deck, TOOLKIT_DOC};
use crate::routes::Route;

#[derive(Debug, Clone, Copy)]
pub(super) enum PageKind {
    Home,
    Model,
    /// A kind's overview.
    List(&'static KindInfo),
    /// One document of a kind.
    Doc(&'static KindInfo),
    Bibliography,
    PrintHub,
    Scan,
    Planner,
    Search,
    NotFound,
}

impl PageKind {
    /// The name templates see (`pagina.soort`, the body's class `soort-…`).
    pub(super) fn key(self) -> &'static str {
        match self {
            PageKind::Home => "home",
            PageKind::Model => "model",
            PageKind::List(info) => info.list.as_ref().map_or(info.folder, |l| l.page),
            PageKind::Doc(info) => info.page,
            PageKind::Bibliography => "bronnen",
            PageKind::PrintHub => "afdrukken",
            PageKind::Scan => "reflectiescan",
            PageKind::Planner => "sessieplanner",
            PageKind::Search => "zoeken",
            PageKind::NotFound => "404",
        }
    }

    /// Whether the menu marks `entry` on this page: its own entry, or, for a
    /// document, its kind's overview.
    pub(super) fn is_under(self, entry: PageKind) -> bool {
        let own = match self {
            PageKind::Doc(info) if info.list.is_some() => PageKind::List(info),
            other => other,
        };
        own.key() == entry.key()
    }

    /// The print version of the page at `route`, as a document path below
    /// `afdrukken/<papier>/`; `None` for pages without one.
    pub(super) fn print_doc(self, route: &Route) -> Option<String> {
        match self {
            PageKind::Home => Some(TOOLKIT_DOC.into()),
            PageKind::Model | PageKind::Bibliography => Some(route.0.clone()),
            PageKind::List(info) => match &info.list.as_ref()?.print {
                ListPrint::Nothing => None,
                ListPrint::Document => Some(route.0.clone()),
                ListPrint::Deck(deck) => Some(Deck(deck).doc(Layout::Duplex)),
            },
            // Pages at the site root print below their folder, so that a
            // page's print path cannot meet a print section's own.
            PageKind::Doc(info) if info.at_root => Some(format!("{}/{}", info.folder, route.0)),
            PageKind::Doc(_) => Some(route.0.clone()),
            PageKind::PrintHub
            | PageKind::Scan
            | PageKind::Planner
            | PageKind::Search
            | PageKind::NotFound => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::kind::Kind;
    use crate::content::{Elements, Examples, Pages, Prompts};

    #[test]
    fn a_document_is_under_its_kinds_overview() {
        let doc = PageKind::Doc(Prompts::INFO);
        assert!(doc.is_under(PageKind::List(Prompts::INFO)));
        assert!(!doc.is_under(PageKind::List(Elements::INFO)));
        assert!(!PageKind::Home.is_under(PageKind::Model));
    }

    #[test]
    fn overviews_print_as_their_deck_or_not_at_all() {
        let route = Route("x/".into());
        assert_eq!(
            PageKind::List(Elements::INFO).print_doc(&route).as_deref(),
            Some("elementkaarten/")
        );
        assert_eq!(PageKind::Search.print_doc(&route), None);
        assert_eq!(
            PageKind::Doc(Pages::INFO)
                .print_doc(&Route("over/".into()))
                .as_deref(),
            Some("paginas/over/")
        );
        assert_eq!(
            PageKind::Doc(Examples::INFO)
                .print_doc(&Route("praktijkvoorbeelden/bic/".into()))
                .as_deref(),
            Some("praktijkvoorbeelden/bic/")
        );
    }
}
