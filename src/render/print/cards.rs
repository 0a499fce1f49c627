//! What goes on a card, for elements and prompts alike.
//!
//! A card is one shape ([`CardView`]) whatever it shows, so one template lays out
//! both decks, and its texts ([`CardView::text`]) are what `print::fit` measures
//! and `validate` judges: the estimate measures exactly what the card prints.

use super::super::views::{group_label, group_size, work_form_label};
use crate::content::card::Label;
use crate::content::kind::AnyShelf;
use crate::content::{Doc, Element, Prompt, Toolkit};
use crate::print::fit::{CardText, SectionText};
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

impl CardView {
    /// The texts the card sets in type, for the fit estimate.
    pub fn text(&self) -> CardText<'_> {
        CardText {
            group: &self.groep,
            title: &self.titel,
            essence: &self.kern,
            front_sections: sections(&self.voor_secties),
            back_title: &self.achter_titel,
            facts: self
                .feiten
                .iter()
                .map(|f| (f.label.as_str(), f.waarde.as_str()))
                .collect(),
            sections: sections(&self.secties),
        }
    }
}

fn sections(sections: &[CardSection]) -> Vec<SectionText<'_>> {
    sections
        .iter()
        .map(|s| SectionText {
            heading: &s.titel,
            items: &s.items,
        })
        .collect()
}

/// Builds cards; `base_url` turns a site path (`elementen/los/`) into the hosted URL.
pub struct CardMaker<'a> {
    pub toolkit: &'a Toolkit,
    pub strings: &'a crate::render::Strings,
    pub base_url: Option<&'a str>,
}

impl CardMaker<'_> {
    fn s(&self, key: &str) -> String {
        self.strings.label(key)
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
            self.s("kaart_model")
        } else {
            elements
                .iter()
                .map(|e| e.meta.code.as_str())
                .collect::<Vec<_>>()
                .join(" · ")
        };
        (kleur, code)
    }

    /// The card of the `i`th document of `shelf`, from what its front matter
    /// puts on a card; `None` for kinds that put nothing there.
    pub fn of_front_matter(&self, shelf: &dyn AnyShelf, i: usize, of: usize) -> Option<CardView> {
        let d = shelf.doc(i);
        let card = d.card()?;
        let info = shelf.info();
        let text = |l: &Label| match l {
            Label::Key(k) => self.s(k),
            Label::Text(t) => (*t).to_string(),
            Label::Owned(t) => t.clone(),
        };
        let (kleur, code) = self.band(d.elements());
        let (qr, url) = self.link(&Route::on_shelf(shelf, i).0);
        let group = info.list.as_ref().map_or(info.folder, |l| l.label);
        Some(CardView {
            id: format!("kaart-{}", shelf.slug(i)),
            kleur,
            code,
            groep: self.s(group),
            titel: d.heading(),
            kern: card.front.text.to_string(),
            voor_secties: Vec::new(),
            achter_titel: d.heading(),
            feiten: card
                .facts
                .iter()
                .map(|f| Fact {
                    label: text(&f.label),
                    waarde: text(&f.value),
                })
                .collect(),
            secties: card
                .lists
                .iter()
                .filter(|l| !l.items.is_empty())
                .map(|l| CardSection {
                    titel: self.s(l.label),
                    items: l.items.to_vec(),
                    genummerd: false,
                })
                .collect(),
            qr,
            url,
            nummer: format!("{} / {of}", i + 1),
            bron: self.first_source(d.sources()),
        })
    }

    pub fn element(&self, e: &Doc<Element>, n: usize, of: usize) -> CardView {
        let m = &e.meta;
        let (qr, url) = self.link(&Route::element(e).0);
        let section = |key: &str, items: &[String]| CardSection {
            titel: self.s(key),
            items: items.to_vec(),
            genummerd: false,
        };
        CardView {
            id: format!("kaart-{}", m.code.to_lowercase()),
            kleur: m.kleur.clone(),
            code: m.code.clone(),
            groep: group_label(self.strings, self.toolkit, &m.code),
            titel: m.naam.clone(),
            kern: m.kern.clone(),
            voor_secties: vec![section("wat", &m.wat)],
            achter_titel: format!("{} · {}", m.code, m.naam),
            feiten: Vec::new(),
            secties: vec![
                section("doel", &m.doel),
                section("benodigdheden", &m.benodigdheden),
            ],
            qr,
            url,
            nummer: format!("{n} / {of}"),
            bron: self.first_source(&m.bronnen),
        }
    }

    pub fn prompt(&self, p: &Doc<Prompt>, n: usize, of: usize) -> CardView {
        let m = &p.meta;
        let (kleur, code) = self.band(&m.elementen);
        let forms: Vec<String> = m
            .werkvorm
            .iter()
            .map(|w| work_form_label(self.strings, *w))
            .collect();
        let fact = |key: &str, waarde: String| Fact {
            label: self.s(key),
            waarde,
        };
        let (qr, url) = self.link(&Route::prompt(p).0);
        CardView {
            id: format!("kaart-{}", p.slug),
            kleur,
            code,
            groep: self.s("nav_prompts"),
            titel: m.titel.clone(),
            kern: m.doel.clone(),
            voor_secties: vec![CardSection {
                titel: self.s("vragen"),
                items: m.vragen.clone(),
                genummerd: true,
            }],
            achter_titel: m.titel.clone(),
            feiten: vec![
                fact("werkvorm", forms.join(", ")),
                fact("duur", format!("{} {}", m.duur, self.s("minuten"))),
                fact(
                    "groepsgrootte",
                    format!("{} {}", group_size(&m.groepsgrootte), self.s("deelnemers")),
                ),
            ]
            .into_iter()
            // Materials on one line: as a list they take the room the step
            // plan needs.
            .chain((!m.materialen.is_empty()).then(|| fact("materialen", m.materialen.join("; "))))
            .collect(),
            secties: [CardSection {
                titel: self.s("stappen"),
                items: m
                    .stappen
                    .iter()
                    .map(|s| format!("{} {} {}", s.minuten, self.s("minuten"), s.tekst))
                    .collect(),
                genummerd: true,
            }]
            .into_iter()
            .filter(|s| !s.items.is_empty())
            .collect(),
            qr,
            url,
            nummer: format!("{n} / {of}"),
            bron: self.first_source(&m.bronnen),
        }
    }
}
