//! The page that lists everything printable, with a link per paper.

use super::{Choice, Renderer};
use crate::content::Paper;
use crate::print::sheet::Layout;
use crate::print::{Deck, TOOLKIT_DOC};
use crate::routes::Route;
use serde::Serialize;

/// The hub page's view: every printable document, for each paper.
#[derive(Serialize)]
pub(in crate::render) struct HubView {
    groepen: Vec<HubGroup>,
}

#[derive(Serialize)]
struct HubGroup {
    titel: String,
    items: Vec<HubItem>,
}

#[derive(Serialize)]
struct HubItem {
    titel: String,
    links: Vec<Choice>,
    /// Its PDFs, one per paper; empty when the site has none.
    pdf: Vec<Choice>,
}

impl Renderer<'_> {
    /// The hub: every printable document with a link per paper.
    pub(in crate::render) fn hub_view(&self, from: &Route) -> HubView {
        let t = &self.valid.toolkit;
        let item = |titel: String, doc: &str| HubItem {
            titel,
            links: Paper::ALL
                .iter()
                .map(|&p| Choice {
                    label: p.label().to_string(),
                    href: from.link_to(&Route::print(p, doc)),
                    actief: p == t.site.papier,
                })
                .collect(),
            pdf: self.pdf_links(from, doc, t.site.papier),
        };
        let mut cards = Vec::new();
        for (info, shelf) in t.decks() {
            let deck = Deck(info);
            // The cards printed, which for prompts include their element cards.
            let count = crate::cards::deck(t, shelf, &*self.theme.strings).len();
            let name = format!("{} ({count})", self.s(info.title));
            cards.push(item(
                format!("{name} – {}", self.s("print_dubbelzijdig")),
                &deck.doc(Layout::Duplex),
            ));
            cards.push(item(
                format!("{name} – {}", self.s("print_vouwen")),
                &deck.doc(Layout::Fold),
            ));
        }
        let whole = vec![item(t.site.titel.clone(), TOOLKIT_DOC)];
        let prompts = t
            .prompts()
            .iter()
            .map(|p| item(p.meta.titel.clone(), &Route::prompt(p).0))
            .collect();
        let checklists = t
            .checklists()
            .iter()
            .map(|c| item(c.meta.titel.clone(), &Route::checklist(c).0))
            .collect();
        let group = |key: &str, items| HubGroup {
            titel: self.s(key),
            items,
        };
        HubView {
            groepen: vec![
                group("print_kaarten", cards),
                group("print_hele_toolkit", whole),
                group("print_werkbladen_gesprekken", prompts),
                group("print_werkbladen_checklists", checklists),
            ],
        }
    }
}
