use serde::Deserialize;

/// `content/model.md`: the model LOS in PW as a whole.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    #[serde(rename = "titel")]
    pub title: String,
    /// Full name of the model.
    #[serde(rename = "naam")]
    pub name: String,
    /// Definition of a professional workplace (Markdown).
    #[serde(rename = "definitie")]
    pub definition: String,
    /// The characteristics (kenmerken) of a professional workplace.
    #[serde(rename = "kenmerken")]
    pub characteristics: Vec<Characteristic>,
    /// Reasons to collaborate: the model's left column.
    #[serde(rename = "aanleiding")]
    pub reasons: Vec<String>,
    /// Outcomes: the model's right column.
    #[serde(rename = "opbrengsten")]
    pub outcomes: Vec<String>,
    /// Which element sits where in the model.
    #[serde(rename = "ordening")]
    pub arrangement: ModelArrangement,
    /// Bibliography keys.
    #[serde(rename = "bronnen")]
    pub sources: Vec<String>,
}

/// A characteristic: the slides' short label and the article's full version.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Characteristic {
    #[serde(rename = "kort")]
    pub short: String,
    #[serde(rename = "tekst")]
    pub text: String,
}

/// The elements' places in the model, by code.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelArrangement {
    /// The primary process at the centre (LOS).
    #[serde(rename = "kern")]
    pub centre: Vec<String>,
    /// The culture inseparable from the centre (GOC).
    #[serde(rename = "cultuur")]
    pub culture: Vec<String>,
    /// Instrumental support: systems, structures, processes (SRI, VMM).
    #[serde(rename = "instrumenteel")]
    pub instrumental: Vec<String>,
    /// Interpersonal support: connections between people (LEA, VOR).
    #[serde(rename = "interpersoonlijk")]
    pub interpersonal: Vec<String>,
}

impl ModelArrangement {
    /// Each group's key (as written in YAML) with its codes, in model order.
    pub fn groups(&self) -> [(&'static str, &[String]); 4] {
        [
            ("kern", &self.centre),
            ("cultuur", &self.culture),
            ("instrumenteel", &self.instrumental),
            ("interpersoonlijk", &self.interpersonal),
        ]
    }

    /// The group key an element code belongs to.
    pub fn group_of(&self, code: &str) -> Option<&'static str> {
        self.groups()
            .into_iter()
            .find(|(_, codes)| codes.iter().any(|c| c == code))
            .map(|(key, _)| key)
    }
}
