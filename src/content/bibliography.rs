use serde::Deserialize;
use std::collections::BTreeMap;

/// `content/bronnen.yaml`: every work the site cites, by key.
pub type Bibliography = BTreeMap<String, Reference>;

/// One cited work.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// Short in-text form, e.g. "Snoeren e.a., 2019".
    #[serde(rename = "kort")]
    pub short: String,
    /// The full reference as printed.
    #[serde(rename = "tekst")]
    pub text: String,
    /// Optional link to the work.
    #[serde(default)]
    pub url: Option<String>,
}
