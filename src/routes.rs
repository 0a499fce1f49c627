//! Where each piece of content ends up, and how pages link to each other.
//!
//! URLs are "pretty" (`elementen/los/`) on disk as `elementen/los/index.html`.
//! Links are always relative and name `index.html` explicitly, so the same output
//! works at a domain root, under a sub-path and opened straight from disk.

use crate::content::{Checklist, Doc, Element, Page, Prompt};
use std::collections::HashMap;

/// A page's location below the site root, `""` for home, else ending in `/`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Route(pub String);

/// Sections the site generates itself; free pages may not take these slugs.
pub const RESERVED: [&str; 7] = [
    "model",
    "elementen",
    "in-gesprek",
    "procesontwerp",
    "bronnen",
    "static",
    "zoeken",
];

impl Route {
    pub fn home() -> Self {
        Route(String::new())
    }
    pub fn model() -> Self {
        Route("model/".into())
    }
    pub fn elements() -> Self {
        Route("elementen/".into())
    }
    pub fn prompts() -> Self {
        Route("in-gesprek/".into())
    }
    pub fn checklists() -> Self {
        Route("procesontwerp/".into())
    }
    pub fn bibliography() -> Self {
        Route("bronnen/".into())
    }
    pub fn element(e: &Doc<Element>) -> Self {
        Route(format!("elementen/{}/", e.meta.code.to_lowercase()))
    }
    pub fn prompt(p: &Doc<Prompt>) -> Self {
        Route(format!("in-gesprek/{}/", p.slug))
    }
    pub fn checklist(c: &Doc<Checklist>) -> Self {
        Route(format!("procesontwerp/{}/", c.slug))
    }
    pub fn page(p: &Doc<Page>) -> Self {
        Route(format!("{}/", p.slug))
    }

    /// How many folders deep the page's `index.html` sits.
    pub fn depth(&self) -> usize {
        self.0.matches('/').count()
    }

    /// The prefix that leads from this page back to the site root.
    pub fn to_root(&self) -> String {
        if self.depth() == 0 {
            "./".into()
        } else {
            "../".repeat(self.depth())
        }
    }

    /// A relative link from this page to `target`'s `index.html`.
    pub fn link_to(&self, target: &Route) -> String {
        format!("{}{}index.html", "../".repeat(self.depth()), target.0)
    }

    /// The output file for this page, relative to the output folder.
    pub fn file(&self) -> String {
        format!("{}index.html", self.0)
    }
}

/// Every address content can link to with `@`: content paths (`elementen/los.md`)
/// and element codes (`LOS`), built once and shared by validation and rendering.
#[derive(Debug, Clone, Default)]
pub struct LinkTable {
    targets: HashMap<String, Route>,
}

impl LinkTable {
    pub fn insert(&mut self, key: impl Into<String>, route: Route) {
        self.targets.insert(key.into(), route);
    }

    /// Resolves an `@` link (without fragment) to a route.
    pub fn resolve(&self, link: &str) -> Option<&Route> {
        let key = link.strip_prefix("@/").or_else(|| link.strip_prefix('@'))?;
        self.targets.get(key)
    }

    /// All keys, for "did you mean" hints.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.targets.keys()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_between_depths() {
        let home = Route::home();
        let los = Route("elementen/los/".into());
        assert_eq!(home.link_to(&los), "elementen/los/index.html");
        assert_eq!(los.link_to(&home), "../../index.html");
        assert_eq!(los.link_to(&Route::model()), "../../model/index.html");
        assert_eq!(los.to_root(), "../../");
        assert_eq!(home.to_root(), "./");
    }
}
