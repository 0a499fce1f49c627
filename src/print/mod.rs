//! Print: what is specific to paper, and nothing else.
//!
//! The print pages are ordinary output files of the build (below `afdrukken/`),
//! laid out with CSS paged media so they print right from a browser's own print
//! dialog too. This module owns paper's geometry and measures: where cards go on
//! a sheet (`sheet`), whether a card's text fits it (`fit`), QR codes (`qr`),
//! which decks exist, and which PDFs are printed from which print page
//! (`jobs`). It deliberately knows no templates, no problems and no pipeline:
//! `render` builds the print pages' views from what is computed here,
//! `validate` judges the measurements, and `crate::pdf` prints the pages.

pub mod fit;
pub mod jobs;
pub mod qr;
pub mod sheet;

use crate::content::kind::{CardStyle, DeckInfo};

/// A deck of cards: a kind's deck (`content::kind::DeckInfo`) with the
/// measures paper needs.
#[derive(Debug, Clone, Copy)]
pub struct Deck(pub &'static DeckInfo);

impl Deck {
    /// The deck's folder below `afdrukken/<papier>/` and its PDF's name.
    pub fn slug(self) -> &'static str {
        self.0.slug
    }

    /// The type sizes of the deck's cards.
    pub fn card_type(self) -> fit::CardType {
        match self.0.style {
            CardStyle::Element => fit::ELEMENT_CARD,
            CardStyle::Prompt => fit::PROMPT_CARD,
        }
    }

    /// The document path of the deck in `layout`.
    pub fn doc(self, layout: sheet::Layout) -> String {
        match layout {
            sheet::Layout::Duplex => format!("{}/", self.slug()),
            sheet::Layout::Fold => format!("{}/vouwen/", self.slug()),
        }
    }
}

impl PartialEq for Deck {
    fn eq(&self, other: &Self) -> bool {
        self.slug() == other.slug()
    }
}

/// The whole toolkit as one document.
pub const TOOLKIT_DOC: &str = "toolkit/";
