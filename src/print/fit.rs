//! Does a card's text fit its card? A conservative estimate, without a browser.
//!
//! The build cannot measure text, so it wraps words with character widths of
//! DejaVu Sans (the widest common sans-serif; the print style prefers narrower
//! fonts), at the sizes in [`CardType`], which are also what the print style uses.
//! It measures plain text ([`CardText`]) and returns the measurement
//! ([`SideFit`]); judging it (the build fails naming the card and the field,
//! rather than letting a printer clip the text) is for `validate`. The browser
//! tests measure the real thing.

use super::sheet::Face;
use super::sheet::{CARD_H, CARD_W};

/// Millimetres per typographic point.
const PT_MM: f64 = 25.4 / 72.0;

/// Type sizes and spacing of a card, in points and millimetres. The print style
/// reads them as CSS custom properties (`css_vars`), so estimate and layout agree.
#[derive(Debug, Clone, Copy)]
pub struct CardType {
    pub padding_mm: f64,
    /// The coloured band across the top of the front.
    pub band_mm: f64,
    pub code_pt: f64,
    pub group_pt: f64,
    pub title_pt: f64,
    pub essence_pt: f64,
    pub back_title_pt: f64,
    pub heading_pt: f64,
    pub item_pt: f64,
    pub small_pt: f64,
    /// Line height, as a multiple of the font size.
    pub line: f64,
    /// Space above a heading on the back.
    pub heading_gap_mm: f64,
    /// Space between list items.
    pub item_gap_mm: f64,
    /// List indent.
    pub indent_mm: f64,
    /// The QR code's side; the back's footer is this high, with or without a code.
    pub qr_mm: f64,
}

/// The smallest running text on a card, in points at real size: what a
/// group around a table still reads without picking the card up.
pub const MIN_TEXT_PT: f64 = 9.0;

/// Element cards: the essence and what the element is on the front, its
/// purpose and what it needs on the back.
pub const ELEMENT_CARD: CardType = CardType {
    padding_mm: 4.0,
    band_mm: 15.0,
    code_pt: 20.0,
    group_pt: 7.5,
    title_pt: 13.0,
    essence_pt: 12.0,
    back_title_pt: 9.0,
    heading_pt: 7.5,
    item_pt: 9.0,
    small_pt: 6.5,
    line: 1.25,
    heading_gap_mm: 1.8,
    item_gap_mm: 0.6,
    indent_mm: 3.2,
    qr_mm: 15.0,
};

/// Prompt cards: the questions on the front, set large enough to read aloud
/// from; the facilitator's step plan and materials on the back.
pub const PROMPT_CARD: CardType = CardType {
    back_title_pt: 9.5,
    heading_pt: 8.0,
    item_pt: 9.0,
    heading_gap_mm: 1.8,
    item_gap_mm: 0.6,
    indent_mm: 4.5,
    qr_mm: 15.0,
    ..ELEMENT_CARD
};

impl CardType {
    /// The sizes as CSS custom properties, for a `style` attribute.
    pub fn css_vars(&self) -> String {
        format!(
            "--kaart-b: {CARD_W}mm; --kaart-h: {CARD_H}mm; --kaart-rand: {}mm; --kaart-band: {}mm; \
             --pt-code: {}pt; --pt-groep: {}pt; --pt-titel: {}pt; --pt-kern: {}pt; \
             --pt-achter-titel: {}pt; --pt-kop: {}pt; --pt-item: {}pt; --pt-klein: {}pt; \
             --regel: {}; --kop-ruimte: {}mm; --item-ruimte: {}mm; --inspring: {}mm; --qr: {}mm",
            self.padding_mm,
            self.band_mm,
            self.code_pt,
            self.group_pt,
            self.title_pt,
            self.essence_pt,
            self.back_title_pt,
            self.heading_pt,
            self.item_pt,
            self.small_pt,
            self.line,
            self.heading_gap_mm,
            self.item_gap_mm,
            self.indent_mm,
            self.qr_mm,
        )
    }

    fn inner_w(&self) -> f64 {
        CARD_W - 2.0 * self.padding_mm
    }

