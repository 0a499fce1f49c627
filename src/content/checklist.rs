use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `content/procesontwerp/<slug>.md`: a checklist for designing a process.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    /// Titel van de checklist.
    #[serde(rename = "titel")]
    pub title: String,
    /// Een of twee zinnen boven de items.
    #[serde(rename = "inleiding", default)]
    pub intro: Option<String>,
    /// afvinken (vakjes) of beantwoorden (schrijfregels).
    #[serde(rename = "vorm", default)]
    pub form: ChecklistForm,
    /// De items, elk met tekst en optioneel hulp.
    pub items: Vec<ChecklistItem>,
    /// Codes van de elementen waar de checklist aan werkt.
    #[serde(rename = "elementen", default)]
    pub elements: Vec<String>,
    /// Sleutels uit content/bronnen.yaml.
    #[serde(rename = "bronnen")]
    pub sources: Vec<String>,
}

/// Whether items are ticked or answered in writing (decides the worksheet's layout).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ChecklistForm {
    #[default]
    Afvinken,
    Beantwoorden,
}

/// One item, with optional help text.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    /// Het item.
    #[serde(rename = "tekst")]
    pub text: String,
    /// Toelichting bij het item.
    #[serde(rename = "hulp", default)]
    pub help: Option<String>,
}
