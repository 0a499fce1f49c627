use serde::{Deserialize, Serialize};

/// `content/procesontwerp/<slug>.md`: a checklist for designing a process.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    #[serde(rename = "titel")]
    pub title: String,
    #[serde(rename = "inleiding", default)]
    pub intro: Option<String>,
    #[serde(rename = "vorm", default)]
    pub form: ChecklistForm,
    pub items: Vec<ChecklistItem>,
    #[serde(rename = "elementen", default)]
    pub elements: Vec<String>,
    #[serde(rename = "bronnen")]
    pub sources: Vec<String>,
}

/// Whether items are ticked or answered in writing (decides the worksheet's layout).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChecklistForm {
    #[default]
    Afvinken,
    Beantwoorden,
}

/// One item, with optional help text.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    #[serde(rename = "tekst")]
    pub text: String,
    #[serde(rename = "hulp", default)]
    pub help: Option<String>,
}