    /// Room for text on each side, below the band or above the footer.
    pub fn room(&self, face: Face) -> f64 {
        let footer = match face {
            // The front's footer is one small line.
            Face::Front => self.small_pt * self.line * PT_MM + self.item_gap_mm,
            Face::Back => self.qr_mm + self.item_gap_mm,
        };
        let band = match face {
            Face::Front => self.band_mm,
            Face::Back => 0.0,
        };
        CARD_H - band - 2.0 * self.padding_mm - footer
    }

    fn text_h(&self, text: &str, pt: f64, width: f64, bold: bool) -> f64 {
        lines(text, width, pt, bold) as f64 * pt * self.line * PT_MM
    }

    /// How much room the text of `face` needs and has.
    pub fn fit(&self, text: &CardText, face: Face) -> SideFit {
        SideFit {
            needed_mm: self.needed(text, face),
            room_mm: self.room(face),
        }
    }

    /// Estimated height of one side's text, in millimetres.
    pub fn needed(&self, text: &CardText, face: Face) -> f64 {
        let w = self.inner_w();
        match face {
            Face::Front => {
                self.text_h(text.group, self.group_pt, w, false)
                    + self.text_h(text.title, self.title_pt, w, true)
                    + self.heading_gap_mm
                    + self.text_h(text.essence, self.essence_pt, w, false)
                    + self.sections_h(&text.front_sections, w)
            }
            Face::Back => {
                // The title's coloured rule (1.5 mm) and the space below it (1.5 mm).
                let title = self.text_h(text.back_title, self.back_title_pt, w, true) + 3.0;
                let facts: f64 = text
                    .facts
                    .iter()
                    .map(|(label, value)| {
                        self.text_h(&format!("{label}: {value}"), self.item_pt, w, false)
                    })
                    .sum();
                title + facts + self.sections_h(&text.sections, w)
            }
        }
    }

    /// Estimated height of headed lists in `w` millimetres.
    fn sections_h(&self, sections: &[SectionText], w: f64) -> f64 {
        sections
            .iter()
            .map(|s| {
                let head = self.heading_gap_mm + self.text_h(s.heading, self.heading_pt, w, true);
                let items: f64 = s
                    .items
                    .iter()
                    .map(|i| {
                        self.item_gap_mm + self.text_h(i, self.item_pt, w - self.indent_mm, false)
                    })
                    .sum();
                head + items
            })
            .sum()
    }

    /// The smallest size running text is set in (the essence, facts and list
    /// items; headings, the group line and the footer are labels).
    pub fn smallest_text_pt(&self) -> f64 {
        self.essence_pt.min(self.item_pt)
    }
}

/// The texts a card shows, as the estimate measures them: what is set in type
/// on each side, without colours, links or the QR code.
#[derive(Debug, Clone, Default)]
pub struct CardText<'a> {
    /// Front: the small line above the title.
    pub group: &'a str,
    /// Front: the title.
    pub title: &'a str,
    /// Front: the text below the title.
    pub essence: &'a str,
    /// Front: headed lists below the essence.
    pub front_sections: Vec<SectionText<'a>>,
    /// Back: the heading.
    pub back_title: &'a str,
    /// Back: label–value lines, each set as "label: value".
    pub facts: Vec<(&'a str, &'a str)>,
    /// Back: headed lists.
    pub sections: Vec<SectionText<'a>>,
}

/// A heading with its list items, on the back of a card.
#[derive(Debug, Clone)]
pub struct SectionText<'a> {
    pub heading: &'a str,
    pub items: &'a [String],
}

/// How much room one side's text needs and how much the side has.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SideFit {
    pub needed_mm: f64,
    pub room_mm: f64,
}

impl SideFit {
    pub fn fits(&self) -> bool {
        self.needed_mm <= self.room_mm
    }

    /// The share of the text to cut for it to fit, in percent, rounded up.
    pub fn excess_percent(&self) -> f64 {
        ((self.needed_mm - self.room_mm) / self.needed_mm * 100.0).ceil()
    }
}

