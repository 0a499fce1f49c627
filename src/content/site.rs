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

/// A site setting whose value is wrong: its key path in `site.yaml` (to find
/// its line), what is wrong and what to do, in Dutch for the editor.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingProblem {
    pub path: &'static str,
    pub message: String,
    pub hint: String,
}

impl SiteConfig {
    /// What is wrong with the values of these settings; empty when all hold.
    /// The types already took care of the shapes; these are the values.
    pub fn problems(&self) -> Vec<SettingProblem> {
        let mut out = Vec::new();
        out.extend(self.duplex_offset.problems());
        out.extend(self.scan.problems());
        out
    }
}

impl DuplexOffset {
    /// Offsets that are no number, or larger than a printer ever drifts.
    pub fn problems(&self) -> Vec<SettingProblem> {
        let max = crate::print::sheet::MAX_OFFSET;
        let mut out = Vec::new();
        for (path, mm) in [
            ("duplex_verschuiving.x_mm", self.x_mm),
            ("duplex_verschuiving.y_mm", self.y_mm),
        ] {
            let message = if !mm.is_finite() {
                format!("`{path}` is geen getal ({mm})")
            } else if mm.abs() > max {
                format!("`{path}` is {mm} mm, maar mag naar beide kanten hoogstens {max} mm zijn")
            } else {
                continue;
            };
            out.push(SettingProblem {
                path,
                message,
                hint: "meet hoeveel de achterkant verschoven is (meestal 2–4 mm) en vul dat in, bijvoorbeeld `x_mm: 2.5`".into(),
            });
        }
        out
    }
}

fn default_language() -> String {
    "nl".into()
}

fn default_theme() -> String {
    "default".into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(yaml: &str) -> SiteConfig {
        serde_yaml::from_str(&format!("titel: t\n{yaml}")).expect("parses")
    }

    fn paths(site: &SiteConfig) -> Vec<&'static str> {
        site.problems().iter().map(|p| p.path).collect()
    }

    #[test]
    fn duplex_offsets_are_finite_and_small() {
        assert!(paths(&site("duplex_verschuiving: {x_mm: -2.5, y_mm: 5}")).is_empty());
        assert_eq!(
            paths(&site("duplex_verschuiving: {x_mm: .nan, y_mm: -.inf}")),
            ["duplex_verschuiving.x_mm", "duplex_verschuiving.y_mm"]
        );
        assert_eq!(
            paths(&site("duplex_verschuiving: {y_mm: 5.5}")),
            ["duplex_verschuiving.y_mm"]
        );
    }
}
