//! The toolkit's domain types, defined once.
//!
//! Every struct here is what an editor writes (front matter or a YAML file), so each
//! one rejects unknown fields: a misspelt field must be an error, never silently
//! ignored. Field names are Dutch because the editors are, and each field has that
//! one name from YAML through Rust to the templates (`kern` is `meta.kern` is
//! `element.kern`); only the site settings still carry English Rust names.
//! Validation, templates, search and print all reuse these types.
//!
//! The doc comments on fields are in Dutch on purpose: they are the editors' field
//! help, published through the JSON Schemas of `werkplaats schema` into their editor.

mod bibliography;
pub mod card;
mod checklist;
mod element;
mod example;
mod intro;
pub mod kind;
mod model;
mod page;
mod prompt;
pub mod registry;
mod site;

pub use bibliography::{Bibliography, Reference};
pub use checklist::{Checklist, ChecklistForm, ChecklistItem, Checklists};
pub use element::{Aspect, AspectOrigin, AspectWithId, Element, Elements, Quote};
pub use example::{Example, Examples, Fact};
pub use intro::Intro;
pub use model::{Characteristic, Model, ModelArrangement};
pub use page::{Page, Pages};
pub use prompt::{GroupSize, Prompt, Prompts, Step, WorkForm};
pub use site::{
    BASE_URL_HINT, Colophon, DuplexOffset, Paper, SettingProblem, SiteConfig, base_url_problem,
    names_problems,
};

use std::path::PathBuf;

/// One Markdown content file: its typed front matter plus the body.
///
/// Keeps the line where the body starts and the raw front matter so later stages
/// can point at the exact line of a problem (counted from the top of the file, as
/// an editor counts, not from the top of the YAML block).
#[derive(Debug, Clone)]
pub struct Doc<T> {
    /// The typed front matter.
    pub meta: T,
    /// Markdown body, after the front matter.
    pub body: String,
    /// 1-based line in the file where the body starts.
    pub body_line: usize,
    /// Raw front-matter text, used to locate values for diagnostics.
    pub front_matter: String,
    /// 1-based line in the file where the front matter's first line stands.
    pub front_matter_line: usize,
    /// Path relative to the toolkit root (e.g. `content/elementen/los.md`).
    pub file: PathBuf,
    /// File name without extension.
    pub slug: String,
}

impl<T> Doc<T> {
    /// The file line of the front-matter key at `key` (`doel`, a path such as
    /// `groepsgrootte.max` or `stappen[1].minuten`; a trailing `:` is allowed),
    /// so an error about a field points where the editor wrote it. Only keys
    /// count: a line that merely contains the word does not. Line 1 when absent.
    pub fn line_of(&self, key: &str) -> usize {
        let path = crate::load::locate::path(key.trim_end_matches(':'));
        crate::load::locate::find(&self.front_matter, &path)
            .map(|i| self.front_matter_line + i)
            .unwrap_or(1)
    }

    /// The file line of the first front-matter line where `value` stands as a
    /// whole word (a code in `elementen: [ABC]`, not inside `ABCD`); line 1
    /// when absent.
    pub fn line_of_value(&self, value: &str) -> usize {
        self.front_matter
            .lines()
            .position(|l| has_word(l, value))
            .map(|i| self.front_matter_line + i)
            .unwrap_or(1)
    }

    /// The path of this file below `content/`, as written in `@/` links: its
    /// parts joined with `/` (a backslash in a Unix file name is a character).
    pub fn content_path(&self) -> String {
        let rel = self.file.strip_prefix("content").unwrap_or(&self.file);
        let parts: Vec<_> = rel.iter().map(|p| p.to_string_lossy()).collect();
        parts.join("/")
    }
}

/// Whether `word` occurs in `line` with no letter, digit, `-` or `_` next to it.
fn has_word(line: &str, word: &str) -> bool {
    let part_of_word = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    !word.is_empty()
        && line.match_indices(word).any(|(i, _)| {
            let before = line[..i].chars().next_back();
            let after = line[i + word.len()..].chars().next();
            !before.is_some_and(part_of_word) && !after.is_some_and(part_of_word)
        })
}

