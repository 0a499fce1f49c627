//! Markdown to HTML, with the toolkit's own link syntax.
//!
//! Content links to other content with `@/path.md` or `@CODE`; this module finds
//! those links (for validation) and turns them into relative URLs (for rendering).
//! Raw HTML is shown as text unless the site allows it, `javascript:` links are
//! never emitted, and external links open without handing over the opener.
//! Headings keep only `{#id}` and `{.klasse}` of their attributes, with plain
//! names: `{onclick=…}` or `{style=…}` would put script or layout into the page.

use crate::routes::{LinkTable, Route};
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html};
use std::cell::Cell;

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_STRIKETHROUGH
}

/// A link found in a body, with its byte offset for line numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundLink {
    pub dest: String,
    pub offset: usize,
    pub image: bool,
}

/// All link and image destinations in `body`.
pub fn links(body: &str) -> Vec<FoundLink> {
    Parser::new_ext(body, options())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. }) => Some(FoundLink {
                dest: dest_url.to_string(),
                offset: range.start,
                image: false,
            }),
            Event::Start(Tag::Image { dest_url, .. }) => Some(FoundLink {
                dest: dest_url.to_string(),
                offset: range.start,
                image: true,
            }),
            _ => None,
        })
        .collect()
}

/// The ids of all headings in `body`, as the renderer will assign them.
pub fn heading_ids(body: &str) -> Vec<String> {
    scan(body).heading_ids
}

/// What validation needs from a body: its links, its heading ids and the
/// heading attributes the renderer leaves out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BodyScan {
    pub links: Vec<FoundLink>,
    pub heading_ids: Vec<String>,
    pub dropped: Vec<DroppedAttribute>,
    /// Explicit ids (`{#id}`) that another heading had already taken.
    pub renamed: Vec<RenamedId>,
}

/// An explicit heading id that was taken, and the id the heading got instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenamedId {
    pub wanted: String,
    pub given: String,
    /// The heading's byte offset.
    pub offset: usize,
}

/// A heading attribute that is not rendered, with the heading's byte offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DroppedAttribute {
    /// As written: `onclick=alert(1)`, `.a"b`, `#x<y`.
    pub attribute: String,
    pub offset: usize,
}

/// Links and heading ids of `body` from one parse; parsing is most of the cost of
/// checking a big toolkit, so each body is parsed once.
pub fn scan(body: &str) -> BodyScan {
    let mut ids = Ids::default();
    let mut out = BodyScan::default();
    let mut text: Option<String> = None;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => out.links.push(FoundLink {
                dest: dest_url.to_string(),
                offset: range.start,
                image: false,
            }),
            Event::Start(Tag::Image { dest_url, .. }) => out.links.push(FoundLink {
                dest: dest_url.to_string(),
                offset: range.start,
                image: true,
            }),
            Event::Start(Tag::Heading {
                id, classes, attrs, ..
            }) => {
                out.dropped
                    .extend(
                        dropped_attributes(id.as_deref(), &classes, &attrs).map(|attribute| {
                            DroppedAttribute {
                                attribute,
                                offset: range.start,
                            }
                        }),
                    );
                match id.filter(|id| is_plain_name(id)) {
                    Some(id) => {
                        let given = ids.claim(id.to_string());
                        if given != *id {
                            out.renamed.push(RenamedId {
                                wanted: id.to_string(),
                                given: given.clone(),
                                offset: range.start,
                            });
                        }
                        out.heading_ids.push(given);
                    }
                    None => text = Some(String::new()),
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(buf) = text.as_mut() {
                    buf.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(t) = text.take() {
                    out.heading_ids.push(ids.claim(slugify(&t)));
                }
            }
            _ => {}
        }
    }
    out
}

/// Is this a URL scheme that may run script in a browser?
/// Blanks and control characters are skipped as a browser does; compared without
/// building a cleaned copy, since every link of every body passes here.
pub fn is_dangerous_url(dest: &str) -> bool {
    let cleaned = || {
        dest.chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .map(|c| c.to_ascii_lowercase())
    };
    ["javascript:", "vbscript:", "data:"].iter().any(|scheme| {
        let mut rest = cleaned();
        scheme.chars().all(|s| rest.next() == Some(s))
    })
}

/// Is this link to another site?
pub fn is_external(dest: &str) -> bool {
    let d = dest.to_ascii_lowercase();
    d.starts_with("http://") || d.starts_with("https://") || d.starts_with("//")
}

