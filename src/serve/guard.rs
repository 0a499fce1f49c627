//! Which requests the preview answers at all.
//!
//! The preview shows unpublished work, and the browser that shows it also has
//! other web sites open. So before a request reaches a file it must be well
//! formed (RFC 9112: one `Host`, no user name in it, a request line that names
//! no other server), address this machine when the server listens on loopback
//! (a DNS name rebound to 127.0.0.1 still says its own name), and not come from
//! another site's page (Fetch Metadata: a `<script src>` of another origin
//! would otherwise read the whole site, search index included). Another site
//! may still link to the preview: a top-level navigation shows the page to the
//! user, not to that site.
//!
//! Only the headers are judged here; `http` turns a refusal into an answer.

use axum::http::uri::Authority;
use axum::http::{HeaderMap, HeaderValue, Uri, Version, header};

/// Why a request is not answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Not a well-formed request (RFC 9112): 400, with what is wrong.
    Malformed(&'static str),
    /// Addressed to another machine, while the server listens on loopback: 403.
    OtherHost,
    /// A resource asked for by another site's page: 403.
    OtherSite,
}

/// Whether to answer a request, judged by its version, target and headers.
/// `loopback_only`: the server listens on loopback, so every real request
/// names this machine.
pub fn check(
    version: Version,
    target: &Uri,
    headers: &HeaderMap,
    loopback_only: bool,
) -> Result<(), Refusal> {
    let host = host(version, headers)?;
    if let Some(authority) = target.authority() {
        // Absolute form: allowed (RFC 9112 3.2.2) only when it repeats `Host`,
        // so no later check can read one and a proxy or log the other.
        let same = host.is_some_and(|h| authority.as_str().eq_ignore_ascii_case(h));
        if target.scheme_str() != Some("http") || !same {
            return Err(Refusal::Malformed(
                "het adres in de verzoekregel is niet dat van deze server",
            ));
        }
    }
    if loopback_only && !host.is_none_or(names_this_machine) {
        return Err(Refusal::OtherHost);
    }
    if from_other_site(headers) {
        return Err(Refusal::OtherSite);
    }
    Ok(())
}

/// The one `Host` of a request; `None` only for HTTP/1.0, which may lack it.
fn host(version: Version, headers: &HeaderMap) -> Result<Option<&str>, Refusal> {
    let mut all = headers.get_all(header::HOST).iter();
    let (first, second) = (all.next(), all.next());
    let value = match (first, second) {
        (_, Some(_)) => return Err(Refusal::Malformed("het verzoek heeft meer dan één Host")),
        (None, None) if version >= Version::HTTP_11 => {
            return Err(Refusal::Malformed("het verzoek heeft geen Host"));
        }
        (None, None) => return Ok(None),
        (Some(value), None) => value,
    };
    let text = value
        .to_str()
        .ok()
        .filter(|t| t.parse::<Authority>().is_ok())
        .ok_or(Refusal::Malformed(
            "de Host van het verzoek is geen geldig adres",
        ))?;
    if text.contains('@') {
        return Err(Refusal::Malformed(
            "de Host van het verzoek bevat een gebruikersnaam",
        ));
    }
    if !port_is_plain(text) {
        return Err(Refusal::Malformed(
            "de poort in de Host van het verzoek is geen getal van 1 tot 65535",
        ));
    }
    Ok(Some(text))
}

/// Whether what follows the name in `host` is nothing or `:` and a port of 1
/// to 5 ASCII digits that fits in 16 bits. `Authority` lets more through
/// (`127.0.0.1:1111.evil.org`), and a loopback name would then vouch for a
/// host that is not one.
fn port_is_plain(host: &str) -> bool {
    let after_name = match host.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((_, rest)) => rest,
            None => return false,
        },
        None => host.find(':').map_or("", |i| &host[i..]),
    };
    let Some(port) = after_name.strip_prefix(':') else {
        return after_name.is_empty();
    };
    (1..=5).contains(&port.len())
        && port.bytes().all(|b| b.is_ascii_digit())
        && port.parse::<u16>().is_ok()
}

