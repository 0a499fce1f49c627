//! What templates receive: small, ready-to-print values.
//!
//! All computation (relative links, related prompts, labels, previous/next) is done
//! here, so templates only lay out. Each view borrows its shape from the domain
//! types in `content` and adds what a page needs.

use super::related::Related;
pub use crate::cards::{group_label, group_of, group_size, work_form_label};
use crate::content::{
    AspectOrigin, Checklist, ChecklistForm, Checklists, Doc, Element, Pages, Prompt, Prompts,
    Quote, Step, Toolkit,
};
use crate::routes::Route;
use serde::Serialize;

/// A link, ready to use: text and relative href.
#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    pub titel: String,
    pub href: String,
}

/// A cited work, with a link into the bibliography page.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    pub sleutel: String,
    pub kort: String,
    pub tekst: String,
    pub url: Option<String>,
    pub href: String,
}

/// An element as templates see it.
#[derive(Debug, Clone, Serialize)]
pub struct ElementView {
    pub code: String,
    pub naam: String,
    pub kern: String,
    pub kleur: String,
    pub groep: String,
    pub groep_naam: String,
    pub href: String,
    pub wat: Vec<String>,
    pub doel: Vec<String>,
    pub benodigdheden: Vec<String>,
    pub aspecten: Vec<String>,
    pub aspecten_van_toolkit: bool,
    pub citaten: Vec<Quote>,
    pub verwant: Vec<ElementLink>,
    pub gesprekken: Vec<LinkView>,
    pub checklists: Vec<LinkView>,
    pub paginas: Vec<LinkView>,
    /// Per kind listed on element pages, its documents about this element.
    pub over: Vec<AboutList>,
}

/// One kind's documents about an element, under the kind's heading.
#[derive(Debug, Clone, Serialize)]
pub struct AboutList {
    pub titel: String,
    /// The kind's short name (its menu label), for the "what you do" block
    /// at the top of the page.
    pub kort: String,
    /// The id of the list's section, so that block can point at it.
    pub anker: String,
    /// Empty when the kind has no note or the theme lacks its string.
    pub noot: String,
    pub items: Vec<LinkView>,
}

/// A short reference to an element: code, name, colour and link.
#[derive(Debug, Clone, Serialize)]
pub struct ElementLink {
    pub code: String,
    pub naam: String,
    pub kleur: String,
    pub href: String,
}

/// A prompt as templates see it.
#[derive(Debug, Clone, Serialize)]
pub struct PromptView {
    pub titel: String,
    pub doel: String,
    pub href: String,
    pub elementen: Vec<ElementLink>,
    pub werkvormen: Vec<String>,
    pub duur: u32,
    pub groepsgrootte: String,
    /// The group size as numbers, for the overview's filter.
    pub groep: crate::content::GroupSize,
    pub materialen: Vec<String>,
    pub stappen: Vec<Step>,
    pub vragen: Vec<String>,
    /// The element a prompt about one element discusses, explained as its card
    /// does: participants talk about it, so the page and worksheet show it.
    pub uitleg: Option<ElementExplanation>,
    /// Every element, explained, for a prompt whose participants choose the
    /// element they discuss (`elementkeuze`); empty otherwise.
    pub keuze: Vec<ElementExplanation>,
}

/// What an element is, as a prompt about it presents it: its kern and its
/// Wat, Doel and Benodigdheden, taken from the element itself.
#[derive(Debug, Clone, Serialize)]
pub struct ElementExplanation {
    pub code: String,
    pub naam: String,
    pub kern: String,
    pub kleur: String,
    pub href: String,
    pub wat: Vec<String>,
    pub doel: Vec<String>,
    pub benodigdheden: Vec<String>,
}

/// A checklist as templates see it.
#[derive(Debug, Clone, Serialize)]
pub struct ChecklistView {
    pub titel: String,
    pub inleiding: Option<String>,
    pub href: String,
    pub beantwoorden: bool,
    pub items: Vec<crate::content::ChecklistItem>,
    pub elementen: Vec<ElementLink>,
    /// The works it comes from, for its card on the overview.
    pub bronnen: Vec<SourceView>,
}

/// Builds views relative to one page.
pub struct Views<'a> {
    pub toolkit: &'a Toolkit,
    pub strings: &'a super::Strings,
    pub from: &'a Route,
    /// Which bodies link to which page, for "related" lists.
    pub related: &'a Related,
}