/// A whole toolkit as loaded from disk.
#[derive(Debug, Clone)]
pub struct Toolkit {
    /// The toolkit root folder (holds `site.yaml` and `content/`).
    pub root: PathBuf,
    pub site: SiteConfig,
    pub model: Doc<Model>,
    pub bibliography: Bibliography,
    /// Raw text of `content/bronnen.yaml`, to point at the line of a reference.
    pub bibliography_text: String,
    /// Every kind's documents, each kind in its own order (see [`kind::Kind::sort`]).
    pub docs: kind::Shelves,
    /// The introductions of kinds' overview pages (`content/<map>/_index.md`),
    /// by the kind's folder.
    pub intros: std::collections::BTreeMap<&'static str, Doc<Intro>>,
    /// Files below `content/bestanden/` (images, downloads), relative to that
    /// folder with `/`; copied to `bestanden/` in the output.
    pub assets: Vec<String>,
}

impl Toolkit {
    /// Looks an element up by its code.
    pub fn element(&self, code: &str) -> Option<&Doc<Element>> {
        self.elements().iter().find(|e| e.meta.code == code)
    }

    /// Whether `shelf`'s kind gets its overview page and menu entry: when it
    /// has one and the toolkit has documents of the kind or an introduction
    /// to them. A kind a toolkit does not use stays out of sight (and a theme
    /// made before the kind existed needs no templates for it).
    pub fn shows_overview(&self, shelf: &dyn kind::AnyShelf) -> bool {
        let info = shelf.info();
        info.list.is_some() && (!shelf.is_empty() || self.intros.contains_key(info.folder))
    }

    /// The kinds with a card deck and documents to put on it, in registry
    /// order: what the deck pages, the print hub and `pdf` all list.
    pub fn decks(&self) -> impl Iterator<Item = (&'static kind::DeckInfo, &dyn kind::AnyShelf)> {
        self.docs
            .iter()
            .filter(|shelf| !shelf.is_empty())
            .filter_map(|shelf| Some((shelf.info().deck()?, shelf)))
    }

    /// The model's elements, in the model's order. The model's own structure
    /// (codes, groups, the scan) reads them typed.
    pub fn elements(&self) -> &[Doc<Element>] {
        self.docs.of::<Elements>()
    }

    /// The discussion prompts, by title (the planner and decks read them typed).
    pub fn prompts(&self) -> &[Doc<Prompt>] {
        self.docs.of::<Prompts>()
    }

    /// The checklists, by title.
    pub fn checklists(&self) -> &[Doc<Checklist>] {
        self.docs.of::<Checklists>()
    }

    /// The free pages: menu pages first, in `volgorde`.
    pub fn pages(&self) -> &[Doc<Page>] {
        self.docs.of::<Pages>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(front_matter: &str) -> Doc<()> {
        Doc {
            meta: (),
            body: String::new(),
            body_line: 1,
            front_matter: front_matter.into(),
            front_matter_line: 2,
            file: PathBuf::from("content/in-gesprek/x.md"),
            slug: "x".into(),
        }
    }

    #[test]
    fn line_of_finds_the_key_not_a_line_that_contains_it() {
        let d = doc("titel: x\nvragen:\n  - het doel: iets\ndoel: y\ngroepsgrootte:\n  max: 3\n");
        assert_eq!(d.line_of("doel"), 5);
        assert_eq!(d.line_of("doel:"), 5);
        assert_eq!(d.line_of("groepsgrootte.max"), 7);
        assert_eq!(d.line_of("ontbreekt"), 1);
    }

    #[test]
    fn line_of_value_takes_whole_words() {
        let d = doc("code: ABCD\nverwant: [ABC]\n");
        assert_eq!(d.line_of_value("ABC"), 3);
        assert_eq!(d.line_of_value("ABCD"), 2);
    }

    #[test]
    fn content_path_keeps_a_backslash() {
        let mut d = doc("");
        d.file = PathBuf::from("content/paginas/a\\b.md");
        assert_eq!(d.content_path(), "paginas/a\\b.md");
    }
}
