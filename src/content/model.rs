use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `content/model.md`: the model LOS in PW as a whole.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Model {
    /// Titel van de modelpagina.
    #[serde(rename = "titel")]
    pub title: String,
    /// Volledige naam van het model.
    #[serde(rename = "naam")]
    pub name: String,
    /// Definitie van een professionele werkplaats.
    #[serde(rename = "definitie")]
    pub definition: String,
    /// De kenmerken: elk met een korte titel (kort) en de volledige tekst (tekst).
    #[serde(rename = "kenmerken")]
    pub characteristics: Vec<Characteristic>,
    /// Aanleiding: de linkerkolom van het model.
    #[serde(rename = "aanleiding")]
    pub reasons: Vec<String>,
    /// Opbrengsten: de rechterkolom van het model.
    #[serde(rename = "opbrengsten")]
    pub outcomes: Vec<String>,
    /// Welke elementen waar in het model staan, per groep, met hun codes.
    #[serde(rename = "ordening")]
    pub arrangement: ModelArrangement,
    /// Sleutels uit content/bronnen.yaml.
    #[serde(rename = "bronnen")]
    pub sources: Vec<String>,
}

/// A characteristic: the slides' short label and the article's full version.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Characteristic {
    /// Korte titel van het kenmerk.
    #[serde(rename = "kort")]
    pub short: String,
    /// Volledige tekst van het kenmerk.
    #[serde(rename = "tekst")]
    pub text: String,
}

/// The elements' places in the model, by code.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ModelArrangement {
    /// Het primaire proces in het midden (LOS).
    #[serde(rename = "kern")]
    pub centre: Vec<String>,
    /// De cultuur die onlosmakelijk met het midden verbonden is (GOC).
    #[serde(rename = "cultuur")]
    pub culture: Vec<String>,
    /// Instrumentele ondersteuning: systemen, structuren en processen (SRI, VMM).
    #[serde(rename = "instrumenteel")]
    pub instrumental: Vec<String>,
    /// Interpersoonlijke ondersteuning: verbindingen tussen mensen (LEA, VOR).
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

/// The model is one file, not a kind, but the shared stages read it as any
/// document: its title, sources and the texts search shows.
impl super::kind::FrontMatter for Model {
    fn title(&self) -> &str {
        &self.title
    }
    fn sources(&self) -> &[String] {
        &self.sources
    }
    fn texts(&self) -> Vec<&str> {
        let characteristics = self
            .characteristics
            .iter()
            .flat_map(|c| [c.short.as_str(), c.text.as_str()]);
        [self.name.as_str(), self.definition.as_str()]
            .into_iter()
            .chain(characteristics)
            .chain(self.reasons.iter().map(String::as_str))
            .chain(self.outcomes.iter().map(String::as_str))
            .collect()
    }
}
