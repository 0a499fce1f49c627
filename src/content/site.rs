use schemars::JsonSchema;
use serde::Deserialize;

/// `site.yaml`: settings of the site as a whole.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Titel van de site, in de kop en de titel van elke pagina.
    #[serde(rename = "titel")]
    pub title: String,
    /// Eén regel die de site beschrijft, voor de startpagina en zoekmachines.
    #[serde(rename = "beschrijving", default)]
    pub description: Option<String>,
    /// Taalcode (standaard nl); kiest de teksten van de interface uit themes/<thema>/i18n/<taal>.yaml.
    #[serde(rename = "taal", default = "default_language")]
    pub language: String,
    /// Adres waar de site online staat, bijvoorbeeld https://example.org/toolkit/; voor sitemap.xml en QR-codes.
    #[serde(rename = "basis_url", default)]
    pub base_url: Option<String>,
    /// Map onder themes/ met het thema (standaard default).
    #[serde(rename = "thema", default = "default_theme")]
    pub theme: String,
    /// Ruwe HTML in Markdown toestaan (standaard false: HTML wordt als tekst getoond).
    #[serde(rename = "ruwe_html", default)]
    pub allow_raw_html: bool,
    /// Drempels van de reflectiescan: wanneer een element sterk is, aandacht vraagt of in een team verschil van mening geeft.
    #[serde(rename = "reflectiescan", default)]
    pub scan: super::ScanThresholds,
}

fn default_language() -> String {
    "nl".into()
}

fn default_theme() -> String {
    "default".into()
}
