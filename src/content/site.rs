use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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
    /// Papierformaat waar de afdruklinks van de site naartoe leiden: a4 (standaard) of letter; beide worden altijd gebouwd.
    #[serde(rename = "papier", default)]
    pub paper: Paper,
    /// Hoeveel millimeter de achterkanten van dubbelzijdige kaartvellen verschuiven (x_mm, y_mm), om de afwijking van een printer op te vangen.
    #[serde(rename = "duplex_verschuiving", default)]
    pub duplex_offset: DuplexOffset,
    /// Drempels van de reflectiescan: wanneer een element sterk is, aandacht vraagt of in een team verschil van mening geeft.
    #[serde(rename = "reflectiescan", default)]
    pub scan: super::ScanThresholds,
}

/// A paper size the print pages are laid out for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
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
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DuplexOffset {
    /// Millimeter naar rechts (negatief: naar links), gezien op de achterkant.
    #[serde(default)]
    pub x_mm: f64,
    /// Millimeter naar beneden (negatief: naar boven).
    #[serde(default)]
    pub y_mm: f64,
}

fn default_language() -> String {
    "nl".into()
}

fn default_theme() -> String {
    "default".into()
}