/// What the renderer needs to know about the page it renders for.
pub struct RenderContext<'a> {
    pub links: &'a LinkTable,
    pub from: &'a Route,
    pub allow_raw_html: bool,
}

/// Stands for the way back to the site root in HTML made by
/// [`to_html_any_depth`], as `escape_href` writes it (the percent-encoded
/// Unicode noncharacter U+FDD0, which no real text uses).
const ROOT: &str = "%EF%B7%90";
const ROOT_CHAR: char = '\u{FDD0}';

/// Renders `body` once for pages at any depth: every link and image to the
/// site's own pages and files holds a marker where the way back to the root
/// goes, which [`at_depth`] fills in. A body is shown on its page, in its print
/// version and in the whole toolkit, at three depths; its Markdown is parsed
/// once. `None` for a body that holds the marker itself (then render per page).
pub fn to_html_any_depth(body: &str, links: &LinkTable, allow_raw_html: bool) -> Option<String> {
    if body.contains(ROOT) || body.contains(ROOT_CHAR) {
        return None;
    }
    let root = ROOT_CHAR.to_string();
    let ctx = Resolve {
        links,
        root: &root,
        allow_raw_html,
        resolved: Cell::new(0),
    };
    let html = render(body, &ctx);
    // A marker that is not one of ours (a character reference in a URL, say)
    // would be filled in too: render such a body per page instead.
    (html.matches(ROOT).count() == ctx.resolved.get()).then_some(html)
}

/// HTML from [`to_html_any_depth`] for a page `depth` folders below the root.
pub fn at_depth(html: &str, depth: usize) -> String {
    html.replace(ROOT, &"../".repeat(depth))
}

/// Renders `body` to HTML.
pub fn to_html(body: &str, ctx: &RenderContext<'_>) -> String {
    let root = "../".repeat(ctx.from.depth());
    let ctx = Resolve {
        links: ctx.links,
        root: &root,
        allow_raw_html: ctx.allow_raw_html,
        resolved: Cell::new(0),
    };
    render(body, &ctx)
}

/// Renders `body`, resolving `@` links and images with `ctx`.
fn render(body: &str, ctx: &Resolve<'_>) -> String {
    let mut ids = Ids::default();
    let events: Vec<Event> = Parser::new_ext(body, options()).collect();
    let mut out_events: Vec<Event> = Vec::with_capacity(events.len());
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                // Heading ids come from the heading's text, so a link can point at them.
                let end = events[i..]
                    .iter()
                    .position(|e| matches!(e, Event::End(TagEnd::Heading(_))))
                    .map_or(events.len(), |p| i + p);
                let id = match id.as_deref().filter(|id| is_plain_name(id)) {
                    Some(id) => ids.claim(id.to_string()),
                    None => ids.claim(slugify(&plain_text(&events[i + 1..end]))),
                };
                let _ = attrs; // never rendered: validation warns about them
                out_events.push(Event::Start(Tag::Heading {
                    level: *level,
                    id: Some(CowStr::from(id)),
                    classes: classes
                        .iter()
                        .filter(|c| is_plain_name(c))
                        .cloned()
                        .collect(),
                    attrs: Vec::new(),
                }));
            }
            Event::Html(html) | Event::InlineHtml(html) if !ctx.allow_raw_html => {
                out_events.push(Event::Text(html.clone()));
            }
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => out_events.push(Event::InlineHtml(open_link(dest_url, title, ctx).into())),
            Event::End(TagEnd::Link) => out_events.push(Event::InlineHtml("</a>".into())),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => out_events.push(Event::Start(Tag::Image {
                link_type: *link_type,
                dest_url: image_src(dest_url, ctx).into(),
                title: title.clone(),
                id: id.clone(),
            })),
            other => out_events.push(other.clone()),
        }
        i += 1;
    }
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, out_events.into_iter());
    html
}

/// How a render resolves `@` links.
struct Resolve<'a> {
    links: &'a LinkTable,
    /// Put before a target's path: the way back to the site root.
    root: &'a str,
    allow_raw_html: bool,
    /// How many links and images got `root`.
    resolved: Cell<usize>,
}

impl Resolve<'_> {
    fn href(&self, target: &str) -> Option<String> {
        let t = self.links.resolve(target)?;
        self.resolved.set(self.resolved.get() + 1);
        Some(format!("{}{}", self.root, t.path()))
    }
}

