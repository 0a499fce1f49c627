//! Print: what is specific to paper, and nothing else.
//!
//! The print pages are ordinary output files of the build (below `afdrukken/`),
//! laid out with CSS paged media so they print right from a browser's own print
//! dialog too. This module owns paper's geometry and measures: where cards go on
//! a sheet (`sheet`), whether a card's text fits it (`fit`), QR codes (`qr`) and
//! which decks exist. It deliberately knows no templates, no problems and no
//! pipeline: `render` builds the print pages' views from what is computed here,
//! `validate` judges the measurements, and `crate::pdf` prints the pages.

pub mod fit;
pub mod qr;
pub mod sheet;

/// A deck of cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deck {
    Elements,
    Prompts,
}

impl Deck {
    pub const ALL: [Deck; 2] = [Deck::Elements, Deck::Prompts];

    /// The deck's folder below `afdrukken/<papier>/` and its PDF's name.
    pub fn slug(self) -> &'static str {
        match self {
            Deck::Elements => "elementkaarten",
            Deck::Prompts => "gesprekskaarten",
        }
    }

    /// The type sizes of the deck's cards.
    pub fn card_type(self) -> fit::CardType {
        match self {
            Deck::Elements => fit::ELEMENT_CARD,
            Deck::Prompts => fit::PROMPT_CARD,
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

/// The whole toolkit as one document.
pub const TOOLKIT_DOC: &str = "toolkit/";