/// Lines a greedy word wrap needs for `text` in `width_mm` at `pt` points.
pub fn lines(text: &str, width_mm: f64, pt: f64, bold: bool) -> usize {
    let em = pt * PT_MM * if bold { 1.12 } else { 1.0 };
    let space = char_em(' ') * em;
    let mut lines = 0;
    let mut used: Option<f64> = None;
    for word in text.split_whitespace() {
        let w: f64 = word.chars().map(|c| char_em(c) * em).sum();
        match used {
            Some(u) if u + space + w <= width_mm => used = Some(u + space + w),
            _ => {
                // A word longer than a line breaks anywhere (CSS `overflow-wrap`).
                let full = (w / width_mm).floor();
                lines += 1 + full as usize;
                used = Some(w - full * width_mm);
            }
        }
    }
    lines
}

/// Advance width in em: DejaVu Sans's, rounded up by about 0.02 em.
fn char_em(c: char) -> f64 {
    match c {
        ' ' | '.' | ',' | ':' | ';' | '·' | '\'' | '‘' | '’' | '|' => 0.34,
        'i' | 'j' | 'l' | 'I' | 'J' => 0.31,
        'f' | '-' | '/' | '(' | ')' | '!' => 0.4,
        't' => 0.42,
        'r' => 0.44,
        's' | 'z' | '?' => 0.56,
        'c' => 0.58,
        'k' | 'v' | 'x' | 'y' => 0.62,
        'a' | 'e' | 'o' => 0.64,
        'b' | 'd' | 'g' | 'h' | 'n' | 'p' | 'q' | 'u' => 0.66,
        'w' => 0.84,
        'm' => 0.99,
        '–' => 0.52,
        'M' => 0.88,
        'W' | '—' | '%' => 1.0,
        c if c.is_ascii_digit() => 0.66,
        c if c.is_uppercase() => 0.8,
        // Accented letters, arrows and the rest.
        _ => 0.7,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_text_on_every_card_is_at_least_the_minimum_size() {
        for ty in [ELEMENT_CARD, PROMPT_CARD] {
            assert!(ty.smallest_text_pt() >= MIN_TEXT_PT, "{ty:?}");
        }
    }

    #[test]
    fn wraps_words_greedily_and_breaks_long_words() {
        assert_eq!(lines("", 50.0, 10.0, false), 0);
        assert_eq!(lines("kort", 50.0, 10.0, false), 1);
        let long = "woord ".repeat(40);
        let n = lines(&long, 50.0, 10.0, false);
        assert!((8..=14).contains(&n), "{n}");
        assert!(lines(&"x".repeat(100), 20.0, 10.0, false) >= 5);
        assert!(lines(&long, 50.0, 10.0, true) >= n);
    }

    #[test]
    fn short_text_fits_and_long_text_says_how_much_is_too_much() {
        let items = vec!["Een korte regel".to_string(); 3];
        let short = CardText {
            group: "Kern",
            title: "Los",
            essence: "Eén zin.",
            front_sections: vec![SectionText {
                heading: "Wat",
                items: &items,
            }],
            back_title: "LOS · Los",
            facts: vec![("Duur", "20 minuten")],
            sections: vec![SectionText {
                heading: "Wat",
                items: &items,
            }],
        };
        for face in [Face::Front, Face::Back] {
            assert!(ELEMENT_CARD.fit(&short, face).fits(), "{face:?}");
        }
        let many = vec!["Een heel lange zin over wat er allemaal nodig is".to_string(); 40];
        let long = CardText {
            sections: vec![SectionText {
                heading: "Wat",
                items: &many,
            }],
            ..short
        };
        let fit = ELEMENT_CARD.fit(&long, Face::Back);
        assert!(!fit.fits());
        assert!((1.0..100.0).contains(&fit.excess_percent()), "{fit:?}");
        assert_eq!(fit.room_mm, ELEMENT_CARD.room(Face::Back));
        // Lists on the front are measured on the front.
        let long_front = CardText {
            front_sections: vec![SectionText {
                heading: "Wat",
                items: &many,
            }],
            sections: Vec::new(),
            ..long
        };
        assert!(!ELEMENT_CARD.fit(&long_front, Face::Front).fits());
        assert!(ELEMENT_CARD.fit(&long_front, Face::Back).fits());
    }
}
