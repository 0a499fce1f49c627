//! Colour contrast, as WCAG 2.2 defines it.
//!
//! Element colours come from content and are shown behind white text (tiles,
//! the model diagram, the cards). `validate` warns about a colour that is hard
//! to read, and the diagram picks dark text where white would fail; both need
//! the same arithmetic, so it lives here, below either of them.

/// The minimum contrast for normal text at level AA.
pub const AA_NORMAL_TEXT: f64 = 4.5;

/// White, the text colour the theme puts on element colours.
pub const WHITE: &str = "#ffffff";
/// The theme's dark text colour, used where white does not contrast enough.
pub const DARK: &str = "#1d2328";

/// Parses `#rrggbb`; `None` for anything else.
pub fn parse_hex(colour: &str) -> Option<[u8; 3]> {
    let hex = colour.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}

/// Relative luminance of an sRGB colour.
fn luminance([r, g, b]: [u8; 3]) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// The contrast ratio of two colours, from 1 to 21; `None` if either is not `#rrggbb`.
pub fn contrast(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (luminance(parse_hex(a)?), luminance(parse_hex(b)?));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

/// White when it reads well on `background`, else the theme's dark text colour.
pub fn text_on(background: &str) -> &'static str {
    let white = contrast(background, WHITE).unwrap_or(21.0);
    let dark = contrast(background, DARK).unwrap_or(1.0);
    if white >= AA_NORMAL_TEXT || white >= dark {
        WHITE
    } else {
        DARK
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_wcag_examples() {
        let black_white = contrast("#000000", "#ffffff").unwrap();
        assert!((black_white - 21.0).abs() < 1e-9);
        assert!((contrast("#777777", "#ffffff").unwrap() - 4.48).abs() < 0.01);
        assert_eq!(contrast("#fff", "#ffffff"), None);
    }

    #[test]
    fn text_colour_follows_the_background() {
        assert_eq!(text_on("#1d4f91"), WHITE);
        assert_eq!(text_on("#ffd700"), DARK);
    }
}
