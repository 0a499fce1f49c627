use schemars::JsonSchema;
use serde::Deserialize;

/// `content/paginas/<slug>.md`: a free page (about, examples, …).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Page {
    /// Titel van de pagina.
    #[serde(rename = "titel")]
    pub title: String,
    /// Eén regel voor overzichten en zoekmachines.
    #[serde(rename = "beschrijving", default)]
    pub description: Option<String>,
    /// Plaats in het menu; pagina's zonder volgorde staan niet in het menu.
    #[serde(rename = "volgorde", default)]
    pub order: Option<u32>,
    /// Codes van de elementen die de pagina illustreert.
    #[serde(rename = "elementen", default)]
    pub elements: Vec<String>,
    /// Sleutels uit content/bronnen.yaml.
    #[serde(rename = "bronnen", default)]
    pub sources: Vec<String>,
}
