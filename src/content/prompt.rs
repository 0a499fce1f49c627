use serde::{Deserialize, Serialize};

/// `content/in-gesprek/<slug>.md`: a discussion prompt, used as a work form.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    #[serde(rename = "titel")]
    pub title: String,
    /// What the conversation is for.
    #[serde(rename = "doel")]
    pub purpose: String,
    /// Codes of the elements it is about; empty means the model as a whole.
    #[serde(rename = "elementen", default)]
    pub elements: Vec<String>,
    #[serde(rename = "werkvorm")]
    pub work_forms: Vec<WorkForm>,
    /// Total duration in minutes.
    #[serde(rename = "duur")]
    pub minutes: u32,
    #[serde(rename = "groepsgrootte")]
    pub group_size: GroupSize,
    #[serde(rename = "materialen", default)]
    pub materials: Vec<String>,
    #[serde(rename = "stappen")]
    pub steps: Vec<Step>,
    #[serde(rename = "vragen")]
    pub questions: Vec<String>,
    #[serde(rename = "bronnen")]
    pub sources: Vec<String>,
}

/// How participants work together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum WorkForm {
    Individueel,
    Duo,
    Subgroepen,
    Plenair,
}

/// Number of participants.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GroupSize {
    pub min: u32,
    #[serde(default)]
    pub max: Option<u32>,
}

/// One step of a prompt.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    #[serde(rename = "tekst")]
    pub text: String,
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
