//! Which file a request asks for, and what type it is.
//!
//! The preview serves from memory, so a request can only ever reach a file the
//! build produced: a key that is not in the site is a 404, whatever it contains.
//! Still, anything that looks like an escape (`..`, an absolute path, a
//! backslash, NUL, bad encoding) is refused here, before any lookup, so that no
//! later change (say, reading a file from disk) can turn it into one.

use percent_encoding::percent_decode_str;

/// The output key (`elementen/los/index.html`) for a request path
/// (`/elementen/los/`), or `None` when the path is not one the site can have.
///
/// The path is percent-decoded exactly once: `%252e` stays the literal `%2e`.
pub fn request_key(raw_path: &str) -> Option<String> {
    let rest = raw_path.strip_prefix('/')?;
    let decoded = percent_decode_str(rest).decode_utf8().ok()?;
    let bad_char = |c: char| c == '\\' || c == '\0' || c.is_control();
    if decoded.starts_with('/') || decoded.contains(bad_char) {
        return None;
    }
    let (dirs, last) = match decoded.rsplit_once('/') {
        Some((dirs, last)) => (Some(dirs), last),
        None => (None, decoded.as_ref()),
    };
    let plain = |s: &str| !s.is_empty() && s != "." && s != ".." && !s.contains(':');
    if let Some(dirs) = dirs
        && !dirs.split('/').all(plain)
    {
        return None;
    }
    if last.is_empty() {
        // `/` or `/dir/`: the folder's index page; never a listing.
        return Some(format!("{decoded}index.html"));
    }
    if !plain(last) {
        return None;
    }
    Some(decoded.into_owned())
}

/// The `Content-Type` for an output key; text types say they are UTF-8.
pub fn content_type(key: &str) -> String {
    let mime = mime_guess::from_path(key).first_or_octet_stream();
    let textual = mime.type_() == mime_guess::mime::TEXT
        || matches!(mime.subtype().as_str(), "javascript" | "json" | "xml")
        || mime.suffix().is_some_and(|s| s == "json");
    if textual {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_pretty_urls_to_index_pages() {
        assert_eq!(request_key("/").as_deref(), Some("index.html"));
        assert_eq!(
            request_key("/elementen/los/").as_deref(),
            Some("elementen/los/index.html")
        );
        assert_eq!(
            request_key("/static/site.css").as_deref(),
            Some("static/site.css")
        );
        assert_eq!(
            request_key("/paginas/caf%C3%A9.html").as_deref(),
            Some("paginas/café.html")
        );
    }

    #[test]
    fn refuses_every_traversal_attempt() {
        let attempts = [
            "",
            "elementen/",
            "/..",
            "/../site.yaml",
            "/../../etc/passwd",
            "/static/../../site.yaml",
            "/static/./site.css",
            "/./index.html",
            "/%2e%2e/site.yaml",
            "/%2E%2E/%2E%2E/etc/passwd",
            "/static/%2e%2e%2f%2e%2e%2fsite.yaml",
            "/static/..%2f..%2fsite.yaml",
            "/static/%2e%2e%5c%2e%2e%5csite.yaml",
            "/static/..\\..\\site.yaml",
            "/%5c..%5csite.yaml",
            "//etc/passwd",
            "/%2fetc/passwd",
            "/%2Fetc%2Fpasswd",
            "/static//site.css",
            "/C:/Windows/win.ini",
            "/c:%5cwindows%5cwin.ini",
            "/index.html%00.css",
            "/%00",
            "/static/site.css%00",
            "/%0a/index.html",
            "/%ff%fe",
            "/%c0%ae%c0%ae/site.yaml",
        ];
        for path in attempts {
            assert_eq!(request_key(path), None, "{path:?} was accepted");
        }
    }

    #[test]
    fn decodes_only_once() {
        // A double-encoded `..` is a literal, harmless name that no site has.
        assert_eq!(
            request_key("/%252e%252e/site.yaml").as_deref(),
            Some("%2e%2e/site.yaml")
        );
    }

    #[test]
    fn names_the_types_browsers_need() {
        for (key, want) in [
            ("index.html", "text/html; charset=utf-8"),
            ("static/site.css", "text/css; charset=utf-8"),
            ("static/app.js", "text/javascript; charset=utf-8"),
            ("static/logo.svg", "image/svg+xml"),
            ("static/font.woff2", "font/woff2"),
            ("static/index.json", "application/json; charset=utf-8"),
            (
                "static/site.webmanifest",
                "application/manifest+json; charset=utf-8",
            ),
            ("sitemap.xml", "text/xml; charset=utf-8"),
            ("static/photo.png", "image/png"),
            ("static/unknown.bin-thing", "application/octet-stream"),
        ] {
            assert_eq!(content_type(key), want, "{key}");
        }
    }
}
