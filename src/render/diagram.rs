//! (Over 500 lines on purpose: one layout whose coordinates belong together.)
//!
//! The model as a diagram: inline SVG generated at build time from the model's
//! data (`ordening` in model.md, each element's code, name and colour), never a
//! drawn image, so editing the YAML changes the picture.
//!
//! The layout follows the model: the core element(s) at the centre inside the
//! band of the culture element(s), the instrumental elements above, the
//! interpersonal ones below, *aanleiding* flowing in from the left and the
//! *opbrengsten* out to the right. Every element is a link to its card with an
//! accessible name. Three variants share that layout: `Wide` (desktop, print),
//! `Tall` (phones: the flow runs downwards) and `Mini` (the "where am I" map on
//! element pages, with the current element marked).
//!
//! Text widths are estimated from character counts: there are no fonts at build
//! time, so line breaks are generous rather than exact.

use super::views::Views;
use crate::colour;
use crate::content::{Doc, Element};
use crate::routes::Route;
use pulldown_cmark_escape::escape_html;
use std::fmt::Write;

/// Which drawing of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// Aanleiding, model and opbrengsten side by side.
    Wide,
    /// The same flow from top to bottom, for narrow screens.
    Tall,
    /// Only the elements, codes only; for element pages.
    Mini,
}

impl Variant {
    fn id(self) -> &'static str {
        match self {
            Variant::Wide => "modeldiagram-breed",
            Variant::Tall => "modeldiagram-smal",
            Variant::Mini => "modeldiagram-mini",
        }
    }
}

/// Models with more elements than this get no diagram: rows wrap, so up to this
/// many still draw legibly, but beyond it a map of every element on every
/// element page grows with the square of their number. Pages then list the
/// elements, and the home page the model's aanleiding and opbrengsten, instead.
pub const MAX_ELEMENTS: usize = 24;

/// The SVG markup of the model for the page `v.from`, with `current` (an element
/// code) marked as the page the reader is on; empty for models too large to draw.
pub fn model_diagram(v: &Views, variant: Variant, current: Option<&str>) -> String {
    if v.toolkit.elements().len() > MAX_ELEMENTS {
        return String::new();
    }
    let core = Core::new(v, current);
    let s = |k: &str| v.strings.label(k);
    let model = &v.toolkit.model.meta;
    let title = match variant {
        Variant::Mini => s("waar_in_model"),
        _ => format!("{} – {}", model.titel, s("diagram_uitleg")),
    };
    let labels = Labels {
        instrumental: s("groep_instrumenteel"),
        interpersonal: s("groep_interpersoonlijk"),
    };
    let reasons = Column {
        title: s("aanleiding"),
        items: &model.aanleiding,
    };
    let outcomes = Column {
        title: s("opbrengsten"),
        items: &model.opbrengsten,
    };
    let mut body = String::new();
    let (width, height) = match variant {
        Variant::Wide | Variant::Tall => {
            let flow = Flow {
                core: &core,
                labels: &labels,
                reasons: &reasons,
                outcomes: &outcomes,
                variant,
            };
            match variant {
                Variant::Wide => wide(&mut body, &flow),
                _ => tall(&mut body, &flow),
            }
        }
        Variant::Mini => {
            let m = Metrics::mini();
            let h = core.draw(&mut body, &labels, 4.0, 4.0, &m);
            (m.width + 8.0, h + 8.0)
        }
    };
    let id = variant.id();
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="modeldiagram {id}" viewBox="0 0 {width:.0} {height:.0}" role="group" aria-labelledby="{id}-titel" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif"><title id="{id}-titel">{}</title><defs><marker id="{id}-pijl" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{MUTED}"/></marker></defs>"#,
        esc(&title)
    );
    out.push_str(&body);
    out.push_str("</svg>");
    out
}

const MUTED: &str = "#4d5961";
const PANEL: &str = "#f3f5f6";
const LINE: &str = "#d5dbdf";

/// Sizes for one variant, in viewBox units.
struct Metrics {
    /// Width of the core (the elements without the side columns).
    width: f64,
    gap: f64,
    code_size: f64,
    name_size: f64,
    line: f64,
    label_size: f64,
    /// Codes only, no names or group labels.
    compact: bool,
}

impl Metrics {
    fn full(width: f64) -> Self {
        Metrics {
            width,
            gap: 14.0,
            code_size: 24.0,
            name_size: 16.0,
            line: 20.0,
            label_size: 15.0,
            compact: false,
        }
    }

