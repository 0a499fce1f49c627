//! Where cards go on a sheet of paper: the card size, the layouts (duplex and
//! fold-over), crop marks and fold lines, all in millimetres.
//!
//! One card size serves A4 and US Letter, so a deck looks the same wherever it is
//! printed: 89 × 127 mm (a little under A6, the 3.5 × 5 inch photo card), because
//! four true A6 cards (210 × 296 mm) leave no printable margin on A4 and do not fit
//! on Letter at all. Templates only place what is computed here.

use crate::content::{DuplexOffset, Paper};

/// Card width in millimetres.
pub const CARD_W: f64 = 89.0;
/// Card height in millimetres.
pub const CARD_H: f64 = 127.0;
/// Space between two cards, so a cut that misses by a millimetre shows no neighbour.
pub const GUTTER: f64 = 4.0;
/// The band along the paper's edge that most printers cannot print on.
pub const PRINTABLE_MARGIN: f64 = 5.0;
/// The margin US printers leave unprinted (¼ inch); Letter leaves only 10.7 mm
/// above and below the block of cards, so marks and notes must fit inside it.
pub const LETTER_PRINTER_MARGIN: f64 = 6.35;
/// Crop marks start this far outside the card edge...
pub const MARK_GAP: f64 = 1.5;
/// ...and are this long: gap and length together stay under the 4.35 mm that
/// Letter leaves between the cards and its ¼ inch printer margin.
pub const MARK_LEN: f64 = 2.5;
/// Space between the top edge of a card and the instruction above it; the
/// instruction sits between the crop marks, so it may come closer than they do.
pub const NOTE_GAP: f64 = 0.8;
/// The largest duplex offset accepted, in either direction: more is not drift but
/// a wrong setting, and would push cards off the printable area.
pub const MAX_OFFSET: f64 = 5.0;
/// Height of the one-line instruction in the top margin.
pub const NOTE_H: f64 = 3.2;

/// How a deck is put on paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Four fronts on one page, their backs mirrored on the next; print duplex,
    /// flip on the long edge.
    Duplex,
    /// Two cards per page, front and back side by side with a fold line between;
    /// for printers without duplex, needs no registration.
    Fold,
}

impl Layout {
    pub fn cards_per_sheet(self) -> usize {
        match self {
            Layout::Duplex => 4,
            Layout::Fold => 2,
        }
    }
}

/// Which side of a card a placement shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    Front,
    Back,
}

/// What a printed page of a deck holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// Fronts of a duplex sheet.
    Fronts,
    /// Backs of a duplex sheet, mirrored.
    Backs,
    /// A fold-over sheet: fronts and backs side by side.
    FoldOver,
}

/// A card side placed on a page: which card, which side, top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    /// Index into the deck.
    pub card: usize,
    pub face: Face,
    pub x: f64,
    pub y: f64,
}

/// A straight line, in millimetres from the page's top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
}

/// A box in millimetres, for the printed instruction.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// One printed page of a deck.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetPage {
    pub kind: PageKind,
    /// 1-based number of the sheet of paper this page is (a side of).
    pub sheet: usize,
    pub placements: Vec<Placement>,
    pub crop_marks: Vec<Line>,
    pub fold_lines: Vec<Line>,
    /// Where the one-line instruction goes (top margin, over the first column).
    pub note: Area,
    /// Where the page label goes (top margin, over the second column).
    pub label: Area,
}

/// Lays `cards` cards out on `paper` in `layout`; `offset` moves duplex backs.
pub fn lay_out(cards: usize, paper: Paper, layout: Layout, offset: DuplexOffset) -> Vec<SheetPage> {
    let per = layout.cards_per_sheet();
    (0..cards.div_ceil(per))
        .flat_map(|sheet| {
            let first = sheet * per;
            let on_sheet: Vec<usize> = (first..cards.min(first + per)).collect();
            match layout {
                Layout::Duplex => duplex_pages(&on_sheet, sheet + 1, paper, offset),
                Layout::Fold => vec![fold_page(&on_sheet, sheet + 1, paper)],
            }
        })
        .collect()
}

/// The top-left corner of the block of cards (two columns, two rows), centred.
fn block_origin(paper: Paper, block_w: f64) -> (f64, f64) {
    let (w, h) = paper.size_mm();
    let block_h = 2.0 * CARD_H + GUTTER;
    ((w - block_w) / 2.0, (h - block_h) / 2.0)
}

