//! Print: card decks, worksheets and the whole toolkit as pages made for paper.
//!
//! The print pages are ordinary output files of the build (below `afdrukken/`),
//! laid out with CSS paged media so they print right from a browser's own print
//! dialog too; `crate::pdf` turns them into PDF files. This
//! module owns what is specific to paper: sheet geometry (`sheet`), what goes on a
//! card (`cards`), whether it fits (`fit`), QR codes (`qr`) and which documents
//! exist. Rendering them with the theme happens in `render`, like every page.

pub mod cards;
pub mod fit;
pub mod qr;
pub mod sheet;

use crate::routes::Route;

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

/// The print version of a site page of kind `kind` at `route`, as a document
/// path below `afdrukken/<papier>/`; `None` for pages without one.
pub fn doc_for(kind: &str, route: &Route) -> Option<String> {
    match kind {
        "home" => Some(TOOLKIT_DOC.into()),
        "elementen" => Some(Deck::Elements.doc(sheet::Layout::Duplex)),
        "gesprekken" => Some(Deck::Prompts.doc(sheet::Layout::Duplex)),
        "pagina" => Some(format!("paginas/{}", route.0)),
        "model" | "element" | "gesprek" | "checklists" | "checklist" | "bronnen" => {
            Some(route.0.clone())
        }
        _ => None,
    }
}