    fn mini() -> Self {
        Metrics {
            width: 232.0,
            gap: 8.0,
            code_size: 18.0,
            name_size: 0.0,
            line: 0.0,
            label_size: 0.0,
            compact: true,
        }
    }

    /// How many characters of `size` fit in `width` (a generous estimate).
    fn chars(width: f64, size: f64) -> usize {
        ((width / (size * 0.56)).floor() as usize).max(8)
    }
}

/// One element as the diagram draws it.
struct Item {
    code: String,
    name: String,
    colour: String,
    text: &'static str,
    href: String,
    label: String,
    current: bool,
}

/// The model's elements by place.
struct Core {
    instrumental: Vec<Item>,
    culture: Vec<Item>,
    centre: Vec<Item>,
    interpersonal: Vec<Item>,
}

struct Labels {
    instrumental: String,
    interpersonal: String,
}

struct Column<'a> {
    title: String,
    items: &'a [String],
}

impl Core {
    fn new(v: &Views, current: Option<&str>) -> Self {
        let arrangement = &v.toolkit.model.meta.ordening;
        let items = |group: &'static str, codes: &[String]| -> Vec<Item> {
            codes
                .iter()
                .filter_map(|c| v.toolkit.element(c))
                .map(|e| item(v, e, group, current))
                .collect()
        };
        Core {
            instrumental: items("instrumenteel", &arrangement.instrumenteel),
            culture: items("cultuur", &arrangement.cultuur),
            centre: items("kern", &arrangement.kern),
            interpersonal: items("interpersoonlijk", &arrangement.interpersoonlijk),
        }
    }

    /// Draws the core at (`x`, `y`); returns its height.
    fn draw(&self, out: &mut String, labels: &Labels, x: f64, y: f64, m: &Metrics) -> f64 {
        let mut cy = y;
        if !self.instrumental.is_empty() {
            if !m.compact {
                group_label(out, &labels.instrumental, x + m.width / 2.0, cy + 16.0, m);
                cy += 26.0;
            }
            cy += row(out, &self.instrumental, x, cy, m.width, m) + m.gap;
        }
        cy += nest(out, &self.culture, &self.centre, x, cy, m.width, m);
        if !self.interpersonal.is_empty() {
            cy += m.gap;
            cy += row(out, &self.interpersonal, x, cy, m.width, m);
            if !m.compact {
                group_label(out, &labels.interpersonal, x + m.width / 2.0, cy + 20.0, m);
                cy += 28.0;
            }
        }
        cy - y
    }
}

fn item(v: &Views, e: &Doc<Element>, group: &'static str, current: Option<&str>) -> Item {
    let m = &e.meta;
    let group_name = v
        .strings
        .get(&format!("groep_{group}"))
        .map_or_else(|| group.to_string(), str::to_string);
    Item {
        code: m.code.clone(),
        name: m.naam.clone(),
        colour: m.kleur.clone(),
        text: colour::text_on(&m.kleur),
        href: v.from.link_to(&Route::element(e)),
        label: format!("{} {} ({group_name})", m.code, m.naam),
        current: current == Some(m.code.as_str()),
    }
}

/// What the wide and the tall drawing both show: aanleiding, the core and
/// opbrengsten, in one variant.
struct Flow<'a> {
    core: &'a Core,
    labels: &'a Labels,
    reasons: &'a Column<'a>,
    outcomes: &'a Column<'a>,
    variant: Variant,
}

