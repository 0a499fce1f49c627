//! Card decks: both decks' cards, checked for fit, laid out on sheets.

use super::{Choice, Renderer};
use crate::content::{Doc, Element, Paper};
use crate::print::Deck;
use crate::print::cards::{CardMaker, CardView, check_fit};
use crate::print::sheet::{self, Face, Layout, SheetPage};
use crate::routes::Route;
use serde::Serialize;

/// A deck page.
#[derive(Serialize)]
struct DeckView<'a> {
    titel: String,
    vouwen: bool,
    stijl: String,
    paginas: Vec<PageView<'a>>,
}

#[derive(Serialize)]
struct PageView<'a> {
    #[serde(flatten)]
    page: &'a SheetPage,
    kaarten: Vec<Placed<'a>>,
    label_tekst: String,
}

#[derive(Serialize)]
struct Placed<'a> {
    kaart: &'a CardView,
    kant: Face,
    x: f64,
    y: f64,
}

impl Renderer<'_> {
    /// Both decks' cards, checked for fit (a card that does not fit is an error).
    pub(super) fn decks(&mut self, base_url: Option<&str>) -> Vec<(Deck, Vec<CardView>)> {
        let valid = self.valid;
        let t = &valid.toolkit;
        let maker = CardMaker {
            toolkit: t,
            strings: &self.theme.strings,
            base_url,
        };
        let n = t.elements().len();
        let elements: Vec<CardView> = t
            .elements()
            .iter()
            .enumerate()
            .map(|(i, e)| maker.element(e, i + 1, n))
            .collect();
        let n = t.prompts().len();
        let prompts: Vec<CardView> = t
            .prompts()
            .iter()
            .enumerate()
            .map(|(i, p)| maker.prompt(p, i + 1, n))
            .collect();
        for (card, e) in elements.iter().zip(t.elements()) {
            let back = element_back_fields(e);
            let ty = Deck::Elements.card_type();
            self.problems
                .extend(check_fit(&ty, card, e, &["kern", "naam"], &back));
        }
        for (card, p) in prompts.iter().zip(t.prompts()) {
            self.problems.extend(check_fit(
                &Deck::Prompts.card_type(),
                card,
                p,
                &["doel", "titel"],
                &["vragen", "werkvorm"],
            ));
        }
        vec![(Deck::Elements, elements), (Deck::Prompts, prompts)]
    }

    pub(super) fn deck_page(
        &mut self,
        paper: Paper,
        deck: Deck,
        layout: Layout,
        cards: &[CardView],
    ) {
        let doc = deck.doc(layout);
        let route = Route::print(paper, &doc);
        let offset = self.valid.toolkit.site.duplex_offset;
        let pages = sheet::lay_out(cards.len(), paper, layout, offset);
        let sheets = pages.iter().map(|p| p.vel).max().unwrap_or(0);
        let pages: Vec<PageView> = pages
            .iter()
            .map(|page| PageView {
                page,
                kaarten: page
                    .plaatsen
                    .iter()
                    .filter_map(|p| {
                        Some(Placed {
                            kaart: cards.get(p.kaart)?,
                            kant: p.kant,
                            x: p.x,
                            y: p.y,
                        })
                    })
                    .collect(),
                label_tekst: self.page_label(page, sheets),
            })
            .collect();
        let (title_key, site_route) = match deck {
            Deck::Elements => ("print_elementkaarten", Route::elements()),
            Deck::Prompts => ("print_gesprekskaarten", Route::prompts()),
        };
        let view = DeckView {
            titel: self.s(title_key),
            vouwen: layout == Layout::Fold,
            stijl: deck.card_type().css_vars(),
            paginas: pages,
        };
        let vormen = [
            (Layout::Duplex, "print_dubbelzijdig"),
            (Layout::Fold, "print_vouwen"),
        ]
        .into_iter()
        .map(|(l, key)| Choice {
            label: self.s(key),
            href: route.link_to(&Route::print(paper, &deck.doc(l))),
            actief: l == layout,
        })
        .collect();
        let titel = view.titel.clone();
        self.print_page(
            &route,
            paper,
            &doc,
            "print/deck.html",
            titel,
            "kaarten",
            vormen,
            Some(&site_route),
            |ctx| {
                ctx.insert("deck", &view);
            },
        );
    }

    fn page_label(&self, page: &SheetPage, sheets: usize) -> String {
        let key = match page.soort {
            sheet::PageKind::Voorkant => "print_vel_voorkant",
            sheet::PageKind::Achterkant => "print_vel_achterkant",
            sheet::PageKind::Vouwvel => "print_vel_vouwen",
        };
        self.s(key)
            .replace("{vel}", &page.vel.to_string())
            .replace("{vellen}", &sheets.to_string())
    }
}

/// The back's fields of an element card, the longest first (where a problem points).
fn element_back_fields(e: &Doc<Element>) -> Vec<&'static str> {
    let m = &e.meta;
    let len = |v: &[String]| v.iter().map(String::len).sum::<usize>();
    let mut fields = [
        ("benodigdheden", len(&m.benodigdheden)),
        ("wat", len(&m.wat)),
        ("doel", len(&m.doel)),
    ];
    fields.sort_by_key(|f| std::cmp::Reverse(f.1));
    fields.iter().map(|(f, _)| *f).collect()
}
