use super::kind::{
    CardStyle, DeckInfo, FrontMatter, Kind, KindInfo, ListPage, ListPrint, OnElements, SchemaInfo,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `content/in-gesprek/<slug>.md`: a discussion prompt, used as a work form.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    /// Concept: true houdt de pagina uit `build` (wel in `serve` en `build --drafts`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub concept: bool,
    /// Titel van het gesprek.
    pub titel: String,
    /// Waar het gesprek voor dient.
    pub doel: String,
    /// Codes van de elementen waar het gesprek over gaat (leeg: het model als geheel).
    #[serde(default)]
    pub elementen: Vec<String>,
    /// Deelnemers kiezen zelf één element om te bespreken: de pagina toont
    /// de uitleg van alle elementen om uit te kiezen, het werkblad vraagt
    /// welk element gekozen is.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub elementkeuze: bool,
    /// Werkvormen: individueel, duo, subgroepen en/of plenair.
    pub werkvorm: Vec<WorkForm>,
    /// Totale duur in minuten.
    pub duur: u32,
    /// Kortste duur in minuten waarin het gesprek nog werkt; korter gepland
    /// waarschuwt de sessieplanner (zonder deze waarde: de helft van `duur`).
    #[serde(default)]
    pub min_duur: Option<u32>,
    /// Aantal deelnemers: min en (optioneel) max.
    pub groepsgrootte: GroupSize,
    /// Wat je nodig hebt.
    #[serde(default)]
    pub materialen: Vec<String>,
    /// Het verloop: stappen met tekst en minuten.
    pub stappen: Vec<Step>,
    /// De vragen, zoals de bron ze stelt.
    pub vragen: Vec<String>,
    /// Sleutels uit content/bronnen.yaml.
    pub bronnen: Vec<String>,
}

/// How participants work together: one of the site's `werkvormen` (by
/// default individueel, duo, subgroepen, plenair), checked in validation
/// against site.yaml; its label is the theme string `werkvorm_<name>`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(transparent)]
pub struct WorkForm(
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"))]
    #[schemars(
        description = "Een werkvorm uit werkvormen in site.yaml; standaard individueel, duo, subgroepen of plenair."
    )]
    pub String,
);

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
    pub tekst: String,
    /// Duur van de stap in minuten.
    pub minuten: u32,
}

impl WorkForm {
    /// The name as written in content (`individueel`), also the key of its label.
    pub fn name(&self) -> &str {
        &self.0
    }
}

impl Prompt {
    /// The shortest a planned block of this prompt should be: `min_duur`, or
    /// half of `duur` (this toolkit's rule of thumb, not the model's).
    pub fn shortest(&self) -> u32 {
        self.min_duur.unwrap_or(self.duur.div_ceil(2)).max(1)
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
            print: ListPrint::Deck(DeckInfo {
                slug: "gesprekskaarten",
                title: "print_gesprekskaarten",
                style: CardStyle::Prompt,
            }),
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
    fn concept(&self) -> bool {
        self.concept
    }
    fn title(&self) -> &str {
        &self.titel
    }
    fn description(&self) -> Option<&str> {
        Some(&self.doel)
    }
    fn sources(&self) -> &[String] {
        &self.bronnen
    }
    fn elements(&self) -> &[String] {
        &self.elementen
    }
    fn texts(&self) -> Vec<&str> {
        [&self.doel]
            .into_iter()
            .chain(&self.vragen)
            .chain(self.stappen.iter().map(|st| &st.tekst))
            .chain(&self.materialen)
            .map(String::as_str)
            .collect()
    }
}