/// Aanleiding | core | opbrengsten, side by side; a side without items is
/// left out with its arrow.
fn wide(out: &mut String, flow: &Flow) -> (f64, f64) {
    let (core, labels, variant) = (flow.core, flow.labels, flow.variant);
    let (reasons, outcomes) = (flow.reasons, flow.outcomes);
    let m = Metrics::full(480.0);
    let (col_w, arrow_w, pad) = (230.0, 52.0, 6.0);
    let side = |c: &Column| {
        if c.items.is_empty() {
            0.0
        } else {
            col_w + arrow_w
        }
    };
    let core_x = pad + side(reasons);
    let right_x = core_x + m.width + arrow_w;
    let mut inner = String::new();
    let core_h = core.draw(&mut inner, labels, core_x, pad, &m);
    let h = [
        core_h,
        column_height(reasons, col_w, &m),
        column_height(outcomes, col_w, &m),
    ]
    .into_iter()
    .fold(0.0, f64::max);
    let mid = pad + h / 2.0;
    // In the model's reading order, as a screen reader reads the drawing:
    // aanleiding, the elements, opbrengsten.
    let top = |c: &Column| pad + (h - column_height(c, col_w, &m)) / 2.0;
    if !reasons.items.is_empty() {
        column(out, reasons, pad, top(reasons), col_w, &m);
        arrow(out, (pad + col_w + 6.0, mid), (core_x - 8.0, mid), variant);
    }
    out.push_str(&inner);
    if !outcomes.items.is_empty() {
        let from = (core_x + m.width + 8.0, mid);
        arrow(out, from, (right_x - 6.0, mid), variant);
        column(out, outcomes, right_x, top(outcomes), col_w, &m);
    }
    (core_x + m.width + side(outcomes) + pad, h + 2.0 * pad)
}

/// Aanleiding above, the core, opbrengsten below; a side without items is
/// left out with its arrow.
fn tall(out: &mut String, flow: &Flow) -> (f64, f64) {
    let (core, labels, variant) = (flow.core, flow.labels, flow.variant);
    let (reasons, outcomes) = (flow.reasons, flow.outcomes);
    // Narrower than the wide core, so text stays large on a phone.
    let m = Metrics::full(380.0);
    let (pad, arrow_h) = (6.0, 44.0);
    let cx = pad + m.width / 2.0;
    let mut y = pad;
    if !reasons.items.is_empty() {
        y += column(out, reasons, pad, y, m.width, &m);
        arrow(out, (cx, y + 6.0), (cx, y + arrow_h - 8.0), variant);
        y += arrow_h;
    }
    y += core.draw(out, labels, pad, y, &m);
    if !outcomes.items.is_empty() {
        arrow(out, (cx, y + 8.0), (cx, y + arrow_h - 6.0), variant);
        y += arrow_h;
        y += column(out, outcomes, pad, y, m.width, &m);
    }
    (m.width + 2.0 * pad, y + pad)
}

/// The culture bands, outermost first, around the centre elements.
fn nest(
    out: &mut String,
    rings: &[Item],
    centre: &[Item],
    x: f64,
    y: f64,
    w: f64,
    m: &Metrics,
) -> f64 {
    let Some((ring, rest)) = rings.split_first() else {
        return row(out, centre, x, y, w, m);
    };
    let side = if m.compact { 10.0 } else { 18.0 };
    let name_lines = if m.compact {
        Vec::new()
    } else {
        wrap(&ring.name, Metrics::chars(w - 2.0 * side, m.name_size))
    };
    let top = if m.compact {
        30.0
    } else {
        14.0 + m.code_size + name_lines.len() as f64 * m.line + 8.0
    };
    let mut inner = String::new();
    let inner_h = nest(
        &mut inner,
        rest,
        centre,
        x + side,
        y + top,
        w - 2.0 * side,
        m,
    );
    let h = top + inner_h + side;
    let hole = (x + side, y + top, w - 2.0 * side, inner_h);
    open_link(out, ring);
    let _ = write!(
        out,
        r#"<path class="vorm" fill-rule="evenodd" fill="{}" d="{} {}"/>"#,
        esc(&ring.colour),
        rounded(x, y, w, h, 26.0),
        rounded(hole.0, hole.1, hole.2, hole.3.max(1.0), 14.0),
    );
    if ring.current {
        current_mark(out, x, y, w, h, 26.0);
    }
    let cx = x + w / 2.0;
    let code_y = y + 8.0 + m.code_size;
    let code_size = if m.compact {
        m.code_size
    } else {
        m.code_size * 0.85
    };
    let lines: Vec<(&str, f64)> = name_lines
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), code_y + (i as f64 + 1.0) * m.line))
        .collect();
    label(out, ring, cx, (code_y, code_size), &lines, m.name_size);
    out.push_str("</a>");
    out.push_str(&inner);
    h
}

/// Element boxes in rows of equal height, as many to a row as stay legible
/// and the rows as even as they can be; returns the height.
fn row(out: &mut String, items: &[Item], x: f64, y: f64, w: f64, m: &Metrics) -> f64 {
    if items.is_empty() {
        return 0.0;
    }
    let min_w = if m.compact { 44.0 } else { 104.0 };
    let fit = (((w + m.gap) / (min_w + m.gap)).floor() as usize).max(1);
    let rows = items.len().div_ceil(fit);
    let per_row = items.len().div_ceil(rows);
    let mut h = 0.0;
    for (i, chunk) in items.chunks(per_row).enumerate() {
        if i > 0 {
            h += m.gap;
        }
        h += one_row(out, chunk, per_row, (x, y + h), w, m);
    }
    h
}

