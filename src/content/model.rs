use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `content/model.md`: the model LOS in PW as a whole.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Model {
    /// Titel van de modelpagina.
    pub titel: String,
    /// Volledige naam van het model.
    pub naam: String,
    /// Definitie van een professionele werkplaats.
    pub definitie: String,
    /// De kenmerken: elk met een korte titel (kort) en de volledige tekst (tekst).
    pub kenmerken: Vec<Characteristic>,
    /// Aanleiding: de linkerkolom van het model (mag ontbreken).
    #[serde(default)]
    pub aanleiding: Vec<String>,
    /// Opbrengsten: de rechterkolom van het model (mag ontbreken).
    #[serde(default)]
    pub opbrengsten: Vec<String>,
    /// Welke elementen waar in het model staan, per groep, met hun codes.
    pub ordening: ModelArrangement,
    /// Sleutels uit content/bronnen.yaml.
    pub bronnen: Vec<String>,
}

/// A characteristic: the slides' short label and the article's full version.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Characteristic {
    /// Korte titel van het kenmerk.
    pub kort: String,
    /// Volledige tekst van het kenmerk.
    pub tekst: String,
}

/// The elements' places in the model, by code.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ModelArrangement {
    /// Het primaire proces in het midden (LOS).
    pub kern: Vec<String>,
    /// De cultuur die onlosmakelijk met het midden verbonden is (GOC).
    pub cultuur: Vec<String>,
    /// Instrumentele ondersteuning: systemen, structuren en processen (SRI, VMM).
    pub instrumenteel: Vec<String>,
    /// Interpersoonlijke ondersteuning: verbindingen tussen mensen (LEA, VOR).
    pub interpersoonlijk: Vec<String>,
}

impl ModelArrangement {
    /// Each group's key (as written in YAML) with its codes, in model order.
    pub fn groups(&self) -> [(&'static str, &[String]); 4] {
        [
            ("kern", &self.kern),
            ("cultuur", &self.cultuur),
            ("instrumenteel", &self.instrumenteel),
            ("interpersoonlijk", &self.interpersoonlijk),
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
        &self.titel
    }
    fn sources(&self) -> &[String] {
        &self.bronnen
    }
    fn texts(&self) -> Vec<&str> {
        let characteristics = self
            .kenmerken
            .iter()
            .flat_map(|c| [c.kort.as_str(), c.tekst.as_str()]);
        [self.naam.as_str(), self.definitie.as_str()]
            .into_iter()
            .chain(characteristics)
            .chain(self.aanleiding.iter().map(String::as_str))
            .chain(self.opbrengsten.iter().map(String::as_str))
            .collect()
    }
}
