//! The quick path for the most common save: one document's text, nothing else.
//!
//! Most saves while writing change a paragraph of one element, prompt, checklist
//! or page and leave its front matter, its links and its headings as they were.
//! Then nothing another page shows has changed: titles, menus, related lists and
//! `#anchors` come from front matter, links and headings only. So the preview
//! swaps the new body into the toolkit it already checked and renders just that
//! document's page (`render::render_doc`), instead of loading, checking and
//! rendering the whole toolkit. Everything else (a front-matter change, a link
//! or heading added or removed, a new, removed or renamed file, several files at
//! once) takes the full rebuild, and so does anything unusual about the file
//! (a symbolic link, too large, not UTF-8): those are reported by the loader.
//!
//! `serve::incremental_tests` checks that both paths give byte for byte what a
//! full build writes.

use crate::Validated;
use crate::load::{split, text_resolved};
use crate::markdown;
use std::path::{Path, PathBuf};

/// A new body for one document, checked to change nothing but its text.
#[derive(Debug)]
pub struct BodyEdit {
    /// The document's file, relative to the toolkit root.
    pub file: PathBuf,
    /// The whole file as read (for quoting problems later).
    text: String,
    /// Where the body starts in `text`.
    body_start: usize,
}

/// The edit `rel` (a changed file, relative to `root`) stands for, when it is
/// one document's body text alone; `None` when the full rebuild is needed.
pub fn body_edit(root: &Path, valid: &Validated, rel: &Path) -> Option<BodyEdit> {
    let t = &valid.toolkit;
    let old = t.docs.find(rel).map(|(shelf, i)| shelf.doc(i))?;
    let meta = std::fs::symlink_metadata(root.join(rel)).ok()?;
    if !meta.file_type().is_file() {
        return None;
    }
    // The loader's own reader: its size limit, UTF-8 and BOM rules, and it
    // never blocks on a file that became a pipe since the event.
    let text = text_resolved(root, rel).ok()?;
    let new = split(&text).ok()?;
    let same_frame = new.front_matter == old.front_matter()
        && new.front_matter_line == old.front_matter_line()
        && new.body_line == old.body_line();
    if !same_frame || !same_links_and_headings(old.body(), new.body) {
        return None;
    }
    let body_start = text.len() - new.body.len();
    Some(BodyEdit {
        file: rel.to_path_buf(),
        text,
        body_start,
    })
}

/// Whether `rel` (a path an event named) is neither on disk nor anything the
/// last build read or copied: a temporary file an editor (or `sed -i`) wrote
/// and renamed over the real one, or removed.
pub fn left_no_trace(root: &Path, valid: &Validated, rel: &Path) -> bool {
    let known = valid.texts.get(rel).is_some()
        || rel.strip_prefix("content/bestanden").is_ok_and(|asset| {
            let asset = asset.to_string_lossy();
            valid.toolkit.assets.iter().any(|a| *a == asset)
        });
    !known && std::fs::symlink_metadata(root.join(rel)).is_err()
}

/// Puts `edit` into `valid`: the document's body and the text problems quote.
/// False when the body is the one it already had (a save without a change).
pub fn apply(valid: &mut Validated, edit: &BodyEdit) -> bool {
    let t = &mut valid.toolkit;
    let body = &edit.text[edit.body_start..];
    let changed = t
        .docs
        .find(&edit.file)
        .is_some_and(|(s, i)| s.doc(i).body() != body)
        && t.docs.set_body(&edit.file, body);
    valid.texts.insert(&edit.file, &edit.text);
    changed
}

/// Whether two bodies link to the same targets (in order, as links or as
/// images) and have the same headings. Validation of the old body passed, so
/// the same links still hold; other pages' `#anchors` into it still hold; and
/// which documents are about which element is unchanged.
/// Heading attributes that are left out, and explicit ids that were taken,
/// are compared too: validation warns about each, so a new one needs the
/// full path.
fn same_links_and_headings(old: &str, new: &str) -> bool {
    let frame = |body: &str| {
        let scan = markdown::scan(body);
        let links: Vec<(String, bool)> =
            scan.links.into_iter().map(|l| (l.dest, l.image)).collect();
        let dropped: Vec<String> = scan.dropped.into_iter().map(|d| d.attribute).collect();
        let renamed: Vec<String> = scan.renamed.into_iter().map(|r| r.wanted).collect();
        (links, scan.heading_ids, dropped, renamed)
    };
    frame(old) == frame(new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_changes_pass_and_link_or_heading_changes_do_not() {
        let base = "Tekst met [een link](@LOS) en ![beeld](@/bestanden/a.png).\n\n## Kop\n";
        assert!(same_links_and_headings(
            base,
            "Andere tekst, [andere woorden](@LOS) en ![ander](@/bestanden/a.png).\n\n## Kop\n"
        ));
        assert!(!same_links_and_headings(
            base,
            "Tekst met [een link](@GOC) en ![beeld](@/bestanden/a.png).\n\n## Kop\n"
        ));
        assert!(!same_links_and_headings(
            base,
            "Tekst met [een link](@LOS) en [beeld](@/bestanden/a.png).\n\n## Kop\n"
        ));
        assert!(!same_links_and_headings(
            base,
            "Tekst met [een link](@LOS) en ![beeld](@/bestanden/a.png).\n\n## Andere kop\n"
        ));
        assert!(!same_links_and_headings(
            base,
            "Tekst met [een link](@LOS), [nog een](@LOS) en ![beeld](@/bestanden/a.png).\n\n## Kop\n"
        ));
        // Same id, but an attribute validation warns about.
        assert!(!same_links_and_headings(
            base,
            "Tekst met [een link](@LOS) en ![beeld](@/bestanden/a.png).\n\n## Kop {onclick=x}\n"
        ));
        // Same ids, but an explicit one that was taken.
        assert!(!same_links_and_headings(
            "## Kop\n\n## Kop\n",
            "## Kop\n\n## Kop {#kop}\n"
        ));
    }
}
