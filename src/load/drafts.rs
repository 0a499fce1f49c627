//! Drafts: documents with `concept: true` in their front matter.
//!
//! `build` leaves them out before validation, so they are in no list, search
//! index, deck or sitemap; `serve` and `build --drafts` keep them (the page
//! then shows a banner, see `base.html`). A published page that still points
//! at a left-out draft would get a dead link: that is an error naming the
//! link and the draft, rather than the generic "points nowhere" validation
//! would give once the draft is gone.

use crate::content::{Doc, Toolkit};
use crate::diagnostics::{LineIndex, Problem, Problems};
use crate::{Failure, Loaded};
use std::path::{Path, PathBuf};

/// What a published document may use to point at a draft.
struct Draft {
    file: PathBuf,
    /// `@/…` targets: the path below `content/`.
    path: String,
    /// `@CODE` of a draft element.
    code: Option<String>,
    /// The kind's folder and the file name, as `checklists: [naam]` names it.
    folder: String,
    slug: String,
}

/// Leaves the drafts out of `loaded`; an error for each place a published
/// document still points at one of them.
pub fn leave_out(mut loaded: Loaded) -> Result<Loaded, Failure> {
    let drafts = drafts_of(&loaded.toolkit);
    if drafts.is_empty() {
        return Ok(loaded);
    }
    loaded.toolkit.docs.drop_drafts();
    let mut problems = Problems::default();
    check_pointers(&loaded.toolkit, &drafts, &mut problems);
    if problems.has_errors() {
        problems.extend(loaded.warnings.0);
        return Err(Failure {
            problems,
            texts: loaded.texts,
        });
    }
    Ok(loaded)
}

fn drafts_of(toolkit: &Toolkit) -> Vec<Draft> {
    let mut drafts = Vec::new();
    for shelf in toolkit.docs.iter() {
        for i in 0..shelf.len() {
            let doc = shelf.doc(i);
            if !doc.concept() {
                continue;
            }
            let code = toolkit
                .elements()
                .iter()
                .find(|e| e.file == doc.file())
                .map(|e| e.meta.code.clone());
            let slug = doc
                .file()
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
            drafts.push(Draft {
                file: doc.file().to_path_buf(),
                path: doc.content_path(),
                code,
                folder: shelf.info().folder.to_string(),
                slug,
            });
        }
    }
    drafts
}

/// Every published document, the model and the overview introductions:
/// their links, element codes and references to other documents.
fn check_pointers(toolkit: &Toolkit, drafts: &[Draft], problems: &mut Problems) {
    for shelf in toolkit.docs.iter() {
        for i in 0..shelf.len() {
            let doc = shelf.doc(i);
            check_body(doc.file(), doc.body(), doc.body_line(), drafts, problems);
            for code in doc.elements() {
                if let Some(d) = drafts.iter().find(|d| d.code.as_deref() == Some(code)) {
                    let line = doc.line_of_value(code);
                    problems.push(pointer(doc.file(), line, &format!("element {code}"), d));
                }
            }
            for refs in doc.refs() {
                for slug in refs.slugs {
                    let draft = drafts
                        .iter()
                        .find(|d| d.folder == refs.folder && &d.slug == slug);
                    if let Some(d) = draft {
                        let line = doc.line_of_value(slug);
                        let what = format!("{} \"{slug}\"", refs.field);
                        problems.push(pointer(doc.file(), line, &what, d));
                    }
                }
            }
        }
    }
    check_doc_body(&toolkit.model, drafts, problems);
    for intro in toolkit.intros.values() {
        check_doc_body(intro, drafts, problems);
    }
}

fn check_doc_body<T>(doc: &Doc<T>, drafts: &[Draft], problems: &mut Problems) {
    check_body(&doc.file, &doc.body, doc.body_line, drafts, problems);
}

/// `(@/path.md…)` and `(@CODE…)` links in a body.
fn check_body(file: &Path, body: &str, body_line: usize, drafts: &[Draft], p: &mut Problems) {
    let lines = std::cell::OnceCell::new();
    for d in drafts {
        let mut targets = vec![format!("(@/{}", d.path)];
        targets.extend(d.code.iter().map(|c| format!("(@{c}")));
        for target in &targets {
            for (offset, _) in body.match_indices(target.as_str()) {
                let after = body[offset + target.len()..].chars().next();
                if !matches!(after, Some(')' | '#' | ' ')) {
                    continue;
                }
                let index = lines.get_or_init(|| LineIndex::new(body));
                let line = body_line + index.line_of(offset) - 1;
                let link = format!("de link \"{}\"", &target[1..]);
                p.push(pointer(file, line, &link, d));
            }
        }
    }
}

fn pointer(file: &Path, line: usize, what: &str, draft: &Draft) -> Problem {
    Problem::error(
        file,
        line,
        format!(
            "{what} wijst naar een concept ({}), dat niet in de build komt",
            draft.file.display()
        ),
    )
    .hint("haal de verwijzing weg, zet concept: false in het concept, of bouw met --drafts")
}
