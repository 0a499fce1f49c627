//! The words on every card of every deck, built once from the content and the
//! theme's labels.
//!
//! `validate` measures these words against the card (`print::fit`) and
//! `render` prints them, so the estimate always measures exactly what the card
//! shows. The words depend on the theme (a card's headings are UI strings), so
//! both stages get the labels through [`Labels`] and neither depends on the
//! other.

use crate::content::card::Label;
use crate::content::kind::{AnyDoc, AnyShelf, Shelf};
use crate::content::{Doc, Element, Elements, GroupSize, Prompt, Prompts, Toolkit, WorkForm};
use crate::print::fit::{CardText, SectionText};

/// The theme's UI strings, as cards need them: the text for a key.
pub trait Labels {
    fn label(&self, key: &str) -> String;
}

/// What is set in type on both sides of a card.
#[derive(Debug, Clone, Default)]
pub struct Faces {
    /// Front: the small line above the title (the element's group, "In gesprek").
    pub group: String,
    pub title: String,
    /// Front: the element's essence, or the prompt's purpose.
    pub essence: String,
    /// Front: headed lists below the essence.
    pub front_sections: Vec<Section>,
    pub back_title: String,
    /// Back: label–value lines (a prompt's form, duration, group size).
    pub facts: Vec<(String, String)>,
    pub sections: Vec<Section>,
}

/// A heading with bullets (element) or numbered items (prompt questions).
#[derive(Debug, Clone)]
pub struct Section {
    pub heading: String,
    pub items: Vec<String>,
    pub numbered: bool,
}

impl Faces {
    /// The words as the fit estimate measures them.
    pub fn text(&self) -> CardText<'_> {
        CardText {
            group: &self.group,
            title: &self.title,
            essence: &self.essence,
            front_sections: section_texts(&self.front_sections),
            back_title: &self.back_title,
            facts: (self.facts.iter())
                .map(|(l, v)| (l.as_str(), v.as_str()))
                .collect(),
            sections: section_texts(&self.sections),
        }
    }
}

fn section_texts(sections: &[Section]) -> Vec<SectionText<'_>> {
    (sections.iter())
        .map(|s| SectionText {
            heading: &s.heading,
            items: &s.items,
        })
        .collect()
}

/// The document a card is about: the model's elements and prompts have card
/// designs of their own, other kinds say in their front matter what goes on
/// their cards.
#[derive(Clone, Copy)]
pub enum CardDoc<'a> {
    Element(&'a Doc<Element>),
    Prompt(&'a Doc<Prompt>),
    /// The `index`th document of a shelf of another kind.
    Other {
        shelf: &'a dyn AnyShelf,
        index: usize,
    },
}

impl<'a> CardDoc<'a> {
    pub fn doc(self) -> &'a dyn AnyDoc {
        match self {
            CardDoc::Element(e) => e,
            CardDoc::Prompt(p) => p,
            CardDoc::Other { shelf, index } => shelf.doc(index),
        }
    }
}

/// One card of a deck: its document and its words.
pub struct DeckCard<'a> {
    pub doc: CardDoc<'a>,
    pub faces: Faces,
}

/// The cards of `shelf`'s documents, in the order the deck prints them.
pub fn deck<'a>(t: &'a Toolkit, shelf: &'a dyn AnyShelf, labels: &dyn Labels) -> Vec<DeckCard<'a>> {
    let any = shelf.as_any();
    if let Some(Shelf(elements)) = any.downcast_ref::<Shelf<Elements>>() {
        return (elements.iter())
            .map(|e| DeckCard {
                doc: CardDoc::Element(e),
                faces: element(t, e, labels),
            })
            .collect();
    }
    if let Some(Shelf(prompts)) = any.downcast_ref::<Shelf<Prompts>>() {
        return prompt_deck(t, prompts, labels);
    }
    (0..shelf.len())
        .filter_map(|index| {
            let faces = of_front_matter(shelf, index, labels)?;
            let doc = CardDoc::Other { shelf, index };
            Some(DeckCard { doc, faces })
        })
        .collect()
}

/// The prompt cards in the model's order, each element's card right after the
/// prompts about that one element.
///
/// A focus group presents the element's explanation "aan de hand van de
/// elementkaart", as the research's protocol did; the explanation does not fit
/// on the prompt card's back beside the step plan, so the deck carries the
/// element card itself where the facilitator needs it.
fn prompt_deck<'a>(
    t: &'a Toolkit,
    prompts: &'a [Doc<Prompt>],
    labels: &dyn Labels,
) -> Vec<DeckCard<'a>> {
    let sorted = in_model_order(t, prompts);
    let mut cards = Vec::with_capacity(sorted.len());
    for (i, p) in sorted.iter().enumerate() {
        cards.push(DeckCard {
            doc: CardDoc::Prompt(p),
            faces: prompt(p, labels),
        });
        let about = single_element(t, p);
        let next = sorted.get(i + 1).and_then(|n| single_element(t, n));
        if let Some(e) = about.filter(|e| next.map(|n| n.meta.code != e.meta.code).unwrap_or(true))
        {
            cards.push(DeckCard {
                doc: CardDoc::Element(e),
                faces: element(t, e, labels),
            });
        }
    }
    cards
}

