//! What a document's printed card says, for kinds whose card deck is made
//! from their front matter.
//!
//! A kind says which of its fields go on the card ([`FrontMatter::card`]);
//! render lays them out in the shared card design and validate measures
//! them, naming the fields to shorten when a side does not fit.
//!
//! [`FrontMatter::card`]: super::kind::FrontMatter::card

/// One card's texts, front and back.
#[derive(Debug)]
pub struct CardContent<'a> {
    /// The front's text under the title.
    pub front: CardText<'a>,
    /// Label–value lines at the top of the back.
    pub facts: Vec<CardFact<'a>>,
    /// Headed lists on the back, in order.
    pub lists: Vec<CardList<'a>>,
}

/// A text on a card, with the front-matter field it comes from (where a
/// problem about it points).
#[derive(Debug)]
pub struct CardText<'a> {
    pub field: &'static str,
    pub text: &'a str,
}

/// A label–value line.
#[derive(Debug)]
pub struct CardFact<'a> {
    pub field: &'static str,
    pub label: Label<'a>,
    pub value: Label<'a>,
}

/// A text as the theme words it (a UI-string key) or as the content does.
#[derive(Debug)]
pub enum Label<'a> {
    Key(&'static str),
    Text(&'a str),
    /// A text the kind composes from its fields.
    Owned(String),
}

/// A headed list.
#[derive(Debug)]
pub struct CardList<'a> {
    pub field: &'static str,
    /// UI-string key of the heading.
    pub label: &'static str,
    pub items: &'a [String],
}

impl CardContent<'_> {
    /// The fields the back shows, facts first (where a problem points).
    pub fn back_fields(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        let fields = self.facts.iter().map(|f| f.field);
        for f in fields.chain(self.lists.iter().map(|l| l.field)) {
            if !out.contains(&f) {
                out.push(f);
            }
        }
        out
    }
}
