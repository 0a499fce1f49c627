//! The toolkit's domain types, defined once.
//!
//! Every struct here is what an editor writes (front matter or a YAML file), so each
//! one rejects unknown fields: a misspelt field must be an error, never silently
//! ignored. Field names are Dutch because the editors are; the Rust names are English.
//! Validation, templates, search and print all reuse these types.
//!
//! The doc comments on fields are in Dutch on purpose: they are the editors' field
//! help, published through the JSON Schemas of `werkplaats schema` into their editor.

mod bibliography;
mod checklist;
mod element;
mod model;
mod page;
mod prompt;
mod scan;
mod site;

pub use bibliography::{Bibliography, Reference};
pub use checklist::{Checklist, ChecklistForm, ChecklistItem};
pub use element::{AspectOrigin, Element, Quote};
pub use model::{Characteristic, Model, ModelArrangement};
pub use page::Page;
pub use prompt::{GroupSize, Prompt, Step, WorkForm};
pub use scan::ScanThresholds;
pub use site::{DuplexOffset, Paper, SiteConfig};

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
    /// The file line of the first front-matter line containing `needle`, so an
    /// error about a value points where the editor wrote it; line 1 when absent.
    pub fn line_of(&self, needle: &str) -> usize {
        self.front_matter
            .lines()
            .position(|l| l.contains(needle))
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
    /// Sorted by `volgorde`, then code.
    pub elements: Vec<Doc<Element>>,
    /// Sorted by title.
    pub prompts: Vec<Doc<Prompt>>,
    /// Sorted by title.
    pub checklists: Vec<Doc<Checklist>>,
    /// Sorted by `volgorde`, then title.
    pub pages: Vec<Doc<Page>>,
    /// Files below `content/bestanden/` (images, downloads), relative to that
    /// folder with `/`; copied to `bestanden/` in the output.
    pub assets: Vec<String>,
}

impl Toolkit {
    /// Looks an element up by its code.
    pub fn element(&self, code: &str) -> Option<&Doc<Element>> {
        self.elements.iter().find(|e| e.meta.code == code)
    }
}