/// The element a prompt is about, when it is about exactly one.
pub fn single_element<'a>(t: &'a Toolkit, p: &Doc<Prompt>) -> Option<&'a Doc<Element>> {
    match p.meta.elementen.as_slice() {
        [one] => t.element(one),
        _ => None,
    }
}

/// The prompts in the model's order, as a facilitator lays them out: those
/// about one element in the order of the elements (LOS first), then those
/// about several elements or the whole model; by title within each.
fn in_model_order<'p>(t: &Toolkit, prompts: &'p [Doc<Prompt>]) -> Vec<&'p Doc<Prompt>> {
    let place = |p: &Doc<Prompt>| match p.meta.elementen.as_slice() {
        [one] => t.elements().iter().position(|e| e.meta.code == *one),
        _ => None,
    };
    let mut sorted: Vec<&Doc<Prompt>> = prompts.iter().collect();
    sorted.sort_by_key(|p| (place(p).unwrap_or(usize::MAX), p.meta.titel.clone()));
    sorted
}

fn section(labels: &dyn Labels, key: &str, items: &[String], numbered: bool) -> Section {
    Section {
        heading: labels.label(key),
        items: items.to_vec(),
        numbered,
    }
}

/// An element's card: its essence and what it is on the front, its purpose
/// and what it needs on the back.
pub fn element(t: &Toolkit, e: &Doc<Element>, labels: &dyn Labels) -> Faces {
    let m = &e.meta;
    Faces {
        group: group_label(labels, t, &m.code),
        title: m.naam.clone(),
        essence: m.kern.clone(),
        front_sections: vec![section(labels, "wat", &m.wat, false)],
        back_title: format!("{} · {}", m.code, m.naam),
        facts: Vec::new(),
        sections: vec![
            section(labels, "doel", &m.doel, false),
            section(labels, "benodigdheden", &m.benodigdheden, false),
        ],
    }
}

/// A prompt's card: the questions on the front, the facilitator's step plan
/// and materials on the back.
pub fn prompt(p: &Doc<Prompt>, labels: &dyn Labels) -> Faces {
    let m = &p.meta;
    let minutes = labels.label("minuten");
    let forms: Vec<String> = (m.werkvorm.iter())
        .map(|w| work_form_label(labels, w))
        .collect();
    let fact = |key: &str, value: String| (labels.label(key), value);
    let size = format!(
        "{} {}",
        group_size(&m.groepsgrootte),
        labels.label("deelnemers")
    );
    let facts = [
        fact("werkvorm", forms.join(", ")),
        fact("duur", format!("{} {minutes}", m.duur)),
        fact("groepsgrootte", size),
    ];
    // Materials on one line: as a list they take the room the step plan needs.
    let materials = (!m.materialen.is_empty()).then(|| fact("materialen", m.materialen.join("; ")));
    let steps: Vec<String> = (m.stappen.iter())
        .map(|s| format!("{} {minutes} {}", s.minuten, s.tekst))
        .collect();
    Faces {
        group: labels.label("nav_prompts"),
        title: m.titel.clone(),
        essence: m.doel.clone(),
        front_sections: vec![section(labels, "vragen", &m.vragen, true)],
        back_title: m.titel.clone(),
        facts: facts.into_iter().chain(materials).collect(),
        sections: (!steps.is_empty())
            .then(|| section(labels, "stappen", &steps, true))
            .into_iter()
            .collect(),
    }
}

/// The card of the `i`th document of `shelf`, from what its front matter puts
/// on a card; `None` for kinds that put nothing there.
pub fn of_front_matter(shelf: &dyn AnyShelf, i: usize, labels: &dyn Labels) -> Option<Faces> {
    let d = shelf.doc(i);
    let card = d.card()?;
    let info = shelf.info();
    let text = |l: &Label| match l {
        Label::Key(k) => labels.label(k),
        Label::Text(t) => (*t).to_string(),
        Label::Owned(t) => t.clone(),
    };
    let group = info.list.as_ref().map_or(info.folder, |l| l.label);
    Some(Faces {
        group: labels.label(group),
        title: d.heading(),
        essence: card.front.text.to_string(),
        front_sections: Vec::new(),
        back_title: d.heading(),
        facts: (card.facts.iter())
            .map(|f| (text(&f.label), text(&f.value)))
            .collect(),
        sections: (card.lists.iter())
            .filter(|l| !l.items.is_empty())
            .map(|l| section(labels, l.label, l.items, false))
            .collect(),
    })
}

/// The key of the model's group element `code` is placed in; `kern` when the
/// model places it nowhere.
pub fn group_of(toolkit: &Toolkit, code: &str) -> &'static str {
    toolkit.model.meta.ordening.group_of(code).unwrap_or("kern")
}

/// The name of element `code`'s group, as its page and its card show it.
pub fn group_label(labels: &dyn Labels, toolkit: &Toolkit, code: &str) -> String {
    labels.label(&format!("groep_{}", group_of(toolkit, code)))
}

/// The name of a work form, as a prompt's page and its card show it.
pub fn work_form_label(labels: &dyn Labels, w: &WorkForm) -> String {
    labels.label(&format!("werkvorm_{}", w.name()))
}

/// A group size as "4" or "4–12", without the word for participants.
pub fn group_size(size: &GroupSize) -> String {
    match size.max {
        Some(max) if max != size.min => format!("{}–{max}", size.min),
        _ => format!("{}", size.min),
    }
}
