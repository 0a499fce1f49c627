use serde::{Deserialize, Serialize};

/// `site.yaml`: settings of the site as a whole.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Site title.
    #[serde(rename = "titel")]
    pub title: String,
    /// One-line description.
    #[serde(rename = "beschrijving", default)]
    pub description: Option<String>,
    /// Language code; picks the UI strings file.
    #[serde(rename = "taal", default = "default_language")]
    pub language: String,
    /// Where the site is hosted, for absolute URLs (sitemap, QR codes).
    #[serde(rename = "basis_url", default)]
    pub base_url: Option<String>,
    /// Theme folder below `themes/`.
    #[serde(rename = "thema", default = "default_theme")]
    pub theme: String,
    /// Whether raw HTML inside Markdown is passed through (off: shown as text).
    #[serde(rename = "ruwe_html", default)]
    pub allow_raw_html: bool,
    /// The paper the site's print links lead to; both sizes are always built.
    #[serde(rename = "papier", default)]
    pub paper: Paper,
    /// How far to move the backs of duplex card sheets, to undo a printer's drift.
    #[serde(rename = "duplex_verschuiving", default)]
    pub duplex_offset: DuplexOffset,
}

/// A paper size the print pages are laid out for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    pub const ALL: [Paper; 2] = [Paper::A4, Paper::Letter];

    /// The key used in `site.yaml`, URLs and file names.
    pub fn key(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "letter",
        }
    }

    /// Width and height in millimetres, portrait.
    pub fn size_mm(self) -> (f64, f64) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::Letter => (215.9, 279.4),
        }
    }

    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "Letter",
        }
    }
}

/// Millimetres the backs of a duplex sheet are moved: `x_mm` to the right, `y_mm`
/// down, as seen on the back. Home duplexers drift 2–4 mm.
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DuplexOffset {
    #[serde(default)]
    pub x_mm: f64,
    #[serde(default)]
    pub y_mm: f64,
}

fn default_language() -> String {
    "nl".into()
}

fn default_theme() -> String {
    "default".into()
}
