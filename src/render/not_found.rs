//! The 404 page. A server shows it at whatever address was missing, so links
//! relative to the site root break one folder down. With a base URL its links
//! are absolute; without one it carries a small inline script that finds the
//! site root and moves the links there, allowed by its hash in the page's
//! Content-Security-Policy (which allows no other inline script).

use super::theme::{Theme, builtin};
use base64::Engine;
use sha2::{Digest, Sha256};

/// The theme's static file the script comes from, so a toolkit can replace it.
const SCRIPT: &str = "niet-gevonden.js";

/// The root-finding script and its CSP source (`sha256-…`), or `None` when
/// the theme has no such script (the page then holds one folder deep).
pub(super) fn script(theme: &Theme) -> Option<(String, String)> {
    let own = std::fs::read(theme.static_dir.join(SCRIPT)).ok();
    let bytes = own.or_else(|| builtin::file(&format!("static/{SCRIPT}")).map(<[u8]>::to_vec))?;
    let code = String::from_utf8(bytes).ok()?;
    // `</script` would end the element early; such a script is not inlined.
    if code.to_ascii_lowercase().contains("</script") {
        return None;
    }
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(code.as_bytes()));
    Some((code, format!("sha256-{hash}")))
}

/// `href` made absolute below `base` (which ends in `/`); links from the root
/// page are relative to the root, so prefixing is enough.
pub(super) fn absolute(base: &str, href: &str) -> String {
    let rel = href.strip_prefix("./").unwrap_or(href);
    format!("{base}{rel}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_from_the_root_become_absolute_below_the_base() {
        let base = "https://example.org/toolkit/";
        assert_eq!(absolute(base, "./"), base);
        assert_eq!(
            absolute(base, "elementen/index.html"),
            "https://example.org/toolkit/elementen/index.html"
        );
    }

    #[test]
    fn the_csp_hash_is_the_base64_sha256_of_the_script() {
        // As `printf 'alert(1)' | openssl dgst -sha256 -binary | base64` gives.
        let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"alert(1)"));
        assert_eq!(hash, "bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=");
    }
}
