//! The quick path for the most common save: one document's text, nothing else.
//!
//! Most saves while writing change a paragraph of one element, prompt, checklist
//! or page and leave the rest of the document as it was. When the document's
//! frame (`site::frame`: what other pages show of it or depend on) is the same
//! after the save, nothing on another page has changed: [`Site::reload_doc`]
//! swaps the new body into the toolkit validation already passed and renders
//! just that document's page, instead of loading, checking and rendering the
//! whole toolkit. Everything else (a changed frame, a new, removed or renamed
//! file, several files at once) takes the full rebuild, and so does anything
//! unusual about the file (a symbolic link, too large, not UTF-8): those are
//! reported by the loader.
//!
//! `serve::incremental_tests` checks that both paths give byte for byte what a
//! full build writes.

use super::frame::DocFrame;
use super::passes::{self, Files, Prepared, Theme};
use crate::Validated;
use crate::diagnostics::{Problems, SourceTexts};
use crate::load::{split, text_resolved};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A validated toolkit, what its render prepared and the pages rendered from
/// it: what a save of one document's text starts from. Its toolkit changes
/// only through [`Site::reload_doc`], which keeps the three in step.
pub struct Site {
    valid: Validated,
    prepared: Arc<Prepared>,
    pages: Arc<Files>,
}

/// What [`Site::reload_doc`] did.
pub enum Reload {
    /// The document was saved as it was: nothing to render, nothing to reload.
    Unchanged,
    /// Its page was rendered into the site's pages; no other page changed.
    Rendered {
        warnings: Problems,
        /// The texts warnings point into.
        texts: SourceTexts,
    },
}

impl Site {
    /// The site of a toolkit just validated, before its pages are rendered.
    pub fn new(valid: Validated, prepared: Arc<Prepared>) -> Site {
        Site {
            valid,
            prepared,
            pages: Arc::default(),
        }
    }

    /// The site with the pages rendered from it.
    pub fn with_pages(self, pages: Arc<Files>) -> Site {
        Site { pages, ..self }
    }

    pub fn valid(&self) -> &Validated {
        &self.valid
    }

    pub fn prepared(&self) -> &Prepared {
        &self.prepared
    }

    pub fn pages(&self) -> &Arc<Files> {
        &self.pages
    }

    /// Reads `rel` (relative to `root`) again through the loader's reader and,
    /// when the save kept the document's frame, puts the new body in and
    /// renders the document's page with `theme`.
    ///
    /// `None` when the full rebuild is needed; the site is used up then, since
    /// its toolkit may already hold the new body. A page that fails to render
    /// gives `None` too: the full rebuild reports it the way it always does.
    pub fn reload_doc(mut self, root: &Path, rel: &Path, theme: &Theme) -> Option<(Site, Reload)> {
        let edit = body_edit(root, &self.valid, rel)?;
        if !self.swap_body(&edit) {
            return Some((self, Reload::Unchanged));
        }
        let pass = passes::doc_page(&self.valid, theme, &self.prepared, rel)?.ok()?;
        let mut pages = Files::clone(&self.pages);
        pages.extend(pass.files);
        self.pages = Arc::new(pages);
        let reload = Reload::Rendered {
            warnings: pass.warnings,
            texts: pass.texts,
        };
        Some((self, reload))
    }

    /// Whether `rel` (a path an event named) is neither on disk nor anything
    /// the last build read or copied: a temporary file an editor (or `sed -i`)
    /// wrote and renamed over the real one, or removed.
    pub fn left_no_trace(&self, root: &Path, rel: &Path) -> bool {
        let known = self.valid.texts.get(rel).is_some()
            || rel.strip_prefix("content/bestanden").is_ok_and(|asset| {
                let asset = asset.to_string_lossy();
                self.valid.toolkit.assets.iter().any(|a| *a == asset)
            });
        !known && std::fs::symlink_metadata(root.join(rel)).is_err()
    }

    /// Puts `edit` into the toolkit: the document's body and the text problems
    /// quote. False when the body is the one it already had.
    fn swap_body(&mut self, edit: &BodyEdit) -> bool {
        let valid = &mut self.valid;
        let body = &edit.text[edit.body_start..];
        let docs = &mut valid.toolkit.docs;
        let changed = docs
            .find(&edit.file)
            .is_some_and(|(s, i)| s.doc(i).body() != body)
            && docs.set_body(&edit.file, body);
        valid.texts.insert(&edit.file, &edit.text);
        changed
    }
}

/// A new body for one document, checked to keep the document's frame.
#[derive(Debug)]
struct BodyEdit {
    /// The document's file, relative to the toolkit root.
    file: PathBuf,
    /// The whole file as read (for quoting problems later).
    text: String,
    /// Where the body starts in `text`.
    body_start: usize,
}

/// The edit `rel` (a changed file, relative to `root`) stands for, when it is
/// one document's body text alone; `None` when the full rebuild is needed.
fn body_edit(root: &Path, valid: &Validated, rel: &Path) -> Option<BodyEdit> {
    let old = valid
        .toolkit
        .docs
        .find(rel)
        .map(|(shelf, i)| shelf.doc(i))?;
    // Validation passed with this frame, so it passes again, with the same
    // problems; only their lines can move, and only within the body.
    if warned_in_body(valid, rel, old.body_line()) {
        return None;
    }
    let meta = std::fs::symlink_metadata(root.join(rel)).ok()?;
    if !meta.file_type().is_file() {
        return None;
    }
    // The loader's own reader: its size limit, UTF-8 and BOM rules, and it
    // never blocks on a file that became a pipe since the event.
    let text = text_resolved(root, rel).ok()?;
    let new = split(&text).ok()?;
    if DocFrame::of_split(&new) != DocFrame::of_doc(old) {
        return None;
    }
    let body_start = text.len() - new.body.len();
    Some(BodyEdit {
        file: rel.to_path_buf(),
        text,
        body_start,
    })
}

/// Whether a problem of the last build points into the body of `file`, which
/// starts at `body_line`: moved by the edit, it needs the full rebuild to be
/// placed right.
fn warned_in_body(valid: &Validated, file: &Path, body_line: usize) -> bool {
    valid
        .warnings
        .0
        .iter()
        .any(|p| p.file == file && p.line >= body_line)
}
