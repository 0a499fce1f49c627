//! Checks every kind's documents share, and the few the model's own kinds add.

use super::{Known, suggest};
use crate::content::Toolkit;
use crate::content::kind::AnyDoc;
use crate::diagnostics::{Problem, Problems};
use crate::routes::{LinkTable, reserved};
use std::collections::HashMap;

/// Element codes, sources and named documents of every kind; a prompt's
/// steps, a checklist's items and a free page's name.
pub(super) fn check_docs(
    toolkit: &Toolkit,
    known: &Known,
    links: &LinkTable,
    problems: &mut Problems,
) {
    for shelf in toolkit.docs.iter() {
        let required = shelf.info().sources_required;
        for doc in (0..shelf.len()).map(|i| shelf.doc(i)) {
            known.check_codes(doc, doc.elements(), problems);
            known.check_sources(doc, doc.sources(), required, problems);
            check_refs(doc, links, problems);
        }
    }
    for intro in toolkit.intros.values() {
        known.check_sources(intro, &intro.meta.bronnen, false, problems);
    }
    for p in toolkit.prompts() {
        super::check_prompt(p, &toolkit.site.werkvormen, problems);
    }
    for c in toolkit.checklists() {
        if c.meta.items.is_empty() {
            problems.push(
                Problem::error(&c.file, c.line_of("items"), "de checklist heeft geen items")
                    .hint("voeg onder `items:` minstens één `- tekst: …` toe"),
            );
        }
    }
    for p in toolkit.pages() {
        if reserved(&p.slug) {
            problems.push(
                Problem::error(
                    &p.file,
                    0,
                    format!(
                        "de paginanaam \"{}\" is al een onderdeel van de site",
                        p.slug
                    ),
                )
                .hint("geef het bestand een andere naam"),
            );
        }
    }
    check_page_order(toolkit, problems);
}

/// Each front-matter field that names other documents (a practice example's
/// `checklists:`) must name ones that exist.
fn check_refs(doc: &dyn AnyDoc, links: &LinkTable, problems: &mut Problems) {
    for r in doc.refs() {
        for slug in r.slugs {
            if links
                .resolve(&format!("@/{}/{slug}.md", r.folder))
                .is_none()
            {
                let prefix = format!("{}/", r.folder);
                let known: Vec<String> = links
                    .keys()
                    .filter_map(|k| k.strip_prefix(&prefix)?.strip_suffix(".md"))
                    .map(str::to_string)
                    .collect();
                problems.push(
                    Problem::error(
                        doc.file(),
                        doc.line_of_value(slug),
                        format!(
                            "`{}` noemt \"{slug}\", maar content/{}/{slug}.md bestaat niet",
                            r.field, r.folder
                        ),
                    )
                    .hint(suggest(slug, &known, r.field)),
                );
            }
        }
    }
}

/// Two documents of one list with the same `volgorde` stand in another
/// order (title, code), which the editor probably did not mean: a warning on
/// the later one names both. Pages share the menu, elements the model's
/// order, practice examples their `groep`.
fn check_page_order(toolkit: &Toolkit, problems: &mut Problems) {
    let pages = toolkit.pages().iter().filter_map(|p| {
        let order = p.meta.volgorde?;
        Some((
            String::new(),
            order,
            p.file.as_path(),
            p.line_of("volgorde"),
        ))
    });
    same_order(pages, "het menu zet ze dan op titel", problems);
    let elements = toolkit.elements().iter().map(|e| {
        let order = e.meta.volgorde;
        (
            String::new(),
            order,
            e.file.as_path(),
            e.line_of("volgorde"),
        )
    });
    same_order(elements, "de elementen staan dan op code", problems);
    let examples = toolkit
        .docs
        .of::<crate::content::Examples>()
        .iter()
        .filter_map(|e| {
            let order = e.meta.volgorde?;
            let line = e.line_of("volgorde");
            Some((e.meta.groep.clone(), order, e.file.as_path(), line))
        });
    same_order(examples, "ze staan in hun groep dan op titel", problems);
}

/// Warns on each (list, `volgorde`) that a document before it had already.
fn same_order<'a>(
    docs: impl Iterator<Item = (String, u32, &'a std::path::Path, usize)>,
    then: &str,
    problems: &mut Problems,
) {
    let mut first: HashMap<(String, u32), &std::path::Path> = HashMap::new();
    for (list, order, file, line) in docs {
        match first.get(&(list.clone(), order)) {
            Some(other) => problems.push(
                Problem::warning(
                    file,
                    line,
                    format!(
                        "`volgorde: {order}` staat ook in {}; {then}",
                        other.display()
                    ),
                )
                .hint("geef elk in de lijst een eigen volgorde"),
            ),
            None => {
                first.insert((list, order), file);
            }
        }
    }
}
