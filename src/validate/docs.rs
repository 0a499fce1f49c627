//! Checks every kind's documents share, and the few the model's own kinds add.

use super::{Known, suggest};
use crate::content::kind::AnyDoc;
use crate::content::{Doc, Toolkit};
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
        super::check_prompt(p, problems);
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

/// Two pages with the same `volgorde` stand in the menu in title order, which
/// the editor probably did not mean: a warning on the later one names both.
fn check_page_order(toolkit: &Toolkit, problems: &mut Problems) {
    let mut first: HashMap<u32, &Doc<crate::content::Page>> = HashMap::new();
    for p in toolkit.pages() {
        let Some(order) = p.meta.volgorde else {
            continue;
        };
        match first.get(&order) {
            Some(other) => problems.push(
                Problem::warning(
                    &p.file,
                    p.line_of("volgorde"),
                    format!(
                        "`volgorde: {order}` staat ook in {}; het menu zet ze dan op titel",
                        other.file.display()
                    ),
                )
                .hint("geef elke pagina in het menu een eigen volgorde"),
            ),
            None => {
                first.insert(order, p);
            }
        }
    }
}