/// Whether a `Host` header names this machine: `localhost` or a loopback address.
pub fn names_this_machine(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host.rsplit_once(':').map_or(host, |(name, _port)| name),
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Whether the browser says another site's page asked (Fetch Metadata), for
/// anything but a top-level navigation. Another port of this machine is
/// `same-site` but another origin, so it is refused too; browsers that send no
/// `Sec-Fetch-Site` (and tools) are let through.
fn from_other_site(headers: &HeaderMap) -> bool {
    let values = |name| {
        headers
            .get_all(name)
            .iter()
            .map(|v: &HeaderValue| v.to_str().ok())
    };
    // Every value counts: a second `Sec-Fetch-Site` must not hide the first.
    let own = |site: Option<&str>| matches!(site, Some("same-origin" | "none"));
    if values("sec-fetch-site").all(own) {
        return false;
    }
    let only = |name, wanted: &str| {
        let mut all = values(name);
        all.next() == Some(Some(wanted)) && all.next().is_none()
    };
    let navigation = only("sec-fetch-mode", "navigate") && only("sec-fetch-dest", "document");
    !navigation
}

/// Whether a WebSocket request comes from a page of this server (or from no page
/// at all, as from a test client): its `Origin` must be `http://` plus its `Host`.
/// An `Origin` or `Host` given twice is refused: which one counts is unclear.
pub fn same_origin(headers: &HeaderMap) -> bool {
    if headers.get_all(header::ORIGIN).iter().nth(1).is_some()
        || headers.get_all(header::HOST).iter().nth(1).is_some()
    {
        return false;
    }
    let get = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    match (get(header::ORIGIN), get(header::HOST)) {
        (None, _) => true,
        (Some(origin), Some(host)) => origin
            .strip_prefix("http://")
            .is_some_and(|o| o.eq_ignore_ascii_case(host)),
        (Some(_), None) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (name, value) in pairs {
            h.append(*name, HeaderValue::from_str(value).unwrap());
        }
        h
    }

    const HOST: (&str, &str) = ("host", "127.0.0.1:1111");

    fn verdict(target: &str, pairs: &[(&'static str, &str)]) -> Result<(), Refusal> {
        let uri: Uri = target.parse().unwrap();
        check(Version::HTTP_11, &uri, &headers(pairs), true)
    }

    fn malformed(r: Result<(), Refusal>) -> bool {
        matches!(r, Err(Refusal::Malformed(_)))
    }

    #[test]
    fn a_request_needs_exactly_one_plain_host() {
        assert_eq!(verdict("/", &[HOST]), Ok(()));
        assert!(malformed(verdict("/", &[])), "HTTP/1.1 without Host");
        let none = check(Version::HTTP_10, &"/".parse().unwrap(), &headers(&[]), true);
        assert_eq!(none, Ok(()), "HTTP/1.0 may leave it out");
        assert!(malformed(verdict("/", &[HOST, HOST])));
        assert!(malformed(verdict("/", &[HOST, ("host", "evil.example")])));
        for bad in [
            "user@127.0.0.1:1111",
            "a:b@localhost",
            "",
            "127.0.0.1:1111/x",
        ] {
            assert!(malformed(verdict("/", &[("host", bad)])), "{bad:?}");
        }
    }

    #[test]
    fn an_absolute_target_must_name_this_server() {
        assert_eq!(verdict("http://127.0.0.1:1111/", &[HOST]), Ok(()));
        for target in [
            "http://evil.example/",
            "http://127.0.0.1/",
            "http://127.0.0.1:2222/index.html",
            "https://127.0.0.1:1111/",
            "http://user@127.0.0.1:1111/",
        ] {
            assert!(malformed(verdict(target, &[HOST])), "{target}");
        }
        let evil = [("host", "evil.example")];
        assert!(malformed(verdict("http://127.0.0.1:1111/", &evil)));
    }

    #[test]
    fn another_machines_name_is_refused_on_loopback() {
        assert_eq!(
            verdict("/", &[("host", "evil.example:1111")]),
            Err(Refusal::OtherHost)
        );
        let uri: Uri = "/".parse().unwrap();
        let anywhere = check(
            Version::HTTP_11,
            &uri,
            &headers(&[("host", "evil.example")]),
            false,
        );
        assert_eq!(anywhere, Ok(()), "listening beyond loopback, any name");
    }

    #[test]
    fn other_sites_may_link_but_not_embed_or_fetch() {
        let from = |site: &'static str, mode: &'static str, dest: &'static str| {
            verdict(
                "/zoekindex.js",
                &[
                    HOST,
                    ("sec-fetch-site", site),
                    ("sec-fetch-mode", mode),
                    ("sec-fetch-dest", dest),
                ],
            )
        };
        for site in ["same-origin", "none"] {
            assert_eq!(from(site, "no-cors", "script"), Ok(()), "{site}");
        }
        assert_eq!(verdict("/", &[HOST]), Ok(()), "no Fetch Metadata at all");
        for site in ["cross-site", "same-site", "iets-nieuws"] {
            assert_eq!(from(site, "navigate", "document"), Ok(()), "{site} link");
            for (mode, dest) in [
                ("no-cors", "script"),
                ("cors", "empty"),
                ("no-cors", "image"),
                ("navigate", "iframe"),
                ("navigate", "embed"),
                ("navigate", "object"),
                ("websocket", "websocket"),
            ] {
                assert_eq!(
                    from(site, mode, dest),
                    Err(Refusal::OtherSite),
                    "{site} {mode} {dest}"
                );
            }
        }
    }

    #[test]
    fn knows_the_names_of_this_machine() {
        for host in [
            "127.0.0.1:1111",
            "127.0.0.1",
            "localhost:1111",
            "LOCALHOST",
            "[::1]:1111",
            "127.1.2.3:80",
        ] {
            assert!(names_this_machine(host), "{host}");
        }
        for host in [
            "evil.example:1111",
            "evil.example",
            "127.0.0.1.evil.example",
            "localhost.evil.example:1111",
            "192.168.1.2:1111",
            "[2001:db8::1]:1111",
            "",
        ] {
            assert!(!names_this_machine(host), "{host}");
        }
    }

    #[test]
    fn lets_only_its_own_pages_open_the_socket() {
        let headers = |origin: Option<&str>, host: Option<&str>| {
            let mut h = HeaderMap::new();
            for (name, value) in [(header::ORIGIN, origin), (header::HOST, host)] {
                if let Some(v) = value {
                    h.insert(name, HeaderValue::from_str(v).unwrap());
                }
            }
            h
        };
        let host = Some("127.0.0.1:1111");
        assert!(same_origin(&headers(None, host)));
        assert!(same_origin(&headers(Some("http://127.0.0.1:1111"), host)));
        for origin in [
            "http://evil.example",
            "http://127.0.0.1:2222",
            "https://127.0.0.1:1111",
            "null",
        ] {
            assert!(!same_origin(&headers(Some(origin), host)), "{origin}");
        }
        assert!(!same_origin(&headers(Some("http://x"), None)));
    }

    #[test]
    fn a_host_port_is_one_to_five_digits_that_fit() {
        for good in [
            "127.0.0.1:1111",
            "127.0.0.1:01111",
            "[::1]:65535",
            "localhost:1",
        ] {
            assert_eq!(verdict("/", &[("host", good)]), Ok(()), "{good}");
        }
        for bad in [
            "127.0.0.1:43357.evil.org",
            "127.0.0.1:043357",
            "127.0.0.1:65536",
            "127.0.0.1:",
            "127.0.0.1:+80",
            "localhost:1111x",
            "[::1]:1111.evil.org",
            "[::1]x",
        ] {
            assert!(malformed(verdict("/", &[("host", bad)])), "{bad:?}");
        }
    }

    #[test]
    fn fetch_metadata_said_twice_is_judged_by_every_value() {
        let twice = [
            HOST,
            ("sec-fetch-site", "same-origin"),
            ("sec-fetch-site", "cross-site"),
            ("sec-fetch-mode", "no-cors"),
            ("sec-fetch-dest", "script"),
        ];
        assert_eq!(verdict("/zoekindex.js", &twice), Err(Refusal::OtherSite));
        let ambiguous = [
            HOST,
            ("sec-fetch-site", "cross-site"),
            ("sec-fetch-mode", "navigate"),
            ("sec-fetch-mode", "no-cors"),
            ("sec-fetch-dest", "document"),
            ("sec-fetch-dest", "script"),
        ];
        assert_eq!(
            verdict("/zoekindex.js", &ambiguous),
            Err(Refusal::OtherSite)
        );
    }

    #[test]
    fn two_origins_may_not_open_the_socket() {
        let own = "http://127.0.0.1:1111";
        let h = headers(&[HOST, ("origin", own), ("origin", own)]);
        assert!(!same_origin(&h));
        let h = headers(&[HOST, ("origin", own), ("origin", "http://evil.example")]);
        assert!(!same_origin(&h));
    }
}
