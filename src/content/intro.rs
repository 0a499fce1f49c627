use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `content/<map>/_index.md`: the introduction of a kind's overview page.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Intro {
    /// Titel van het overzicht (anders de naam uit het menu).
    pub titel: String,
    /// Eén regel voor zoekmachines en linkvoorbeelden.
    #[serde(default)]
    pub beschrijving: Option<String>,
    /// Sleutels uit content/bronnen.yaml.
    #[serde(default)]
    pub bronnen: Vec<String>,
}

impl super::kind::FrontMatter for Intro {
    fn title(&self) -> &str {
        &self.titel
    }
    fn description(&self) -> Option<&str> {
        self.beschrijving.as_deref()
    }
    fn sources(&self) -> &[String] {
        &self.bronnen
    }
    fn texts(&self) -> Vec<&str> {
        vec![self.beschrijving.as_deref().unwrap_or_default()]
    }
}
