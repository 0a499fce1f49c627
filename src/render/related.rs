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

impl Mentions {
    /// Collects the `@` links of every body in `toolkit`.
    pub fn new(toolkit: &Toolkit, links: &LinkTable) -> Self {
        let mut bodies: Vec<(Route, &str)> = vec![(Route::model(), &toolkit.model.body)];
        bodies.extend(
            toolkit
                .elements
                .iter()
                .map(|d| (Route::element(d), d.body.as_str())),
        );
        bodies.extend(
            toolkit
                .prompts
                .iter()
                .map(|d| (Route::prompt(d), d.body.as_str())),
        );
        bodies.extend(
            toolkit
                .checklists
                .iter()
                .map(|d| (Route::checklist(d), d.body.as_str())),
        );
        bodies.extend(
            toolkit
                .pages
                .iter()
                .map(|d| (Route::page(d), d.body.as_str())),
        );
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
