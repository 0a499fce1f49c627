//! Card decks: every deck's cards laid out on sheets.
//!
//! The sheets' geometry comes from `print::sheet`; the views here give it the
//! names the templates use.

use super::cards::{CardMaker, CardView};
use super::{Choice, Renderer};
use crate::cards;
use crate::content::Paper;
use crate::content::kind::{AnyShelf, KindInfo};
use crate::print::Deck;
use crate::print::sheet::{self, Area, Face, Layout, Line, PageKind, Placement, SheetPage};
use crate::routes::Route;
use serde::Serialize;

/// A deck page.
#[derive(Serialize)]
struct DeckView<'a> {
    titel: String,
    vouwen: bool,
    stijl: String,
    paginas: Vec<PageView<'a>>,
    /// The site's duplex offset, already applied to the backs; the print
    /// page's control moves them further by the difference to it.
    verschuiving: OffsetView,
}

/// The duplex offset control's start values and limit, in millimetres.
#[derive(Serialize)]
struct OffsetView {
    x: f64,
    y: f64,
    max: f64,
}

/// One printed page of a deck, as the template sees it.
#[derive(Serialize)]
struct PageView<'a> {
    soort: &'static str,
    vel: usize,
    plaatsen: Vec<PlacementView>,
    snijtekens: Vec<LineView>,
    vouwlijnen: Vec<LineView>,
    instructie: AreaView,
    label: AreaView,
    kaarten: Vec<Placed<'a>>,
    label_tekst: String,
}

#[derive(Serialize)]
struct Placed<'a> {
    kaart: &'a CardView,
    kant: &'static str,
    x: f64,
    y: f64,
}

#[derive(Serialize)]
struct PlacementView {
    kaart: usize,
    kant: &'static str,
    x: f64,
    y: f64,
}

#[derive(Serialize)]
struct LineView {
    x1: f64,
    y1: f64,
    x2: f64,
    y2: f64,
}

#[derive(Serialize)]
struct AreaView {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

impl<'a> PageView<'a> {
    fn new(page: &SheetPage, cards: &'a [CardView], label_tekst: String) -> PageView<'a> {
        let lines = |lines: &[Line]| {
            lines
                .iter()
                .map(|l| LineView {
                    x1: l.x1,
                    y1: l.y1,
                    x2: l.x2,
                    y2: l.y2,
                })
                .collect()
        };
        let area = |a: &Area| AreaView {
            x: a.x,
            y: a.y,
            w: a.w,
            h: a.h,
        };
        let placement = |p: &Placement| PlacementView {
            kaart: p.card,
            kant: face_name(p.face),
            x: p.x,
            y: p.y,
        };
        PageView {
            soort: kind_name(page.kind),
            vel: page.sheet,
            plaatsen: page.placements.iter().map(placement).collect(),
            snijtekens: lines(&page.crop_marks),
            vouwlijnen: lines(&page.fold_lines),
            instructie: area(&page.note),
            label: area(&page.label),
            kaarten: page
                .placements
                .iter()
                .filter_map(|p| {
                    Some(Placed {
                        kaart: cards.get(p.card)?,
                        kant: face_name(p.face),
                        x: p.x,
                        y: p.y,
                    })
                })
                .collect(),
            label_tekst,
        }
    }
}

/// The side's name in templates and CSS classes.
fn face_name(face: Face) -> &'static str {
    match face {
        Face::Front => "voor",
        Face::Back => "achter",
    }
}

/// The page kind's name in templates and CSS classes (`vel-voorkant`).
fn kind_name(kind: PageKind) -> &'static str {
    match kind {
        PageKind::Fronts => "voorkant",
        PageKind::Backs => "achterkant",
        PageKind::FoldOver => "vouwvel",
    }
}

/// A deck's cards, with the kind whose documents they show.
pub(super) struct DeckCards<'a> {
    pub(super) deck: Deck,
    pub(super) shelf: &'a dyn AnyShelf,
    pub(super) cards: Vec<CardView>,
}

impl<'a> Renderer<'a> {
    /// Every deck's cards, with the words `validate` checked for fit.
    pub(super) fn decks(&mut self, base_url: Option<&str>) -> Vec<DeckCards<'a>> {
        let valid = self.valid;
        let t = &valid.toolkit;
        let maker = CardMaker {
            toolkit: t,
            strings: &self.theme.strings,
            base_url,
        };
        t.decks()
            .map(|(deck, shelf)| {
                let words = cards::deck(t, shelf, &*self.theme.strings);
                let of = words.len();
                let cards = (words.into_iter().enumerate())
                    .map(|(i, card)| maker.card(card, i + 1, of))
                    .collect();
                DeckCards {
                    deck: Deck(deck),
                    shelf,
                    cards,
                }
            })
            .collect()
    }

    pub(super) fn deck_page(
        &mut self,
        paper: Paper,
        deck: Deck,
        kind: &KindInfo,
        layout: Layout,
        cards: &[CardView],
    ) {
        let doc = deck.doc(layout);
        let route = Route::print(paper, &doc);
        let offset = self.valid.toolkit.site.duplex_verschuiving;
        let pages = sheet::lay_out(cards.len(), paper, layout, offset);
        let sheets = pages.iter().map(|p| p.sheet).max().unwrap_or(0);
        let pages: Vec<PageView> = pages
            .iter()
            .map(|page| PageView::new(page, cards, self.page_label(page, sheets)))
            .collect();
        let (title_key, site_route) = (deck.0.title, Route::list(kind));
        let view = DeckView {
            titel: self.s(title_key),
            vouwen: layout == Layout::Fold,
            stijl: deck.card_type().css_vars(),
            paginas: pages,
            verschuiving: OffsetView {
                x: offset.x_mm,
                y: offset.y_mm,
                max: sheet::MAX_OFFSET,
            },
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
        let key = match page.kind {
            PageKind::Fronts => "print_vel_voorkant",
            PageKind::Backs => "print_vel_achterkant",
            PageKind::FoldOver => "print_vel_vouwen",
        };
        self.s(key)
            .replace("{vel}", &page.sheet.to_string())
            .replace("{vellen}", &sheets.to_string())
    }
}
