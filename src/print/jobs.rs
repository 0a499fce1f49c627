//! Which PDFs `werkplaats pdf` makes, and from which print page: `pdf` prints
//! them and `render` links the print pages to them, so the list is kept here,
//! below both.

use crate::content::{Paper, Toolkit};
use crate::print::sheet::Layout;
use crate::print::{Deck, TOOLKIT_DOC};
use crate::routes::Route;

/// One PDF that `werkplaats pdf` makes: which print page, and the file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfJob {
    pub route: Route,
    /// Relative to the PDF output folder, e.g. `a4/elementkaarten.pdf`.
    pub file: String,
    /// Whether its contents get page numbers (the whole toolkit).
    pub numbered: bool,
}

impl PdfJob {
    /// Where the PDF sits in a site built with its PDFs: in the print
    /// section, beside the print pages, e.g. `afdrukken/a4/elementkaarten.pdf`.
    pub fn published(&self) -> String {
        format!("{}{}", Route::print_hub().0, self.file)
    }
}

/// The PDFs for `paper`: both decks in both layouts, a worksheet per prompt and
/// per checklist, and the whole toolkit.
pub fn pdf_jobs(toolkit: &Toolkit, paper: Paper) -> Vec<PdfJob> {
    let p = paper.key();
    let job = |doc: String, file: String| PdfJob {
        route: Route::print(paper, &doc),
        numbered: doc == TOOLKIT_DOC,
        file: format!("{p}/{file}"),
    };
    let mut jobs = Vec::new();
    for deck in toolkit.decks().map(|(info, _)| Deck(info)) {
        jobs.push(job(
            deck.doc(Layout::Duplex),
            format!("{}.pdf", deck.slug()),
        ));
        jobs.push(job(
            deck.doc(Layout::Fold),
            format!("{}-vouwen.pdf", deck.slug()),
        ));
    }
    jobs.push(job(TOOLKIT_DOC.into(), "toolkit.pdf".into()));
    for prompt in toolkit.prompts() {
        let r = Route::prompt(prompt);
        jobs.push(job(
            r.0,
            format!("werkbladen/in-gesprek-{}.pdf", prompt.slug),
        ));
    }
    for checklist in toolkit.checklists() {
        let r = Route::checklist(checklist);
        jobs.push(job(
            r.0,
            format!("werkbladen/procesontwerp-{}.pdf", checklist.slug),
        ));
    }
    jobs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_deck_of_the_real_toolkit_gets_a_pdf_in_both_layouts() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let valid = crate::load(root).and_then(crate::validate);
        let Ok(valid) = valid else {
            panic!("the real toolkit validates");
        };
        let jobs = pdf_jobs(&valid.toolkit, Paper::Letter);
        for deck in ["elementkaarten", "gesprekskaarten", "voorbeeldkaarten"] {
            for (file, doc) in [
                (format!("letter/{deck}.pdf"), format!("{deck}/")),
                (
                    format!("letter/{deck}-vouwen.pdf"),
                    format!("{deck}/vouwen/"),
                ),
            ] {
                let job = jobs.iter().find(|j| j.file == file);
                assert_eq!(
                    job.map(|j| &j.route),
                    Some(&Route::print(Paper::Letter, &doc)),
                    "{file}"
                );
            }
        }
    }
}
