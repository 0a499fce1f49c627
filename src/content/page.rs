use serde::Deserialize;

/// `content/paginas/<slug>.md`: a free page (about, examples, …).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    #[serde(rename = "titel")]
    pub title: String,
    #[serde(rename = "beschrijving", default)]
    pub description: Option<String>,
    /// Position in the menu of pages; pages without come last.
    #[serde(rename = "volgorde", default)]
    pub order: Option<u32>,
    #[serde(rename = "elementen", default)]
    pub elements: Vec<String>,
    #[serde(rename = "bronnen", default)]
    pub sources: Vec<String>,
}
