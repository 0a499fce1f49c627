use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::BTreeMap;

/// `content/bronnen.yaml`: every work the site cites, by key.
pub type Bibliography = BTreeMap<String, Reference>;

/// One cited work.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// Korte verwijzing in de tekst, bijvoorbeeld "Snoeren e.a., 2019".
    pub kort: String,
    /// De volledige bronvermelding zoals die op de bronnenpagina staat.
    pub tekst: String,
    /// Optionele link naar het werk.
    #[serde(default)]
    pub url: Option<String>,
}
