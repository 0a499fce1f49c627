use serde::Deserialize;

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
}

fn default_language() -> String {
    "nl".into()
}

fn default_theme() -> String {
    "default".into()
}
