//! Which pages link to which: the `@` links in every Markdown body, inverted.
//!
//! An element card lists the prompts, checklists and pages about it. Front matter
//! (`elementen:`) says so explicitly; a body that links to the element with
//! `[..](@LOS)` or `[..](@/elementen/los.md)` says so too, and editors should not
//! have to repeat that by hand. Computed once per build from the link table that
//! validation already checked.

use crate::content::Toolkit;
use crate::markdown;
use crate::routes::{LinkTable, Route, Target};
use std::collections::{BTreeSet, HashMap};

/// For each page, the pages whose body links to it.
#[derive(Debug, Default)]
pub struct Mentions(HashMap<Route, BTreeSet<Route>>);

/// Per element code, the documents about it (per shelf of the kinds listed on
/// element pages, by index into the shelf, in its order): named under
/// `elementen:` or linking to the element from their body. Built once, so
/// each element card looks its lists up instead of scanning every document.
#[derive(Debug, Default)]
pub struct Related(HashMap<String, About>);

/// The documents about one element: per shelf (in registry order), the
/// indexes of its documents; empty for kinds not listed on element pages.
#[derive(Debug, Default)]
pub struct About(pub Vec<Vec<usize>>);

impl About {
    /// The documents of the `shelf`th shelf about the element.
    pub fn on(&self, shelf: usize) -> &[usize] {
        self.0.get(shelf).map_or(&[], Vec::as_slice)
    }
}

impl Related {
    pub fn new(toolkit: &Toolkit, mentions: &Mentions) -> Self {
        let code_of: HashMap<Route, &str> = toolkit
            .elements()
            .iter()
            .map(|e| (Route::element(e), e.meta.code.as_str()))
            .collect();
        let mut linked_from: HashMap<&Route, Vec<&str>> = HashMap::new();
        for (to, froms) in &mentions.0 {
            if let Some(code) = code_of.get(to) {
                for from in froms {
                    linked_from.entry(from).or_default().push(code);
                }
            }
        }
        let shelves = toolkit.docs.iter().count();
        let mut map: HashMap<String, About> = HashMap::new();
        for (k, shelf) in toolkit.docs.iter().enumerate() {
            if shelf.info().on_elements.is_none() {
                continue;
            }
            for i in 0..shelf.len() {
                let route = Route::on_shelf(shelf, i);
                let mut codes: BTreeSet<&str> =
                    shelf.doc(i).elements().iter().map(String::as_str).collect();
                codes.extend(linked_from.get(&route).into_iter().flatten().copied());
                for code in codes {
                    let about = map
                        .entry(code.to_string())
                        .or_insert_with(|| About(vec![Vec::new(); shelves]));
                    about.0[k].push(i);
                }
            }
        }
        Related(map)
    }

    /// What is about the element with `code` (empty when nothing is).
    pub fn about(&self, code: &str) -> Option<&About> {
        self.0.get(code)
    }
}

impl Mentions {
    /// Collects the `@` links of every body in `toolkit`.
    pub fn new(toolkit: &Toolkit, links: &LinkTable) -> Self {
        let bodies = crate::routes::documents(toolkit)
            .into_iter()
            .map(|d| (d.route, d.body));
        Self::from_bodies(bodies, links)
    }

    /// Collects the `@` links of each `(page, body)`.
    fn from_bodies<'a>(
        bodies: impl IntoIterator<Item = (Route, &'a str)>,
        links: &LinkTable,
    ) -> Self {
        let mut map: HashMap<Route, BTreeSet<Route>> = HashMap::new();
        for (from, body) in bodies {
            for link in markdown::links(body) {
                let target = link.dest.split('#').next().unwrap_or_default();
                if !target.starts_with('@') {
                    continue;
                }
                if let Some(Target::Page(to)) = links.resolve(target)
                    && *to != from
                {
                    map.entry(to.clone()).or_default().insert(from.clone());
                }
            }
        }
        Mentions(map)
    }

    /// Does the body of `from` link to `to`?
    pub fn links(&self, from: &Route, to: &Route) -> bool {
        self.0.get(to).is_some_and(|s| s.contains(from))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inverts_links_and_ignores_self_links() {
        let mut table = LinkTable::default();
        let los = Route("elementen/los/".into());
        table.insert("LOS", los.clone());
        table.insert("elementen/los.md", los.clone());
        let a = Route("in-gesprek/a/".into());
        let b = Route("in-gesprek/b/".into());
        let m = Mentions::from_bodies(
            [
                (a.clone(), "[x](@LOS#wat) en [y](https://example.org)"),
                (b.clone(), "Over LOS, zonder link."),
                (los.clone(), "[zelf](@/elementen/los.md)"),
            ],
            &table,
        );
        assert!(m.links(&a, &los));
        assert!(!m.links(&b, &los));
        assert!(!m.links(&los, &los));
    }
}
