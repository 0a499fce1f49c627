//! Downloads that could run script on the site.
//!
//! Files in `content/bestanden/` are copied as they are and served from the
//! site's own address. An HTML page or an SVG drawing among them that holds a
//! script, an event handler (`onload=`) or a `javascript:` address runs that
//! code as the site itself when a reader opens it: it could read what the
//! scan and the planner keep in the browser. With raw HTML off (the default)
//! such a file is refused, naming the file, the line and what was found. An
//! SVG without any of it is fine.
//!
//! The check reads markup the way a browser would find script in it, without
//! parsing it fully: it errs on the side of refusing. It does not look inside
//! other kinds of files (a PDF's scripts run in the PDF viewer, not the site).
//! Compressed markup (`.svgz`) is shown by a browser as SVG but cannot be read
//! here without unpacking it, so it is refused unread.

use crate::content::Toolkit;
use crate::diagnostics::{LineIndex, Message, Problem, Text};
use rayon::prelude::*;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Extensions of files a browser shows as markup that may hold script.
const MARKUP: [&str; 9] = [
    "html", "htm", "xhtml", "xht", "shtml", "svg", "xml", "xsl", "xslt",
];

/// Extensions of compressed markup a browser shows as such: it could hold
/// script, and is not unpacked to be checked.
const PACKED: [&str; 1] = ["svgz"];

/// Elements that run code or load a page that could.
const ACTIVE: [&str; 12] = [
    "script",
    "foreignobject",
    "iframe",
    "frame",
    "frameset",
    "embed",
    "object",
    "applet",
    "handler",
    "listener",
    "base",
    "portal",
];

/// Files larger than this are not read through; they are refused unread.
const MAX_READ: u64 = 16 * 1024 * 1024;

/// Problems with the downloads of `toolkit`, in the order of its assets.
pub(super) fn check_downloads(toolkit: &Toolkit) -> Vec<Problem> {
    if toolkit.site.ruwe_html {
        return Vec::new();
    }
    let dir = toolkit.root.join("content").join("bestanden");
    toolkit
        .assets
        .par_iter()
        .filter(|name| is_markup(name) || is_packed(name))
        .filter_map(|name| check_one(&dir, name))
        .collect()
}

fn is_markup(name: &str) -> bool {
    has_extension(name, &MARKUP)
}

fn is_packed(name: &str) -> bool {
    has_extension(name, &PACKED)
}

fn has_extension(name: &str, list: &[&str]) -> bool {
    Path::new(name)
        .extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| list.iter().any(|m| x.eq_ignore_ascii_case(m)))
}

