//! What goes on a card, for elements and prompts alike, and the check that it fits.
//!
//! A card is one shape ([`CardView`]) whatever it shows, so one template lays out
//! both decks and one estimate (`fit`) checks both.

use super::fit::CardType;
use super::qr;
use super::sheet::Face;
use crate::content::{Doc, Element, Prompt, Toolkit};
use crate::diagnostics::Problem;
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

/// Builds cards; `url` turns a site path (`elementen/los/`) into the hosted URL.
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
            .map(|r| r.short.clone())
    }

    fn link(&self, path: &str) -> (Option<String>, Option<String>) {
        let Some(base) = self.base_url else {
            return (None, None);
        };
        let url = format!("{}/{path}", base.trim_end_matches('/'));
        (qr::svg(&url), Some(url))
    }

    pub fn element(&self, e: &Doc<Element>, n: usize, of: usize) -> CardView {
        let m = &e.meta;
        let group = self
            .toolkit
            .model
            .meta
            .arrangement
            .group_of(&m.code)
            .unwrap_or("kern");
        let (qr, url) = self.link(&crate::routes::Route::element(e).0);
        let section = |key: &str, items: &[String]| CardSection {
            titel: self.s(key),
            items: items.to_vec(),
            genummerd: false,
        };
        CardView {
            id: format!("kaart-{}", m.code.to_lowercase()),
            kleur: m.colour.clone(),
            code: m.code.clone(),
            groep: self.s(&format!("groep_{group}")),
            titel: m.name.clone(),
            kern: m.essence.clone(),
            achter_titel: format!("{} · {}", m.code, m.name),
            feiten: Vec::new(),
            secties: vec![
                section("wat", &m.wat),
                section("doel", &m.doel),
                section("benodigdheden", &m.benodigdheden),
            ],
            qr,
            url,
            nummer: format!("{n} / {of}"),
            bron: self.first_source(&m.sources),
        }
    }

    pub fn prompt(&self, p: &Doc<Prompt>, n: usize, of: usize) -> CardView {
        let m = &p.meta;
        let elements: Vec<&Doc<Element>> = m
            .elements
            .iter()
            .filter_map(|c| self.toolkit.element(c))
            .collect();
        // One element: its colour; several or none: the model's neutral colour.
        let kleur = match elements.as_slice() {
            [one] => one.meta.colour.clone(),
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
        let size = &m.group_size;
        let group_size = match size.max {
            Some(max) if max != size.min => format!("{}–{max} {}", size.min, self.s("deelnemers")),
            _ => format!("{} {}", size.min, self.s("deelnemers")),
        };
        let forms: Vec<String> = m
            .work_forms
            .iter()
            .map(|w| self.s(&format!("werkvorm_{}", w.name())))
            .collect();
        let fact = |key: &str, waarde: String| Fact {
            label: self.s(key),
            waarde,
        };
        let (qr, url) = self.link(&crate::routes::Route::prompt(p).0);
        CardView {
            id: format!("kaart-{}", p.slug),
            kleur,
            code,
            groep: self.s("nav_prompts"),
            titel: m.title.clone(),
            kern: m.purpose.clone(),
            achter_titel: m.title.clone(),
            feiten: vec![
                fact("werkvorm", forms.join(", ")),
                fact("duur", format!("{} {}", m.minutes, self.s("minuten"))),
                fact("groepsgrootte", group_size),
            ],
            secties: vec![CardSection {
                titel: self.s("vragen"),
                items: m.questions.clone(),
                genummerd: true,
            }],
            qr,
            url,
            nummer: format!("{n} / {of}"),
            bron: self.first_source(&m.sources),
        }
    }
}

/// An error for each side of `card` whose text is estimated not to fit. `fields`
/// names, per side, the fields that side shows (the first is where the line points).
pub fn check_fit<T>(
    ty: &CardType,
    card: &CardView,
    doc: &Doc<T>,
    front_fields: &[&str],
    back_fields: &[&str],
) -> Vec<Problem> {
    [(Face::Voor, front_fields, "voorkant"), (Face::Achter, back_fields, "achterkant")]
        .into_iter()
        .filter_map(|(face, fields, side)| {
            let needed = ty.needed(card, face);
            let room = ty.room(face);
            (needed > room).then(|| {
                let named: Vec<String> = fields.iter().map(|f| format!("`{f}`")).collect();
                Problem::error(
                    &doc.file,
                    doc.line_of(&format!("{}:", fields[0])),
                    format!(
                        "de tekst op de {side} van de kaart \"{}\" past niet op de kaart: naar schatting {needed:.0} mm, er is {room:.0} mm",
                        card.titel
                    ),
                )
                .hint(format!(
                    "maak {} korter (ongeveer {:.0}%); een kaart knipt geen tekst af",
                    named.join(" of "),
                    ((needed - room) / needed * 100.0).ceil()
                ))
            })
        })
        .collect()
}
