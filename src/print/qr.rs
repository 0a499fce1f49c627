//! QR codes as inline SVG, made at build time so a printed card leads back to its
//! page on the hosted site.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// An SVG QR code for `url` that scales to its box, or `None` if the URL is too
/// long for a QR code.
pub fn svg(url: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    let image = code
        .render::<svg::Color>()
        .quiet_zone(false)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    // Inline in HTML: drop the XML declaration, let CSS size it.
    let start = image.find("<svg")?;
    Some(
        image[start..]
            .replacen("<svg ", "<svg class=\"qr-code\" role=\"img\" ", 1)
            .to_string(),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn makes_an_inline_svg() {
        let s = super::svg("https://example.org/kit/elementen/los/").unwrap_or_default();
        assert!(s.starts_with("<svg class=\"qr-code\""), "{s}");
        assert!(s.contains("viewBox"), "{s}");
    }
}
