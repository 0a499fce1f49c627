//! Checks of what goes on paper and on coloured tiles: element colours that
//! white text cannot be read on, duplex offsets beyond a printer's drift, and
//! card text that does not fit its card.
//!
//! `print` measures (sheet geometry, the fit estimate) and `colour` computes
//! contrast; this module turns those values into problems that point at the
//! content line to change. The fit of a card depends on the theme's words on
//! it (its headings), so [`cards`] runs once the theme is loaded, on the same
//! words (`crate::cards`) that render prints.

use crate::cards::{self, CardDoc, Labels};
use crate::colour::{AA_NORMAL_TEXT, WHITE, contrast};
use crate::content::card::CardContent;
use crate::content::kind::AnyDoc;
use crate::content::{Doc, DuplexOffset, Element, Prompt, SettingProblem, Toolkit};
use crate::diagnostics::{Message, Problem};
use crate::print::Deck;
use crate::print::fit::{self, CardText, CardType};
use crate::print::sheet::{Face, MAX_OFFSET};

/// A warning for each element whose colour is too light for white text.
pub fn colour_contrast(elements: &[Doc<Element>]) -> Vec<Problem> {
    elements
        .iter()
        .filter_map(|e| {
            let ratio = contrast(&e.meta.kleur, WHITE)?;
            (ratio < AA_NORMAL_TEXT).then(|| {
                Problem::warning(
                    &e.file,
                    e.line_of("kleur"),
                    Message::new("kleur-contrast")
                        .arg("kleur", &e.meta.kleur)
                        .arg("code", &e.meta.code)
                        .arg("verhouding", format!("{ratio:.1}"))
                        .arg("minimaal", AA_NORMAL_TEXT),
                )
                .hint(Message::new("kleur-contrast-hint"))
            })
        })
        .collect()
}

/// Offsets that are no number, or larger than a printer ever drifts: more is
/// not drift but a wrong setting, and would push cards off the printable area.
pub fn duplex_offset(offset: &DuplexOffset) -> Vec<SettingProblem> {
    let mut out = Vec::new();
    for (path, mm) in [
        ("duplex_verschuiving.x_mm", offset.x_mm),
        ("duplex_verschuiving.y_mm", offset.y_mm),
    ] {
        let message = if !mm.is_finite() {
            format!("`{path}` is geen getal ({mm})")
        } else if mm.abs() > MAX_OFFSET {
            format!(
                "`{path}` is {mm} mm, maar mag naar beide kanten hoogstens {MAX_OFFSET} mm zijn"
            )
        } else {
            continue;
        };
        out.push(SettingProblem {
            path,
            message,
            hint: "meet hoeveel de achterkant verschoven is (meestal 2–4 mm) en vul dat in, bijvoorbeeld `x_mm: 2.5`".into(),
        });
    }
    out
}

/// An error for each side of each card of every deck whose text is
/// estimated not to fit, with the card's headings in `labels`.
pub fn cards(toolkit: &Toolkit, labels: &dyn Labels) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (deck, shelf) in toolkit.decks() {
        for card in cards::deck(toolkit, shelf, labels) {
            let text = card.faces.text();
            problems.extend(match card.doc {
                CardDoc::Element(e) => element_card(&text, e),
                CardDoc::Prompt(p) => prompt_card(&text, p),
                CardDoc::Other { .. } => {
                    let doc = card.doc.doc();
                    let Some(content) = doc.card() else { continue };
                    kind_card(&Deck(deck).card_type(), &text, doc, &content)
                }
            });
        }
    }
    problems
}

/// An error for each side of element `e`'s card (showing `text`) whose text
/// is estimated not to fit.
fn element_card(text: &CardText, e: &Doc<Element>) -> Vec<Problem> {
    let back = element_back_fields(e);
    card_fit(&fit::ELEMENT_CARD, text, e, &["kern", "wat", "naam"], &back)
}

/// An error for each side of prompt `p`'s card (showing `text`) whose text is
/// estimated not to fit.
fn prompt_card(text: &CardText, p: &Doc<Prompt>) -> Vec<Problem> {
    card_fit(
        &fit::PROMPT_CARD,
        text,
        p,
        &["doel", "vragen", "titel"],
        &["stappen", "materialen", "werkvorm"],
    )
}

/// An error for each side of the card of `doc` (of a kind that says what
/// goes on its cards, `content`) whose text, set in `ty`, is estimated not
/// to fit.
fn kind_card(
    ty: &CardType,
    text: &CardText,
    doc: &dyn AnyDoc,
    content: &CardContent,
) -> Vec<Problem> {
    let back = content.back_fields();
    card_fit(ty, text, doc, &[content.front.field, "titel"], &back)
}

/// An error for each side of a card whose text is estimated not to fit.
/// `fields` names, per side, the fields that side shows (the first is where
/// the line points).
fn card_fit(
    ty: &CardType,
    text: &CardText,
    doc: &dyn AnyDoc,
    front_fields: &[&str],
    back_fields: &[&str],
) -> Vec<Problem> {
    [
        (Face::Front, front_fields, "voor"),
        (Face::Back, back_fields, "achter"),
    ]
    .into_iter()
    .filter_map(|(face, fields, side)| {
        let fit = ty.fit(text, face);
        (!fit.fits()).then(|| {
            let named: Vec<String> = fields.iter().map(|f| format!("`{f}`")).collect();
            let last = named.len().saturating_sub(1);
            let (some, one) = named.split_at(last);
            let first = fields.first().copied().unwrap_or_default();
            Problem::error(
                doc.file(),
                doc.line_of(&format!("{first}:")),
                Message::new("kaart-past-niet")
                    .arg("kant", side)
                    .arg("kaart", text.title)
                    .arg("nodig", format!("{:.0}", fit.needed_mm))
                    .arg("ruimte", format!("{:.0}", fit.room_mm)),
            )
            .hint(
                Message::new("kaart-past-niet-hint")
                    .arg("velden", some.join(", "))
                    .arg("veld", one.join(""))
                    .count("aantal", named.len())
                    .arg("procent", format!("{:.0}", fit.excess_percent())),
            )
        })
    })
    .collect()
}

/// The back's fields of an element card, the longest first (where a problem points).
fn element_back_fields(e: &Doc<Element>) -> Vec<&'static str> {
    let m = &e.meta;
    let len = |v: &[String]| v.iter().map(String::len).sum::<usize>();
    let mut fields: [(&str, usize); 2] = [
        ("benodigdheden", len(&m.benodigdheden)),
        ("doel", len(&m.doel)),
    ];
    fields.sort_by_key(|f| std::cmp::Reverse(f.1));
    fields.iter().map(|(f, _)| *f).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(x_mm: f64, y_mm: f64) -> Vec<&'static str> {
        duplex_offset(&DuplexOffset { x_mm, y_mm })
            .iter()
            .map(|p| p.path)
            .collect()
    }

    #[test]
    fn duplex_offsets_are_finite_and_small() {
        assert!(paths(-2.5, 5.0).is_empty());
        assert_eq!(
            paths(f64::NAN, f64::NEG_INFINITY),
            ["duplex_verschuiving.x_mm", "duplex_verschuiving.y_mm"]
        );
        assert_eq!(paths(0.0, 5.5), ["duplex_verschuiving.y_mm"]);
    }
}
