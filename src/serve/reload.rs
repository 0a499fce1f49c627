//! Live reload: the script the preview adds to its pages, and what it is told.
//!
//! Only the preview adds the script, when it serves a page; the rendered site
//! (and so `build` output) never contains it. Pages hear about changes over a
//! WebSocket rather than server-sent events: a browser allows only six HTTP/1.1
//! connections per host, and an editor with many preview tabs open would use them
//! all up with event streams, while WebSockets do not count against that limit.

use pulldown_cmark_escape::{FmtWriter, escape_html};
use serde::Serialize;

/// Where the script is served.
pub const SCRIPT_PATH: &str = "/__werkplaats/live.js";
/// Where pages connect to hear about changes.
pub const SOCKET_PATH: &str = "/__werkplaats/live";
/// The script itself, plain and commented.
pub const SCRIPT: &str = include_str!("live.js");

/// What the server tells open pages, as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Message {
    /// Sent on (re)connecting: a page from another build reloads.
    Hello {
        build: String,
        error: Option<Overlay>,
    },
    /// A rebuild succeeded. `pages` lists the output keys that changed (`None`:
    /// all pages); `css` says stylesheets changed and can be swapped in place;
    /// `error` is set while an earlier error still stands (see
    /// `Snapshot::succeeded`).
    Change {
        build: String,
        pages: Option<Vec<String>>,
        css: bool,
        error: Option<Overlay>,
    },
    /// A rebuild failed; the page keeps showing the last good build.
    Error { overlay: Overlay },
}

/// The error overlay: the report exactly as the terminal shows it, uncoloured.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Overlay {
    pub title: String,
    pub hint: String,
    pub close: String,
    pub report: String,
}

impl Message {
    pub fn to_json(&self) -> String {
        // Serialising strings and options cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Adds the live-reload script to a page served as output key `page`, from
/// build `build`. The 404 page is served at any depth, but its links are
/// relative to the site root; `base_root` makes them resolve from there.
pub fn inject(html: &[u8], build: &str, page: &str, base_root: bool) -> Vec<u8> {
    let mut tag = String::new();
    tag.push_str("<script src=\"");
    tag.push_str(SCRIPT_PATH);
    tag.push_str("\" data-build=\"");
    let _ = escape_html(FmtWriter(&mut tag), build);
    tag.push_str("\" data-page=\"");
    let _ = escape_html(FmtWriter(&mut tag), page);
    tag.push_str("\" defer></script>");

    let mut out = Vec::with_capacity(html.len() + tag.len() + 32);
    let body_end = rfind_ascii_ci(html, b"</body").unwrap_or(html.len());
    let head = if base_root && find_ascii_ci(html, b"<base").is_none() {
        find_ascii_ci(html, b"<head")
            .and_then(|i| html[i..].iter().position(|&b| b == b'>').map(|j| i + j + 1))
            .filter(|&i| i <= body_end)
    } else {
        None
    };
    match head {
        Some(i) => {
            out.extend_from_slice(&html[..i]);
            out.extend_from_slice(b"<base href=\"/\">");
            out.extend_from_slice(&html[i..body_end]);
        }
        None => out.extend_from_slice(&html[..body_end]),
    }
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[body_end..]);
    out
}

/// The placeholder's Content-Security-Policy: the site pages' own, which the
/// placeholder lacks, so the preview's script is all that runs in it.
pub const PLACEHOLDER_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

/// The page served before any build has succeeded: empty but for the script,
/// which shows the error.
pub fn placeholder(build: &str) -> Vec<u8> {
    let page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>werkplaats</title></head><body></body></html>";
    inject(page.as_bytes(), build, "", false)
}

fn find_ascii_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

fn rfind_ascii_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: Vec<u8>) -> String {
        String::from_utf8(bytes).expect("utf-8")
    }

    #[test]
    fn adds_the_script_before_the_end_of_the_body() {
        let html = "<html><head></head><body><p>x</p></BODY></html>";
        let out = text(inject(
            html.as_bytes(),
            "s-1",
            "elementen/los/index.html",
            false,
        ));
        assert_eq!(
            out,
            "<html><head></head><body><p>x</p><script src=\"/__werkplaats/live.js\" \
             data-build=\"s-1\" data-page=\"elementen/los/index.html\" defer></script></BODY></html>"
        );
    }

    #[test]
    fn appends_when_there_is_no_body_end() {
        let out = text(inject(b"<p>x</p>", "s-1", "a\"b", false));
        assert!(out.starts_with("<p>x</p><script "));
        assert!(out.contains("data-page=\"a&quot;b\""), "{out}");
    }

    #[test]
    fn gives_the_404_page_a_base_at_the_root() {
        let html = "<html><head lang=\"nl\"><title>x</title></head><body></body></html>";
        let out = text(inject(html.as_bytes(), "s-1", "404.html", true));
        assert!(
            out.starts_with("<html><head lang=\"nl\"><base href=\"/\"><title>"),
            "{out}"
        );
        // A page that has its own base keeps it.
        let html = "<html><head><base href=\"/x/\"></head><body></body></html>";
        let out = text(inject(html.as_bytes(), "s-1", "404.html", true));
        assert_eq!(out.matches("<base").count(), 1);
    }

    #[test]
    fn messages_are_tagged_json() {
        let m = Message::Change {
            build: "s-2".into(),
            pages: None,
            css: true,
            error: None,
        };
        assert_eq!(
            m.to_json(),
            r#"{"type":"change","build":"s-2","pages":null,"css":true,"error":null}"#
        );
    }
}
