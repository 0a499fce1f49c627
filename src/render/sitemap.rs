//! `sitemap.xml`: every page, with absolute URLs when the base URL is known.

/// Builds the sitemap for pages at `routes` (pretty paths such as `elementen/los/`).
pub fn sitemap(routes: &[String], base_url: Option<&str>) -> String {
    let base = base_url.map(|b| {
        if b.ends_with('/') {
            b.to_string()
        } else {
            format!("{b}/")
        }
    });
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for route in routes {
        let loc = match &base {
            Some(b) => format!("{b}{route}"),
            None => format!("/{route}"),
        };
        out.push_str("  <url><loc>");
        out.push_str(&xml_escape(&loc));
        out.push_str("</loc></url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_with_base_url() {
        let xml = sitemap(
            &["".into(), "elementen/los/".into()],
            Some("https://x.org/kit"),
        );
        assert!(xml.contains("<loc>https://x.org/kit/elementen/los/</loc>"));
        assert!(xml.contains("<loc>https://x.org/kit/</loc>"));
    }
}