/// What is wrong with one download, if anything.
fn check_one(dir: &Path, name: &str) -> Option<Problem> {
    let rel = PathBuf::from("content/bestanden").join(name);
    let refuse = |line: usize, finding: Message| {
        Problem::error(&rel, line, finding).hint(Message::new("download-weigeren-hint"))
    };
    if is_packed(name) {
        return Some(
            Problem::error(&rel, 0, Message::new("download-svgz"))
                .hint(Message::new("download-svgz-hint")),
        );
    }
    let mut bytes = Vec::new();
    let read = std::fs::File::open(dir.join(name))
        .and_then(|f| f.take(MAX_READ + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        return Some(Problem::error(
            &rel,
            0,
            Message::new("download-onleesbaar").arg("fout", e),
        ));
    }
    if bytes.len() as u64 > MAX_READ {
        let mb = MAX_READ / 1024 / 1024;
        return Some(refuse(0, Message::new("download-te-groot").arg("mb", mb)));
    }
    // A browser reads UTF-16 too, where `<script` is not these bytes.
    if bytes.starts_with(&[0xFE, 0xFF]) || bytes.starts_with(&[0xFF, 0xFE]) || bytes.contains(&0) {
        return Some(refuse(0, Message::new("download-geen-utf8")));
    }
    let text = String::from_utf8_lossy(&bytes);
    let found = first_active(&text)?;
    let line = LineIndex::new(&text).line_of(found.offset);
    Some(refuse(
        line,
        Message::new("download-bevat-code").text("wat", found.what),
    ))
}

/// Something in markup that runs code, and where it starts.
#[derive(Debug, PartialEq, Eq)]
struct Active {
    offset: usize,
    what: Text,
}

/// The first script, event handler, script address or active element in
/// `text`; comments are skipped.
fn first_active(text: &str) -> Option<Active> {
    // ASCII lowercasing keeps every byte where it was.
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower.get(from..)?.find('<') {
        let at = from + i;
        let rest = &lower[at..];
        let found = |what: Message| {
            Some(Active {
                offset: at,
                what: what.into(),
            })
        };
        if let Some(body) = rest.strip_prefix("<!--") {
            from = at + 4 + body.find("-->").map_or(body.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with("<?xml-stylesheet") {
            return found(Message::new("actief-stylesheet"));
        }
        let tag = Tag::read(rest);
        if !tag.name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            // `< 3`, `</p>`, `<!DOCTYPE`: text or nothing that runs.
            from = at + 1;
            continue;
        }
        let local = |name: &str| name.rsplit(':').next().unwrap_or_default().to_string();
        if ACTIVE.contains(&local(tag.name).as_str()) {
            return found(Message::new("actief-element").arg("naam", tag.name));
        }
        for (name, value) in &tag.attributes {
            // Every `on…` attribute, not a list of handlers: browsers add
            // new ones, and a name like that is no plain attribute anyway.
            if local(name).starts_with("on") && name.len() > 2 {
                return found(Message::new("actief-attribuut").arg("naam", name));
            }
            if value.is_some_and(runs_script) {
                return found(Message::new("actief-adres").arg("naam", name));
            }
        }
        from = at + tag.len.max(1);
    }
    None
}

/// A tag at the start of lowercased markup: its name, its attributes and
/// its length up to and including `>` (or to the end of the text).
struct Tag<'a> {
    name: &'a str,
    attributes: Vec<(&'a str, Option<&'a str>)>,
    len: usize,
}

impl<'a> Tag<'a> {
    /// Reads the tag that `text` (starting with `<`) opens. Every cut is at an
    /// ASCII byte, so it never falls inside a character.
    fn read(text: &'a str) -> Tag<'a> {
        let b = text.as_bytes();
        let stop = |c: u8| c.is_ascii_whitespace() || matches!(c, b'/' | b'>' | b'=');
        let word = |from: usize| from + b[from..].iter().take_while(|&&c| !stop(c)).count();
        let skip_blanks = |from: usize| {
            from + b[from..]
                .iter()
                .take_while(|c| c.is_ascii_whitespace())
                .count()
        };
        let name_end = word(1);
        let mut tag = Tag {
            name: &text[1..name_end],
            attributes: Vec::new(),
            len: text.len(),
        };
        let mut i = name_end;
        while i < b.len() {
            match b[i] {
                b'>' => {
                    tag.len = i + 1;
                    break;
                }
                c if c.is_ascii_whitespace() || c == b'/' || c == b'=' => i += 1,
                _ => {
                    let name_end = word(i);
                    let name = &text[i..name_end];
                    i = skip_blanks(name_end);
                    let mut value = None;
                    if b.get(i) == Some(&b'=') {
                        let start = skip_blanks(i + 1);
                        let (v, end) = match b.get(start) {
                            Some(&q @ (b'"' | b'\'')) => {
                                let len = b[start + 1..].iter().take_while(|&&c| c != q).count();
                                (&text[start + 1..start + 1 + len], start + len + 2)
                            }
                            _ => {
                                let len = b[start..]
                                    .iter()
                                    .take_while(|&&c| !c.is_ascii_whitespace() && c != b'>')
                                    .count();
                                (&text[start..start + len], start + len)
                            }
                        };
                        value = Some(v);
                        i = end.min(b.len());
                    }
                    tag.attributes.push((name, value));
                }
            }
        }
        tag
    }
}

/// Does this attribute value hold an address that runs script, however its
/// characters are written (`&#106;avascript:`, blanks in between)?
fn runs_script(value: &str) -> bool {
    let plain: String = decode_references(value)
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase)
        .collect();
    [
        "javascript:",
        "vbscript:",
        "data:text/html",
        "data:application/xhtml",
    ]
    .iter()
    .any(|s| plain.contains(s))
}

/// `value` with its character references (`&#106;`, `&#x6a;`, `&colon;`,
/// `&tab;`, `&newline;`) written out, as the browser reads it.
fn decode_references(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i + 1..];
        let named = [("colon;", ':'), ("tab;", '\t'), ("newline;", '\n')];
        if let Some((name, c)) = named.iter().find(|(n, _)| rest.starts_with(n)) {
            out.push(*c);
            rest = &rest[name.len()..];
            continue;
        }
        let Some(number) = rest.strip_prefix('#') else {
            out.push('&');
            continue;
        };
        let (radix, digits) = match number.strip_prefix('x') {
            Some(hex) => (16, hex),
            None => (10, number),
        };
        let len = digits.chars().take_while(|c| c.is_digit(radix)).count();
        let code = u32::from_str_radix(&digits[..len], radix).ok();
        match code.and_then(char::from_u32) {
            Some(c) if len > 0 => {
                out.push(c);
                let after = &digits[len..];
                rest = after.strip_prefix(';').unwrap_or(after);
            }
            _ => out.push('&'),
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn what(text: &str) -> Option<String> {
        first_active(text).map(|a| a.what.to_string())
    }

    #[test]
    fn finds_scripts_handlers_and_script_addresses() {
        let cases = [
            ("<svg><script>alert(1)</script></svg>", "<script>"),
            ("<svg>\n<SVG:Script href=x.js/></svg>", "<svg:script>"),
            ("<svg onload=\"x()\"></svg>", "het attribuut onload="),
            ("<rect\n  ONCLICK = 'x'/>", "het attribuut onclick="),
            (
                "<a xlink:href=\"javascript:alert(1)\">",
                "het adres in xlink:href=",
            ),
            (
                "<a href=\"&#106;ava&#x73;cript&colon;x\">",
                "het adres in href=",
            ),
            ("<a href=' java\tscript:x'>", "het adres in href="),
            (
                "<set attributeName=href to=javascript:x>",
                "het adres in to=",
            ),
            (
                "<svg><foreignObject><p>x</p></foreignObject></svg>",
                "<foreignobject>",
            ),
            (
                "<?xml-stylesheet href=\"x.xsl\"?><svg/>",
                "een <?xml-stylesheet?> (een opmaakblad dat script kan maken)",
            ),
            ("<iframe src=x.html>", "<iframe>"),
            ("a < b <script>x</script>", "<script>"),
            ("<p onderschrift=x>", "het attribuut onderschrift="),
        ];
        for (text, expected) in cases {
            assert_eq!(what(text).as_deref(), Some(expected), "{text}");
        }
    }

    #[test]
    fn a_plain_drawing_is_fine() {
        for text in [
            "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><title>Schema: on=off</title>\
             <rect width=\"10\" style=\"fill:red\"/><text>javascript: de taal</text></svg>",
            "<!-- <script>alert(1)</script> --><p>Tekst &amp; meer</p>",
            "<img src=\"data:image/png;base64,AAAA\" alt=\"é <\">",
            "<a href=\"https://example.org/?q=1&amp;r=2\">x</a> < 3",
            "<p title='onbekend'>één</p><",
        ] {
            assert_eq!(what(text), None, "{text}");
        }
    }

    #[test]
    fn a_packed_svg_is_refused_unread() {
        let dir = tempfile::tempdir().expect("temp dir");
        // Not even gzip: it is refused by its name, before it is read.
        std::fs::write(dir.path().join("schema.SVGZ"), "x").expect("write");
        assert!(is_packed("schema.SVGZ") && !is_packed("schema.svg"));
        let problem = check_one(dir.path(), "schema.SVGZ").expect("refused");
        assert!(problem.message.contains(".svgz"), "{}", problem.message);
    }

    #[test]
    fn the_offset_points_at_the_tag() {
        let text = "<svg>\n  <g>\n    <script>x</script>";
        let found = first_active(text).expect("a script");
        assert_eq!(LineIndex::new(text).line_of(found.offset), 3);
    }
}
