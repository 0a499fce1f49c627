//! What goes on a card, for elements, prompts and other kinds alike.
//!
//! A card is one shape ([`CardView`]) whatever it shows, so one template lays out
//! every deck. Its words come from `crate::cards`, moved in unchanged, so what
//! `validate` measured is exactly what the card prints; this module adds what
//! only the printed card has: colour, band, QR code, number and source.

use crate::cards::{CardDoc, DeckCard, Faces, Section};
use crate::content::{Doc, Element, Toolkit};
use crate::print::qr;
use crate::routes::Route;
use serde::Serialize;

/// One card, front and back.
#[derive(Debug, Clone, Serialize)]
pub struct CardView {
    /// HTML id, unique in the deck (`kaart-los`).
    pub id: String,
    pub kleur: String,
    /// Large text in the front's band: the element code, or the prompt's elements.
    pub code: String,
    /// Small line above the title: the element's group, or "In gesprek".
    pub groep: String,
    pub titel: String,
    /// The front's text: the element's essence, or the prompt's purpose.
    pub kern: String,
    /// Headed lists on the front, below `kern`.
    pub voor_secties: Vec<CardSection>,
    /// The back's heading.
    pub achter_titel: String,
    /// Label–value lines on the back (prompt: form, duration, group size).
    pub feiten: Vec<Fact>,
    pub secties: Vec<CardSection>,
    /// Inline SVG of the QR code to the card's page; none without a base URL.
    pub qr: Option<String>,
    /// The URL the QR code holds, printed beside it.
    pub url: Option<String>,
    /// "3 / 6".
    pub nummer: String,
    /// The short form of the first work the card's page cites, printed on the
    /// front so a card taken out of its deck still says where it comes from.
    pub bron: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    pub label: String,
    pub waarde: String,
}

/// A heading with bullets (element) or numbered items (prompt questions).
#[derive(Debug, Clone, Serialize)]
pub struct CardSection {
    pub titel: String,
    pub items: Vec<String>,
    pub genummerd: bool,
}

/// Builds cards; `base_url` turns a site path (`elementen/los/`) into the hosted URL.
pub struct CardMaker<'a> {
    pub toolkit: &'a Toolkit,
    pub strings: &'a crate::render::Strings,
    pub base_url: Option<&'a str>,
}

impl CardMaker<'_> {
    /// The printed card `n` of `of` for `card`.
    pub fn card(&self, card: DeckCard, n: usize, of: usize) -> CardView {
        let doc = card.doc.doc();
        let (id, path, (kleur, code)) = match card.doc {
            CardDoc::Element(e) => (
                e.meta.code.to_lowercase(),
                Route::element(e).0,
                (e.meta.kleur.clone(), e.meta.code.clone()),
            ),
            CardDoc::Prompt(p) => (
                p.slug.clone(),
                Route::prompt(p).0,
                self.band(&p.meta.elementen),
            ),
            CardDoc::Other { shelf, index } => (
                shelf.slug(index),
                Route::on_shelf(shelf, index).0,
                self.band(doc.elements()),
            ),
        };
        let (qr, url) = self.link(&path);
        let Faces {
            group,
            title,
            essence,
            front_sections,
            back_title,
            facts,
            sections,
        } = card.faces;
        CardView {
            id: format!("kaart-{id}"),
            kleur,
            code,
            groep: group,
            titel: title,
            kern: essence,
            voor_secties: front_sections.into_iter().map(CardSection::from).collect(),
            achter_titel: back_title,
            feiten: (facts.into_iter())
                .map(|(label, waarde)| Fact { label, waarde })
                .collect(),
            secties: sections.into_iter().map(CardSection::from).collect(),
            qr,
            url,
            nummer: format!("{n} / {of}"),
            bron: self.first_source(doc.sources()),
        }
    }

    /// The short citation of the first of `keys` that the bibliography has.
    fn first_source(&self, keys: &[String]) -> Option<String> {
        keys.iter()
            .find_map(|k| self.toolkit.bibliography.get(k))
            .map(|r| r.kort.clone())
    }

    fn link(&self, path: &str) -> (Option<String>, Option<String>) {
        let Some(base) = self.base_url else {
            return (None, None);
        };
        let url = format!("{}/{path}", base.trim_end_matches('/'));
        (qr::svg(&url), Some(url))
    }

    /// The front's band for a card about the elements `codes`: one
    /// element's colour and code, or the model's neutral colour with the
    /// codes (or "Model" for none).
    fn band(&self, codes: &[String]) -> (String, String) {
        let elements: Vec<&Doc<Element>> = codes
            .iter()
            .filter_map(|c| self.toolkit.element(c))
            .collect();
        let kleur = match elements.as_slice() {
            [one] => one.meta.kleur.clone(),
            _ => "#1f5f7a".to_string(),
        };
        let code = if elements.is_empty() {
            self.strings.label("kaart_model")
        } else {
            elements
                .iter()
                .map(|e| e.meta.code.as_str())
                .collect::<Vec<_>>()
                .join(" · ")
        };
        (kleur, code)
    }
}

impl From<Section> for CardSection {
    fn from(s: Section) -> CardSection {
        CardSection {
            titel: s.heading,
            items: s.items,
            genummerd: s.numbered,
        }
    }
}
