use serde::{Deserialize, Serialize};

/// `content/elementen/<code>.md`: one working element of the model.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Element {
    /// The model's code, e.g. `LOS`.
    pub code: String,
    #[serde(rename = "naam")]
    pub name: String,
    /// One-sentence essence, shown on the card's front.
    #[serde(rename = "kern")]
    pub essence: String,
    /// `#rrggbb`.
    #[serde(rename = "kleur")]
    pub colour: String,
    /// Position in navigation.
    #[serde(rename = "volgorde")]
    pub order: u32,
    pub wat: Vec<String>,
    pub doel: Vec<String>,
    pub benodigdheden: Vec<String>,
    /// Aspects to reflect on.
    #[serde(rename = "aspecten")]
    pub aspects: Vec<String>,
    /// Whether the aspects come from the source or are the toolkit's own.
    #[serde(rename = "aspecten_herkomst")]
    pub aspect_origin: AspectOrigin,
    #[serde(rename = "citaten", default)]
    pub quotes: Vec<Quote>,
    /// Codes of related elements.
    #[serde(rename = "verwant", default)]
    pub related: Vec<String>,
    #[serde(rename = "bronnen")]
    pub sources: Vec<String>,
}

/// Where an element's aspects come from; the site says so next to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AspectOrigin {
    /// Taken from the source.
    Model,
    /// The toolkit's own operationalisation.
    Toolkit,
}

/// A short participant quotation, attributed by role.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    #[serde(rename = "tekst")]
    pub text: String,
    #[serde(rename = "rol")]
    pub role: String,
}