fn duplex_pages(
    cards: &[usize],
    sheet: usize,
    paper: Paper,
    offset: DuplexOffset,
) -> Vec<SheetPage> {
    let (paper_w, _) = paper.size_mm();
    let (left, top) = block_origin(paper, 2.0 * CARD_W + GUTTER);
    let fronts: Vec<Placement> = cards
        .iter()
        .enumerate()
        .map(|(slot, &card)| Placement {
            card,
            face: Face::Front,
            x: left + (slot % 2) as f64 * (CARD_W + GUTTER),
            y: top + (slot / 2) as f64 * (CARD_H + GUTTER),
        })
        .collect();
    // Flipping on the long edge mirrors left and right: the back of a card sits
    // at the mirrored x, the same y.
    let backs: Vec<Placement> = fronts
        .iter()
        .map(|p| Placement {
            card: p.card,
            face: Face::Back,
            x: paper_w - p.x - CARD_W + offset.x_mm,
            y: p.y + offset.y_mm,
        })
        .collect();
    let (note, label) = notes(left, top);
    // The back's label stays put: only the cards need to meet their fronts.
    let (back_note, back_label) = notes(paper_w - left - 2.0 * CARD_W - GUTTER, top);
    vec![
        SheetPage {
            kind: PageKind::Fronts,
            sheet,
            crop_marks: crop_marks(&fronts),
            placements: fronts,
            fold_lines: Vec::new(),
            note,
            label,
        },
        // Backs carry no crop marks: cutting is done from the front, and marks
        // that drift with the duplexer would only mislead.
        SheetPage {
            kind: PageKind::Backs,
            sheet,
            placements: backs,
            crop_marks: Vec::new(),
            fold_lines: Vec::new(),
            note: back_note,
            label: back_label,
        },
    ]
}

fn fold_page(cards: &[usize], sheet: usize, paper: Paper) -> SheetPage {
    let (left, top) = block_origin(paper, 2.0 * CARD_W);
    let mut placements = Vec::new();
    for (row, &card) in cards.iter().enumerate() {
        let y = top + row as f64 * (CARD_H + GUTTER);
        placements.push(Placement {
            card,
            face: Face::Front,
            x: left,
            y,
        });
        // Folded along the shared edge, the right half lands behind the left
        // one the right way up: no rotation needed.
        placements.push(Placement {
            card,
            face: Face::Back,
            x: left + CARD_W,
            y,
        });
    }
    let fold_x = left + CARD_W;
    let fold_lines = placements
        .iter()
        .filter(|p| p.face == Face::Front)
        .flat_map(|p| {
            [
                vertical(fold_x, p.y - MARK_GAP - MARK_LEN, p.y - MARK_GAP),
                vertical(
                    fold_x,
                    p.y + CARD_H + MARK_GAP,
                    p.y + CARD_H + MARK_GAP + MARK_LEN,
                ),
            ]
        })
        .collect();
    let (note, label) = notes(left, top);
    SheetPage {
        kind: PageKind::FoldOver,
        sheet,
        crop_marks: crop_marks_outer(&placements),
        placements,
        fold_lines,
        note,
        label,
    }
}

/// The instruction over the first column and the page label over the second,
/// in the top margin between the crop marks.
fn notes(left: f64, top: f64) -> (Area, Area) {
    let y = top - NOTE_GAP - NOTE_H;
    let w = CARD_W - 6.0;
    (
        Area {
            x: left + 3.0,
            y,
            w,
            h: NOTE_H,
        },
        Area {
            x: left + CARD_W + 3.0,
            y,
            w,
            h: NOTE_H,
        },
    )
}

fn vertical(x: f64, y1: f64, y2: f64) -> Line {
    Line {
        x1: x,
        y1,
        x2: x,
        y2,
    }
}

fn horizontal(y: f64, x1: f64, x2: f64) -> Line {
    Line {
        x1,
        y1: y,
        x2,
        y2: y,
    }
}

/// Crop marks for every card edge, outside the block of placed cards.
fn crop_marks(placed: &[Placement]) -> Vec<Line> {
    let xs = edges(placed.iter().flat_map(|p| [p.x, p.x + CARD_W]));
    let ys = edges(placed.iter().flat_map(|p| [p.y, p.y + CARD_H]));
    marks_around(&xs, &ys)
}

/// Crop marks for the outer edges of fold-over pairs (the shared edge is folded).
fn crop_marks_outer(placed: &[Placement]) -> Vec<Line> {
    let fronts = placed.iter().filter(|p| p.face == Face::Front);
    let xs = edges(fronts.clone().flat_map(|p| [p.x, p.x + 2.0 * CARD_W]));
    let ys = edges(fronts.flat_map(|p| [p.y, p.y + CARD_H]));
    marks_around(&xs, &ys)
}

fn edges(values: impl Iterator<Item = f64>) -> Vec<f64> {
    let mut v: Vec<f64> = values.collect();
    v.sort_by(f64::total_cmp);
    v.dedup_by(|a, b| (*a - *b).abs() < 0.01);
    v
}