/// One row of element boxes of equal height, each as wide as one of `slots`
/// (a shorter last row is centred); returns the height.
fn one_row(
    out: &mut String,
    items: &[Item],
    slots: usize,
    (x, y): (f64, f64),
    w: f64,
    m: &Metrics,
) -> f64 {
    let n = slots as f64;
    let box_w = (w - (n - 1.0) * m.gap) / n;
    let x = x + (slots - items.len()) as f64 * (box_w + m.gap) / 2.0;
    let names: Vec<Vec<String>> = items
        .iter()
        .map(|i| {
            if m.compact {
                Vec::new()
            } else {
                wrap(&i.name, Metrics::chars(box_w - 20.0, m.name_size))
            }
        })
        .collect();
    let lines = names.iter().map(Vec::len).max().unwrap_or(0) as f64;
    let h = if m.compact {
        44.0
    } else {
        16.0 + m.code_size + 6.0 + lines * m.line + 10.0
    };
    for (k, (item, name)) in items.iter().zip(&names).enumerate() {
        let bx = x + k as f64 * (box_w + m.gap);
        open_link(out, item);
        let _ = write!(
            out,
            r#"<rect class="vorm" x="{bx:.1}" y="{y:.1}" width="{box_w:.1}" height="{h:.1}" rx="10" fill="{}"/>"#,
            esc(&item.colour)
        );
        if item.current {
            current_mark(out, bx, y, box_w, h, 10.0);
        }
        let cx = bx + box_w / 2.0;
        let code_y = if m.compact {
            y + h / 2.0 + m.code_size * 0.35
        } else {
            y + 12.0 + m.code_size
        };
        let lines: Vec<(&str, f64)> = name
            .iter()
            .enumerate()
            .map(|(i, l)| (l.as_str(), code_y + 2.0 + (i as f64 + 1.0) * m.line))
            .collect();
        label(out, item, cx, (code_y, m.code_size), &lines, m.name_size);
        out.push_str("</a>");
    }
    h
}

/// A side column (aanleiding or opbrengsten): a panel with a title and a list,
/// read out as a list named by its title, one item per point however many
/// lines it is drawn on.
fn column(out: &mut String, c: &Column, x: f64, y: f64, w: f64, m: &Metrics) -> f64 {
    let h = column_height(c, w, m);
    let _ = write!(
        out,
        r#"<g class="kolom" role="list" aria-label="{}"><rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="12" fill="{PANEL}" stroke="{LINE}" aria-hidden="true"/>"#,
        esc(&c.title)
    );
    let _ = write!(
        out,
        r#"<text x="{:.1}" y="{:.1}" font-size="{:.1}" font-weight="700" fill="{}" letter-spacing=".5" aria-hidden="true">{}</text>"#,
        x + 14.0,
        y + 28.0,
        m.label_size + 2.0,
        colour::DARK,
        esc(&c.title.to_uppercase())
    );
    let mut ly = y + 28.0 + 10.0;
    for item in c.items {
        ly += 8.0;
        let _ = write!(
            out,
            r#"<g role="listitem"><circle cx="{:.1}" cy="{:.1}" r="3" fill="{MUTED}" aria-hidden="true"/><text font-size="{:.1}" fill="{}">"#,
            x + 20.0,
            ly + m.line - 5.0,
            m.label_size,
            colour::DARK,
        );
        for (i, l) in wrap(item, Metrics::chars(w - 40.0, m.label_size))
            .iter()
            .enumerate()
        {
            ly += m.line;
            if i > 0 {
                out.push_str("<tspan> </tspan>");
            }
            let _ = write!(
                out,
                r#"<tspan x="{:.1}" y="{ly:.1}">{}</tspan>"#,
                x + 30.0,
                esc(l)
            );
        }
        out.push_str("</text></g>");
    }
    out.push_str("</g>");
    h
}