/// The opening `<a>` for a link: `@` links resolved, dangerous schemes dropped,
/// external links with `rel="noopener noreferrer"`.
fn open_link(dest: &str, title: &str, ctx: &Resolve<'_>) -> String {
    let mut href = String::new();
    let mut rel = "";
    if dest.starts_with('@') {
        let (target, fragment) = dest
            .split_once('#')
            .map_or((dest, None), |(t, f)| (t, Some(f)));
        if let Some(h) = ctx.href(target) {
            href = h;
            if let Some(f) = fragment {
                href.push('#');
                href.push_str(f);
            }
        }
    } else if !is_dangerous_url(dest) {
        href = dest.to_string();
        if is_external(dest) {
            rel = " rel=\"noopener noreferrer\"";
        }
    }
    let mut out = String::from("<a href=\"");
    let _ = escape_href(&mut out, &href);
    out.push('"');
    if !title.is_empty() {
        out.push_str(" title=\"");
        let _ = escape_html(&mut out, title);
        out.push('"');
    }
    out.push_str(rel);
    out.push('>');
    out
}

/// An image's `src`: `@` paths resolved, dangerous schemes dropped.
fn image_src(dest: &str, ctx: &Resolve<'_>) -> String {
    if dest.starts_with('@') {
        ctx.href(dest).unwrap_or_default()
    } else if is_dangerous_url(dest) {
        String::new()
    } else {
        dest.to_string()
    }
}

fn plain_text(events: &[Event]) -> String {
    let mut s = String::new();
    for e in events {
        if let Event::Text(t) | Event::Code(t) = e {
            s.push_str(t);
        }
    }
    s
}

/// Can this be a heading's id or class? Letters, digits, `-` and `_` only:
/// a name, never a place for markup or script.
fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// The attributes of a heading that are not rendered, as written.
fn dropped_attributes<'a>(
    id: Option<&'a str>,
    classes: &'a [CowStr<'a>],
    attrs: &'a [(CowStr<'a>, Option<CowStr<'a>>)],
) -> impl Iterator<Item = String> + 'a {
    let id = id
        .filter(|id| !is_plain_name(id))
        .map(|id| format!("#{id}"));
    let classes = classes
        .iter()
        .filter(|c| !is_plain_name(c))
        .map(|c| format!(".{c}"));
    let attrs = attrs.iter().map(|(key, value)| match value {
        Some(v) => format!("{key}={v}"),
        None => key.to_string(),
    });
    id.into_iter().chain(classes).chain(attrs)
}

/// A heading id from its text: lowercase, letters and digits kept, the rest `-`.
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "kop".into()
    } else {
        out.to_string()
    }
}

/// Hands out unique ids within one page: the first `base` gets `base`, the
/// next `base-2`, then `base-3`, skipping ids already taken.
#[derive(Default)]
struct Ids {
    taken: std::collections::HashSet<String>,
    /// Per base, the suffix to try next. Ids are never given back, so every
    /// suffix below it is taken: a page of the same heading a thousand times
    /// tries each id once instead of all the ones before it.
    next: std::collections::HashMap<String, usize>,
}

impl Ids {
    fn claim(&mut self, base: String) -> String {
        if self.taken.insert(base.clone()) {
            return base;
        }
        let mut n = self.next.get(&base).copied().unwrap_or(2);
        let id = loop {
            let id = format!("{base}-{n}");
            n += 1;
            if self.taken.insert(id.clone()) {
                break id;
            }
        };
        self.next.insert(base, n);
        id
    }
}

/// A second-level heading of a rendered body: its id and its text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Section {
    pub id: String,
    pub titel: String,
}

/// The `<h2>` headings of HTML this module rendered, in order, for a page's
/// own contents. Read from the HTML rather than parsed again, so the ids are
/// exactly the ones the page has (renderer-made or `{#id}`); a heading
/// without an id (raw HTML) cannot be linked to and is left out.
pub fn sections(html: &str) -> Vec<Section> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<h2 id=\"") {
        rest = &rest[start + "<h2 id=\"".len()..];
        let Some(id_end) = rest.find('"') else { break };
        let id = unescape(&rest[..id_end]);
        let (Some(open_end), Some(close)) = (rest.find('>'), rest.find("</h2>")) else {
            break;
        };
        if open_end < close {
            let titel = unescape(&strip_tags(&rest[open_end + 1..close]));
            out.push(Section {
                id,
                titel: titel.trim().to_string(),
            });
        }
        rest = &rest[close..];
    }
    out
}

/// `html` without its tags (a heading's links and emphasis).
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Text back from the escapes `pulldown-cmark-escape` writes, so the
/// template can escape it once again.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
#[path = "markdown_tests.rs"]
mod tests;