impl Views<'_> {
    pub fn link(&self, titel: &str, route: &Route) -> LinkView {
        LinkView {
            titel: titel.to_string(),
            href: self.from.link_to(route),
        }
    }

    pub fn sources(&self, keys: &[String]) -> Vec<SourceView> {
        keys.iter()
            .filter_map(|k| {
                let r = self.toolkit.bibliography.get(k)?;
                Some(SourceView {
                    sleutel: k.clone(),
                    kort: r.kort.clone(),
                    tekst: r.tekst.clone(),
                    url: r.url.clone(),
                    href: format!("{}#{k}", self.from.link_to(&Route::bibliography())),
                })
            })
            .collect()
    }

    /// The sources of an overview of `lists` (one list of keys per item shown):
    /// the works every item cites, or, when they share none, every work any
    /// item cites, in order of first mention.
    pub fn shared_sources(&self, lists: &[&[String]]) -> Vec<SourceView> {
        let Some((first, rest)) = lists.split_first() else {
            return Vec::new();
        };
        let shared: Vec<String> = first
            .iter()
            .filter(|k| rest.iter().all(|l| l.contains(k)))
            .cloned()
            .collect();
        if !shared.is_empty() {
            return self.sources(&shared);
        }
        let mut all: Vec<String> = Vec::new();
        for key in lists.iter().flat_map(|l| l.iter()) {
            if !all.contains(key) {
                all.push(key.clone());
            }
        }
        self.sources(&all)
    }

    pub fn element_link(&self, e: &Doc<Element>) -> ElementLink {
        ElementLink {
            code: e.meta.code.clone(),
            naam: e.meta.naam.clone(),
            kleur: e.meta.kleur.clone(),
            href: self.from.link_to(&Route::element(e)),
        }
    }

    pub fn element_links(&self, codes: &[String]) -> Vec<ElementLink> {
        codes
            .iter()
            .filter_map(|c| self.toolkit.element(c))
            .map(|e| self.element_link(e))
            .collect()
    }

    pub fn element(&self, e: &Doc<Element>) -> ElementView {
        let m = &e.meta;
        let t = self.toolkit;
        let groep = group_of(t, &m.code).to_string();
        // About this element: named in front matter, or linked from the body.
        let about = self.related.about(&m.code);
        let mut over = Vec::new();
        let mut of = |k: usize| -> Vec<LinkView> {
            let Some(shelf) = t.docs.iter().nth(k) else {
                return Vec::new();
            };
            let items: Vec<LinkView> = about
                .map_or(&[][..], |a| a.on(k))
                .iter()
                .map(|&i| self.link(shelf.doc(i).title(), &Route::on_shelf(shelf, i)))
                .collect();
            // An empty list shows nothing, so it is left out.
            if let Some(on) = shelf
                .info()
                .on_elements
                .as_ref()
                .filter(|_| !items.is_empty())
            {
                over.push(AboutList {
                    titel: self.strings.label(on.label),
                    kort: self.strings.label(shelf.info().search_label),
                    anker: format!("bij-{}", shelf.info().folder),
                    noot: on
                        .note
                        .and_then(|n| self.strings.get(n).map(str::to_string))
                        .unwrap_or_default(),
                    items: items.clone(),
                });
            }
            items
        };
        let lists: Vec<Vec<LinkView>> = (0..t.docs.iter().count()).map(&mut of).collect();
        let on = |k: Option<usize>| k.and_then(|k| lists.get(k)).cloned().unwrap_or_default();
        ElementView {
            code: m.code.clone(),
            naam: m.naam.clone(),
            kern: m.kern.clone(),
            kleur: m.kleur.clone(),
            groep_naam: group_label(self.strings, t, &m.code),
            groep,
            href: self.from.link_to(&Route::element(e)),
            wat: m.wat.clone(),
            doel: m.doel.clone(),
            benodigdheden: m.benodigdheden.clone(),
            aspecten: m.aspecten.iter().map(|a| a.text().to_string()).collect(),
            aspecten_van_toolkit: m.aspecten_herkomst == AspectOrigin::Toolkit,
            citaten: m.citaten.clone(),
            verwant: self.element_links(&m.verwant),
            gesprekken: on(t.docs.index_of::<Prompts>()),
            checklists: on(t.docs.index_of::<Checklists>()),
            paginas: on(t.docs.index_of::<Pages>()),
            over,
        }
    }

    pub fn prompt(&self, p: &Doc<Prompt>) -> PromptView {
        let m = &p.meta;
        PromptView {
            titel: m.titel.clone(),
            doel: m.doel.clone(),
            href: self.from.link_to(&Route::prompt(p)),
            elementen: self.element_links(&m.elementen),
            werkvormen: m
                .werkvorm
                .iter()
                .map(|w| work_form_label(self.strings, w))
                .collect(),
            duur: m.duur,
            groepsgrootte: group_size(&m.groepsgrootte),
            groep: m.groepsgrootte.clone(),
            materialen: m.materialen.clone(),
            stappen: m.stappen.clone(),
            vragen: m.vragen.clone(),
            uitleg: self.explanation(&m.elementen),
            keuze: match m.elementkeuze {
                true => (self.toolkit.elements().iter())
                    .map(|e| self.explained(e))
                    .collect(),
                false => Vec::new(),
            },
        }
    }

    /// The explanation of the one element of `codes`; none for a prompt about
    /// several elements or none (it would repeat the model).
    fn explanation(&self, codes: &[String]) -> Option<ElementExplanation> {
        let [code] = codes else { return None };
        Some(self.explained(self.toolkit.element(code)?))
    }

    fn explained(&self, e: &Doc<Element>) -> ElementExplanation {
        let m = &e.meta;
        ElementExplanation {
            code: m.code.clone(),
            naam: m.naam.clone(),
            kern: m.kern.clone(),
            kleur: m.kleur.clone(),
            href: self.from.link_to(&Route::element(e)),
            wat: m.wat.clone(),
            doel: m.doel.clone(),
            benodigdheden: m.benodigdheden.clone(),
        }
    }

    pub fn checklist(&self, c: &Doc<Checklist>) -> ChecklistView {
        let m = &c.meta;
        ChecklistView {
            titel: m.titel.clone(),
            inleiding: m.inleiding.clone(),
            href: self.from.link_to(&Route::checklist(c)),
            beantwoorden: m.vorm == ChecklistForm::Beantwoorden,
            items: m.items.clone(),
            elementen: self.element_links(&m.elementen),
            bronnen: self.sources(&m.bronnen),
        }
    }
}