/// The height of a side column; nothing for one without items.
fn column_height(c: &Column, w: f64, m: &Metrics) -> f64 {
    if c.items.is_empty() {
        return 0.0;
    }
    let lines: usize = c
        .items
        .iter()
        .map(|i| wrap(i, Metrics::chars(w - 40.0, m.label_size)).len())
        .sum();
    28.0 + 10.0 + c.items.len() as f64 * 8.0 + lines as f64 * m.line + 16.0
}

fn group_label(out: &mut String, label: &str, cx: f64, y: f64, m: &Metrics) {
    let _ = write!(
        out,
        // Hidden from screen readers: each element's link names its group,
        // and a label read after the row it sits below is out of place.
        r#"<text x="{cx:.1}" y="{y:.1}" font-size="{:.1}" font-weight="600" fill="{MUTED}" text-anchor="middle" aria-hidden="true">{}</text>"#,
        m.label_size,
        esc(label)
    );
}

fn arrow(out: &mut String, from: (f64, f64), to: (f64, f64), variant: Variant) {
    let _ = write!(
        out,
        r#"<path class="pijl" aria-hidden="true" d="M{:.1},{:.1} L{:.1},{:.1}" stroke="{MUTED}" stroke-width="4" fill="none" marker-end="url(#{}-pijl)"/>"#,
        from.0,
        from.1,
        to.0,
        to.1,
        variant.id()
    );
}

fn open_link(out: &mut String, item: &Item) {
    let current = if item.current {
        r#" aria-current="page""#
    } else {
        ""
    };
    let _ = write!(
        out,
        r#"<a class="diagram-element{}" href="{}" aria-label="{}" data-code="{}"{current}>"#,
        if item.current { " huidig" } else { "" },
        esc(&item.href),
        esc(&item.label),
        esc(&item.code),
    );
}

/// The "you are here" marking: a thick dark outline just outside the shape.
fn current_mark(out: &mut String, x: f64, y: f64, w: f64, h: f64, r: f64) {
    let _ = write!(
        out,
        r#"<rect class="hier" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="{:.1}" fill="none" stroke="{}" stroke-width="4"/>"#,
        x - 3.0,
        y - 3.0,
        w + 6.0,
        h + 6.0,
        r + 3.0,
        colour::DARK
    );
}

/// An element's code and name lines as one text, so the visible text reads
/// "SRI Samen richten en (her)inrichten" (as its accessible name does), not
/// "SRISamen richten en(her)inrichten".
fn label(
    out: &mut String,
    item: &Item,
    cx: f64,
    (code_y, code_size): (f64, f64),
    lines: &[(&str, f64)],
    name_size: f64,
) {
    let _ = write!(
        out,
        r#"<text fill="{}" text-anchor="middle"><tspan x="{cx:.1}" y="{code_y:.1}" font-size="{code_size:.1}" font-weight="800">{}</tspan>"#,
        item.text,
        esc(&item.code),
    );
    for (line, y) in lines {
        // The space ends the previous chunk, so the words stay apart when read.
        let _ = write!(
            out,
            r#"<tspan> </tspan><tspan x="{cx:.1}" y="{y:.1}" font-size="{name_size:.1}">{}</tspan>"#,
            esc(line)
        );
    }
    out.push_str("</text>");
}

/// A rounded rectangle as a closed path (so two can make a band).
fn rounded(x: f64, y: f64, w: f64, h: f64, r: f64) -> String {
    let r = r.min(w / 2.0).min(h / 2.0);
    format!(
        "M{:.1},{y:.1} H{:.1} A{r:.1},{r:.1} 0 0 1 {:.1},{:.1} V{:.1} A{r:.1},{r:.1} 0 0 1 {:.1},{:.1} H{:.1} A{r:.1},{r:.1} 0 0 1 {x:.1},{:.1} V{:.1} A{r:.1},{r:.1} 0 0 1 {:.1},{y:.1} Z",
        x + r,
        x + w - r,
        x + w,
        y + r,
        y + h - r,
        x + w - r,
        y + h,
        x + r,
        y + h - r,
        y + r,
        x + r,
    )
}

/// Greedy word wrap to lines of at most `max` characters (a longer word stands alone).
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let len = line.chars().count() + word.chars().count() + usize::from(!line.is_empty());
        if !line.is_empty() && len > max {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Escapes text and attribute values (`&`, `<`, `>`, `"`) for XML.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let _ = escape_html(&mut out, s);
    out
}

#[cfg(test)]
#[path = "diagram_tests.rs"]
mod tests;
