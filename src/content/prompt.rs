use super::kind::{FrontMatter, Kind, KindInfo, ListPage, OnElements, SchemaInfo};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `content/in-gesprek/<slug>.md`: a discussion prompt, used as a work form.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    /// Titel van het gesprek.
    #[serde(rename = "titel")]
    pub title: String,
    /// Waar het gesprek voor dient.
    #[serde(rename = "doel")]
    pub purpose: String,
    /// Codes van de elementen waar het gesprek over gaat (leeg: het model als geheel).
    #[serde(rename = "elementen", default)]
    pub elements: Vec<String>,
    /// Werkvormen: individueel, duo, subgroepen en/of plenair.
    #[serde(rename = "werkvorm")]
    pub work_forms: Vec<WorkForm>,
    /// Totale duur in minuten.
    #[serde(rename = "duur")]
    pub minutes: u32,
    /// Aantal deelnemers: min en (optioneel) max.
    #[serde(rename = "groepsgrootte")]
    pub group_size: GroupSize,
    /// Wat je nodig hebt.
    #[serde(rename = "materialen", default)]
    pub materials: Vec<String>,
    /// Het verloop: stappen met tekst en minuten.
    #[serde(rename = "stappen")]
    pub steps: Vec<Step>,
    /// De vragen, zoals de bron ze stelt.
    #[serde(rename = "vragen")]
    pub questions: Vec<String>,
    /// Sleutels uit content/bronnen.yaml.
    #[serde(rename = "bronnen")]
    pub sources: Vec<String>,
}

/// How participants work together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum WorkForm {
    Individueel,
    Duo,
    Subgroepen,
    Plenair,
}

/// Number of participants.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupSize {
    /// Minimaal aantal deelnemers.
    pub min: u32,
    /// Maximaal aantal deelnemers.
    #[serde(default)]
    pub max: Option<u32>,
}

/// One step of a prompt.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Wat er in deze stap gebeurt.
    #[serde(rename = "tekst")]
    pub text: String,
    /// Duur van de stap in minuten.
    #[serde(rename = "minuten")]
    pub minutes: u32,
}

impl WorkForm {
    /// The name as written in content (`individueel`), also the key of its label.
    pub fn name(self) -> &'static str {
        match self {
            WorkForm::Individueel => "individueel",
            WorkForm::Duo => "duo",
            WorkForm::Subgroepen => "subgroepen",
            WorkForm::Plenair => "plenair",
        }
    }
}

/// Discussion prompts: `content/in-gesprek/`.
pub struct Prompts;

impl Kind for Prompts {
    type Meta = Prompt;
    const INFO: &'static KindInfo = &KindInfo {
        folder: "in-gesprek",
        page: "gesprek",
        template: "prompt.html",
        list: Some(ListPage {
            page: "gesprekken",
            template: "prompts.html",
            label: "nav_prompts",
        }),
        on_elements: Some(OnElements {
            label: "gesprekken_over",
            note: None,
        }),
        sources_required: true,
        search_label: "nav_prompts",
        at_root: false,
        schema: SchemaInfo {
            file: "gesprek.json",
            title: "content/in-gesprek/<slug>.md",
            description: "Front matter van een gespreksvorm.",
        },
    };
}

impl FrontMatter for Prompt {
    fn title(&self) -> &str {
        &self.title
    }
    fn description(&self) -> Option<&str> {
        Some(&self.purpose)
    }
    fn sources(&self) -> &[String] {
        &self.sources
    }
    fn elements(&self) -> &[String] {
        &self.elements
    }
    fn texts(&self) -> Vec<&str> {
        [&self.purpose]
            .into_iter()
            .chain(&self.questions)
            .chain(self.steps.iter().map(|st| &st.text))
            .chain(&self.materials)
            .map(String::as_str)
            .collect()
    }
}
