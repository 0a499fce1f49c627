use super::kind::{FrontMatter, Kind, KindInfo, ListPage, ListPrint, OnElements, SchemaInfo};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `content/procesontwerp/<slug>.md`: a checklist for designing a process.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    /// Concept: true houdt de pagina uit `build` (wel in `serve` en `build --drafts`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub concept: bool,
    /// Titel van de checklist.
    pub titel: String,
    /// Een of twee zinnen boven de items.
    #[serde(default)]
    pub inleiding: Option<String>,
    /// afvinken (vakjes) of beantwoorden (schrijfregels).
    #[serde(default)]
    pub vorm: ChecklistForm,
    /// De items, elk met tekst en optioneel hulp.
    pub items: Vec<ChecklistItem>,
    /// Codes van de elementen waar de checklist aan werkt.
    #[serde(default)]
    pub elementen: Vec<String>,
    /// Sleutels uit content/bronnen.yaml.
    pub bronnen: Vec<String>,
}

/// Whether items are ticked or answered in writing (decides the worksheet's layout).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ChecklistForm {
    #[default]
    Afvinken,
    Beantwoorden,
}

/// One item, with optional help text.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    /// Het item.
    pub tekst: String,
    /// Toelichting bij het item.
    #[serde(default)]
    pub hulp: Option<String>,
}

/// Checklists for process design: `content/procesontwerp/`.
pub struct Checklists;

impl Kind for Checklists {
    type Meta = Checklist;
    const INFO: &'static KindInfo = &KindInfo {
        folder: "procesontwerp",
        page: "checklist",
        template: "checklist.html",
        list: Some(ListPage {
            page: "checklists",
            template: "checklists.html",
            label: "nav_checklists",
            print: ListPrint::Document,
        }),
        on_elements: Some(OnElements {
            label: "checklists_bij",
            note: Some("checklists_bij_noot"),
        }),
        sources_required: true,
        search_label: "nav_checklists",
        at_root: false,
        schema: SchemaInfo {
            file: "checklist.json",
            title: "content/procesontwerp/<slug>.md",
            description: "Front matter van een checklist.",
        },
    };
}

impl FrontMatter for Checklist {
    fn concept(&self) -> bool {
        self.concept
    }
    fn title(&self) -> &str {
        &self.titel
    }
    fn description(&self) -> Option<&str> {
        self.inleiding.as_deref()
    }
    fn sources(&self) -> &[String] {
        &self.bronnen
    }
    fn elements(&self) -> &[String] {
        &self.elementen
    }
    fn texts(&self) -> Vec<&str> {
        let items = self
            .items
            .iter()
            .flat_map(|i| [i.tekst.as_str(), i.hulp.as_deref().unwrap_or_default()]);
        [self.inleiding.as_deref().unwrap_or_default()]
            .into_iter()
            .chain(items)
            .collect()
    }
}
