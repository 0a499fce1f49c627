//! Renders the print pages (card decks, worksheets, the whole toolkit) for every
//! paper size, and the page that lists them.
//!
//! What is specific to paper lives in `crate::print`; this module only gathers the
//! views and hands them to the theme's `print/` templates, as `render` does for the
//! site's pages: `cards` for what a card shows, `decks` for the card sheets,
//! `documents` for worksheets and the whole toolkit, `hub` for the overview page.

mod cards;
mod chapters;
mod decks;
mod documents;
mod hub;

use super::views::LinkView;
use super::{Renderer, SiteView};
use crate::content::Paper;
use crate::print::sheet::Layout;
use crate::routes::Route;
use serde::Serialize;

/// What every print page's template receives.
#[derive(Serialize)]
struct PrintCommon<'a> {
    site: SiteView<'a>,
    /// Only for themes whose templates still read the strings as `t.key`.
    #[serde(skip_serializing_if = "Option::is_none")]
    t: Option<&'a std::collections::BTreeMap<String, String>>,
    root: String,
    pagina: PrintMeta,
    papier: PaperView,
    balk: Toolbar,
}

#[derive(Serialize)]
struct PrintMeta {
    titel: String,
    pad: String,
    /// `kaarten` or `document`.
    soort: &'static str,
}

#[derive(Serialize)]
struct PaperView {
    key: &'static str,
    label: &'static str,
    /// The CSS `@page` size keyword.
    css: &'static str,
    breedte: f64,
    hoogte: f64,
}

/// The screen-only bar above a print page: back to the site, paper and layout
/// switches. It is not printed.
#[derive(Serialize)]
struct Toolbar {
    terug: Option<LinkView>,
    overzicht: String,
    papieren: Vec<Choice>,
    vormen: Vec<Choice>,
    /// Download links to this page's PDFs, one per paper; empty when the
    /// site was built without them (the page itself is then what to print).
    pdf: Vec<Choice>,
}

#[derive(Serialize)]
struct Choice {
    label: String,
    href: String,
    actief: bool,
}

impl Renderer<'_> {
    /// Every print page, for both paper sizes.
    pub(super) fn print_pages(&mut self, base_url: Option<&str>) {
        let cards = self.decks(base_url);
        for paper in Paper::ALL {
            for d in &cards {
                for layout in [Layout::Duplex, Layout::Fold] {
                    self.deck_page(paper, d.deck, d.shelf.info(), layout, &d.cards);
                }
            }
        }
        self.documents();
    }

    /// Links from `from` to the PDFs of document `doc`, one per paper that
    /// has one, `paper`'s marked; none when the site has no PDFs.
    fn pdf_links(&self, from: &Route, doc: &str, paper: Paper) -> Vec<Choice> {
        Paper::ALL
            .iter()
            .filter_map(|&p| {
                let file = self.pdfs.get(&Route::print(p, doc))?;
                Some(Choice {
                    label: p.label().to_string(),
                    href: format!("{}{file}", "../".repeat(from.depth())),
                    actief: p == paper,
                })
            })
            .collect()
    }

    pub(super) fn s(&self, key: &str) -> String {
        self.theme.strings.label(key)
    }

    /// Renders a print page with the shared print context plus what `fill` adds.
    #[allow(clippy::too_many_arguments)]
    fn print_page(
        &mut self,
        route: &Route,
        paper: Paper,
        doc: &str,
        template: &str,
        titel: String,
        soort: &'static str,
        vormen: Vec<Choice>,
        site: Option<&Route>,
        fill: impl FnOnce(&mut tera::Context),
    ) {
        let t = &self.valid.toolkit;
        let (breedte, hoogte) = paper.size_mm();
        let common = PrintCommon {
            site: SiteView::of(&t.site),
            t: self.theme.context_strings(),
            root: route.to_root(),
            pagina: PrintMeta {
                titel,
                pad: route.0.clone(),
                soort,
            },
            papier: PaperView {
                key: paper.key(),
                label: paper.label(),
                css: paper.css(),
                breedte,
                hoogte,
            },
            balk: Toolbar {
                terug: site.map(|s| LinkView {
                    titel: self.s("print_terug"),
                    href: route.link_to(s),
                }),
                overzicht: route.link_to(&Route::print_hub()),
                papieren: Paper::ALL
                    .iter()
                    .map(|&p| Choice {
                        label: p.label().to_string(),
                        href: route.link_to(&Route::print(p, doc)),
                        actief: p == paper,
                    })
                    .collect(),
                vormen,
                pdf: self.pdf_links(route, doc, paper),
            },
        };
        let Some(mut ctx) = self.context(&common, template) else {
            return;
        };
        fill(&mut ctx);
        self.emit(route.file(), template, &ctx);
    }
}