fn marks_around(xs: &[f64], ys: &[f64]) -> Vec<Line> {
    let (Some(&left), Some(&right), Some(&top), Some(&bottom)) =
        (xs.first(), xs.last(), ys.first(), ys.last())
    else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    for &x in xs {
        lines.push(vertical(x, top - MARK_GAP - MARK_LEN, top - MARK_GAP));
        lines.push(vertical(x, bottom + MARK_GAP, bottom + MARK_GAP + MARK_LEN));
    }
    for &y in ys {
        lines.push(horizontal(y, left - MARK_GAP - MARK_LEN, left - MARK_GAP));
        lines.push(horizontal(y, right + MARK_GAP, right + MARK_GAP + MARK_LEN));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inside_printable(paper: Paper, pages: &[SheetPage]) {
        let (w, h) = paper.size_mm();
        let ok_x = |x: f64| (PRINTABLE_MARGIN..=w - PRINTABLE_MARGIN).contains(&x);
        let ok_y = |y: f64| (PRINTABLE_MARGIN..=h - PRINTABLE_MARGIN).contains(&y);
        for page in pages {
            for p in &page.placements {
                assert!(ok_x(p.x) && ok_x(p.x + CARD_W), "{paper:?} card x {}", p.x);
                assert!(ok_y(p.y) && ok_y(p.y + CARD_H), "{paper:?} card y {}", p.y);
            }
            for l in page.crop_marks.iter().chain(&page.fold_lines) {
                assert!(
                    ok_x(l.x1) && ok_x(l.x2) && ok_y(l.y1) && ok_y(l.y2),
                    "{paper:?} {l:?}"
                );
            }
            for a in [&page.note, &page.label] {
                assert!(
                    ok_x(a.x) && ok_x(a.x + a.w) && ok_y(a.y) && ok_y(a.y + a.h),
                    "{a:?}"
                );
            }
        }
    }

    #[test]
    fn four_cards_and_marks_fit_the_printable_area_of_a4_and_letter() {
        let worst = DuplexOffset {
            x_mm: MAX_OFFSET,
            y_mm: -MAX_OFFSET,
        };
        for paper in Paper::ALL {
            for offset in [DuplexOffset::default(), worst] {
                inside_printable(paper, &lay_out(4, paper, Layout::Duplex, offset));
            }
            inside_printable(paper, &lay_out(2, paper, Layout::Fold, Default::default()));
        }
    }

    #[test]
    fn marks_and_notes_stay_inside_a_quarter_inch_margin_on_letter() {
        let (w, h) = Paper::Letter.size_mm();
        let m = LETTER_PRINTER_MARGIN;
        let inside = |x: f64, y: f64| (m..=w - m).contains(&x) && (m..=h - m).contains(&y);
        let pages = [
            lay_out(4, Paper::Letter, Layout::Duplex, DuplexOffset::default()),
            lay_out(2, Paper::Letter, Layout::Fold, DuplexOffset::default()),
        ];
        for page in pages.iter().flatten() {
            assert!(!page.crop_marks.is_empty() || page.kind == PageKind::Backs);
            for l in page.crop_marks.iter().chain(&page.fold_lines) {
                assert!(inside(l.x1, l.y1) && inside(l.x2, l.y2), "{l:?}");
            }
            for a in [&page.note, &page.label] {
                assert!(inside(a.x, a.y) && inside(a.x + a.w, a.y + a.h), "{a:?}");
            }
        }
    }

    #[test]
    fn six_cards_make_two_sheets_with_backs_mirrored_on_the_long_edge() {
        let pages = lay_out(6, Paper::A4, Layout::Duplex, DuplexOffset::default());
        let kinds: Vec<PageKind> = pages.iter().map(|p| p.kind).collect();
        use PageKind::*;
        assert_eq!(kinds, [Fronts, Backs, Fronts, Backs]);
        assert_eq!(pages[2].placements.len(), 2);
        for pair in pages.chunks(2) {
            for (front, back) in pair[0].placements.iter().zip(&pair[1].placements) {
                assert_eq!(front.card, back.card);
                // Mirrored: the distance from the left edge on the front equals
                // the distance from the right edge on the back.
                assert!((front.x - (210.0 - back.x - CARD_W)).abs() < 1e-9);
                assert_eq!(front.y, back.y);
            }
        }
    }

    #[test]
    fn duplex_offset_moves_only_the_backs() {
        let offset = DuplexOffset {
            x_mm: 2.0,
            y_mm: -1.5,
        };
        let plain = lay_out(4, Paper::A4, Layout::Duplex, DuplexOffset::default());
        let moved = lay_out(4, Paper::A4, Layout::Duplex, offset);
        assert_eq!(plain[0], moved[0]);
        for (a, b) in plain[1].placements.iter().zip(&moved[1].placements) {
            assert!((b.x - a.x - 2.0).abs() < 1e-9 && (b.y - a.y + 1.5).abs() < 1e-9);
        }
    }

    #[test]
    fn fold_over_puts_each_back_right_of_its_front() {
        let pages = lay_out(3, Paper::Letter, Layout::Fold, DuplexOffset::default());
        assert_eq!(pages.len(), 2);
        let p = &pages[0].placements;
        assert_eq!(
            (p[0].card, p[0].face, p[1].card, p[1].face),
            (0, Face::Front, 0, Face::Back)
        );
        assert!((p[1].x - p[0].x - CARD_W).abs() < 1e-9);
    }
}
