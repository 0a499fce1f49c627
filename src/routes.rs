//! Where each piece of content ends up, and how pages link to each other.
//!
//! URLs are "pretty" (`elementen/los/`) on disk as `elementen/los/index.html`.
//! Links are always relative and name `index.html` explicitly, so the same output
//! works at a domain root, under a sub-path and opened straight from disk.

use crate::content::kind::{AnyShelf, Kind, KindInfo};
use crate::content::{
    Checklist, Checklists, Doc, Element, Elements, Page, Pages, Paper, Prompt, Prompts, Toolkit,
};
use std::collections::HashMap;
use std::path::Path;

/// A page's location below the site root, `""` for home, else ending in `/`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Route(pub String);

/// Sections the site generates itself besides the kinds' folders; free pages
/// may not take these slugs (see [`reserved`]).
const OWN_SECTIONS: [&str; 8] = [
    "afdrukken",
    "model",
    "bronnen",
    "static",
    "bestanden",
    "reflectiescan",
    "sessieplanner",
    "zoeken",
];

/// Whether a free page named `slug` would take the address of a section the
/// site generates: its own, or a kind's folder.
pub fn reserved(slug: &str) -> bool {
    OWN_SECTIONS.contains(&slug)
        || crate::content::registry::infos()
            .iter()
            .any(|k| !k.at_root && k.folder == slug)
}

impl Route {
    pub fn home() -> Self {
        Route(String::new())
    }
    pub fn model() -> Self {
        Route("model/".into())
    }
    pub fn elements() -> Self {
        Route::list(Elements::INFO)
    }
    pub fn prompts() -> Self {
        Route::list(Prompts::INFO)
    }
    pub fn checklists() -> Self {
        Route::list(Checklists::INFO)
    }
    pub fn bibliography() -> Self {
        Route("bronnen/".into())
    }
    pub fn element(e: &Doc<Element>) -> Self {
        Route::of::<Elements>(e)
    }
    pub fn prompt(p: &Doc<Prompt>) -> Self {
        Route::of::<Prompts>(p)
    }
    pub fn checklist(c: &Doc<Checklist>) -> Self {
        Route::of::<Checklists>(c)
    }
    pub fn page(p: &Doc<Page>) -> Self {
        Route::of::<Pages>(p)
    }
    /// The page of a document of kind `K`.
    pub fn of<K: Kind>(doc: &Doc<K::Meta>) -> Self {
        Route::in_kind(K::INFO, &K::slug(doc))
    }
    /// The page of the document `slug` (see [`Kind::slug`]) of a kind.
    pub fn in_kind(info: &KindInfo, slug: &str) -> Self {
        if info.at_root {
            Route(format!("{slug}/"))
        } else {
            Route(format!("{}/{slug}/", info.folder))
        }
    }
    /// The `i`th document of `shelf`'s page.
    pub fn on_shelf(shelf: &dyn AnyShelf, i: usize) -> Self {
        Route::in_kind(shelf.info(), &shelf.slug(i))
    }
    /// A kind's overview page (also where its pages sit).
    pub fn list(info: &KindInfo) -> Self {
        Route(format!("{}/", info.folder))
    }
    /// The page that lists everything printable.
    pub fn print_hub() -> Self {
        Route("afdrukken/".into())
    }
    /// A print page: document `doc` (ending in `/`) laid out for `paper`.
    pub fn print(paper: Paper, doc: &str) -> Self {
        Route(format!("afdrukken/{}/{doc}", paper.key()))
    }
    /// The reflection scan: where a workplace stands on each element.
    pub fn scan() -> Self {
        Route("reflectiescan/".into())
    }
    /// The session planner: a session put together from prompts and checklists.
    pub fn planner() -> Self {
        Route("sessieplanner/".into())
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

/// A content file with a Markdown body, and where it is published.
pub struct DocRef<'a> {
    pub route: Route,
    pub file: &'a Path,
    pub body: &'a str,
    pub body_line: usize,
}

/// Every content file with a body, in a fixed order: the model, then each
/// kind's overview introduction and documents in registry order. Stages that look at all bodies share
/// this list.
pub fn documents(t: &Toolkit) -> Vec<DocRef<'_>> {
    let m = &t.model;
    let mut out = vec![DocRef {
        route: Route::model(),
        file: &m.file,
        body: &m.body,
        body_line: m.body_line,
    }];
    for shelf in t.docs.iter() {
        if let Some(intro) = t.intros.get(shelf.info().folder) {
            out.push(DocRef {
                route: Route::list(shelf.info()),
                file: &intro.file,
                body: &intro.body,
                body_line: intro.body_line,
            });
        }
        out.extend((0..shelf.len()).map(|i| {
            let d = shelf.doc(i);
            DocRef {
                route: Route::on_shelf(shelf, i),
                file: d.file(),
                body: d.body(),
                body_line: d.body_line(),
            }
        }));
    }
    out
}

/// Resolves a relative URL against a page's folder into a path below the output
/// root; `None` when it climbs above the root.
pub fn resolve_relative(from: &Route, url: &str) -> Option<String> {
    let mut parts: Vec<&str> = from.0.split('/').filter(|p| !p.is_empty()).collect();
    for seg in url.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut path = parts.join("/");
    if url.ends_with('/') && !path.is_empty() {
        path.push('/');
    }
    Some(path)
}

/// What an `@` link points at: a page, or a file copied as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Page(Route),
    /// A path below the output root, e.g. `bestanden/foto.jpg`.
    File(String),
}

impl Target {
    /// A relative link to this target from page `from`.
    pub fn href_from(&self, from: &Route) -> String {
        match self {
            Target::Page(route) => from.link_to(route),
            Target::File(path) => format!("{}{path}", "../".repeat(from.depth())),
        }
    }

    /// The target's path below the site root (`elementen/los/index.html`).
    pub fn path(&self) -> String {
        match self {
            Target::Page(route) => route.file(),
            Target::File(path) => path.clone(),
        }
    }
}

/// Every address content can link to with `@`: content paths (`elementen/los.md`),
/// element codes (`LOS`) and files (`bestanden/foto.jpg`), built once and shared by
/// validation and rendering.
#[derive(Debug, Clone, Default)]
pub struct LinkTable {
    targets: HashMap<String, Target>,
}

impl LinkTable {
    pub fn insert(&mut self, key: impl Into<String>, route: Route) {
        self.targets.insert(key.into(), Target::Page(route));
    }

    pub fn insert_file(&mut self, key: impl Into<String>, path: String) {
        self.targets.insert(key.into(), Target::File(path));
    }

    /// Resolves an `@` link (without fragment).
    pub fn resolve(&self, link: &str) -> Option<&Target> {
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

    #[test]
    fn relative_urls_resolve_against_the_page() {
        let los = Route("elementen/los/".into());
        assert_eq!(
            resolve_relative(&los, "../goc/").as_deref(),
            Some("elementen/goc/")
        );
        assert_eq!(
            resolve_relative(&los, "../../static/x.css").as_deref(),
            Some("static/x.css")
        );
        assert_eq!(resolve_relative(&los, "../../../x"), None);
    }
}
