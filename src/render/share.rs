//! Sharing and pinning: the web app manifest and the absolute URLs that Open
//! Graph tags need.
//!
//! Everything in the manifest is relative to the manifest itself, so the same
//! output can be pinned from a domain root or a sub-path. Absolute URLs (og:url,
//! og:image, canonical) exist only when a base URL is known; without one they are
//! left out rather than guessed.

use crate::content::SiteConfig;
use crate::diagnostics::Problem;
use serde_json::json;

/// The manifest's path below the site root.
pub const MANIFEST_FILE: &str = "manifest.webmanifest";

/// The theme colour of the default theme (its accent), for the manifest.
const THEME_COLOUR: &str = "#1f5f7a";

/// `manifest.webmanifest` for `site`.
pub fn manifest(site: &SiteConfig) -> String {
    let manifest = json!({
        "name": site.titel,
        "short_name": short_name(&site.titel),
        "description": site.beschrijving,
        "lang": site.taal,
        "start_url": "./index.html",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": [
            {"src": "static/icoon.svg", "sizes": "any", "type": "image/svg+xml"},
            {"src": "static/icoon-192.png", "sizes": "192x192", "type": "image/png"},
            {"src": "static/icoon-512.png", "sizes": "512x512", "type": "image/png"}
        ]
    });
    serde_json::to_string_pretty(&manifest).unwrap_or_default()
}

/// Home screens show about twelve characters.
fn short_name(title: &str) -> String {
    if title.chars().count() <= 12 {
        title.to_string()
    } else {
        title
            .chars()
            .take(12)
            .collect::<String>()
            .trim_end()
            .to_string()
    }
}

/// The `--base-url` flag, held to the rule `basis_url` in site.yaml is held to
/// in validation: it lands in the same links, sitemap and QR codes.
pub fn check_base_flag(base: Option<&str>) -> Result<(), Problem> {
    match base.and_then(crate::content::base_url_problem) {
        None => Ok(()),
        Some(why) => Err(Problem::error(
            "--base-url",
            0,
            format!("de waarde van --base-url is geen webadres: {why}"),
        )
        .hint(crate::content::BASE_URL_HINT)),
    }
}

/// `base` with exactly one trailing slash; `None` for an empty base.
pub fn normalise_base(base: Option<&str>) -> Option<String> {
    let b = base?.trim();
    if b.is_empty() {
        return None;
    }
    Some(format!("{}/", b.trim_end_matches('/')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_uses_relative_urls() {
        let site: SiteConfig =
            crate::load::yaml::try_parse("titel: LOS in PW\nbeschrijving: Toolkit\n").unwrap();
        let m: serde_json::Value = serde_json::from_str(&manifest(&site)).unwrap();
        assert_eq!(m["name"], "LOS in PW");
        assert_eq!(m["start_url"], "./index.html");
        for icon in m["icons"].as_array().unwrap() {
            let src = icon["src"].as_str().unwrap();
            assert!(!src.starts_with('/') && !src.contains("://"), "{src}");
        }
    }

    #[test]
    fn the_flag_must_be_a_web_address() {
        assert!(check_base_flag(None).is_ok());
        assert!(check_base_flag(Some("https://x.org/kit")).is_ok());
        for bad in ["javascript:", "example.org", "ftp://x y"] {
            let p = check_base_flag(Some(bad)).expect_err(bad);
            assert!(p.message.contains("--base-url"), "{}", p.message);
        }
    }

    #[test]
    fn base_url_gets_one_slash() {
        assert_eq!(
            normalise_base(Some("https://x.org/kit")).as_deref(),
            Some("https://x.org/kit/")
        );
        assert_eq!(
            normalise_base(Some("https://x.org/kit//")).as_deref(),
            Some("https://x.org/kit/")
        );
        assert_eq!(normalise_base(Some(" ")), None);
    }
}
