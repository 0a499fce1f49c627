use super::Doc;
use super::kind::{
    CardStyle, DeckInfo, FrontMatter, Kind, KindInfo, ListPage, ListPrint, SchemaInfo,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `content/elementen/<code>.md`: one working element of the model.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Element {
    /// Concept: true houdt de pagina uit `build` (wel in `serve` en `build --drafts`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub concept: bool,
    /// De code van het element, in hoofdletters (bijvoorbeeld LOS); uniek.
    pub code: String,
    /// Volledige naam van het element.
    pub naam: String,
    /// De kern in één zin (voorkant van de kaart).
    pub kern: String,
    /// Kleur van het element als "#rrggbb" (tussen aanhalingstekens).
    pub kleur: String,
    /// Plaats in de navigatie (1 is de eerste).
    pub volgorde: u32,
    /// Wat: de punten uit het model.
    pub wat: Vec<String>,
    /// Doel: de punten uit het model.
    pub doel: Vec<String>,
    /// Benodigdheden: de punten uit het model.
    pub benodigdheden: Vec<String>,
    /// Aspecten om op te reflecteren.
    pub aspecten: Vec<String>,
    /// Herkomst van de aspecten: model (uit de bron) of toolkit (eigen uitwerking).
    pub aspecten_herkomst: AspectOrigin,
    /// Waar de aspecten vandaan komen (bij model) of de punten waaruit ze zijn afgeleid (bij toolkit): sleutels uit content/bronnen.yaml.
    #[serde(default)]
    pub aspecten_bronnen: Vec<String>,
    /// Waar in die bron, bijvoorbeeld "figuur 2" (optioneel).
    #[serde(default)]
    pub aspecten_plaats: Option<String>,
    /// Korte citaten van deelnemers, elk met tekst en rol.
    #[serde(default)]
    pub citaten: Vec<Quote>,
    /// Codes van verwante elementen.
    #[serde(default)]
    pub verwant: Vec<String>,
    /// Sleutels uit content/bronnen.yaml.
    pub bronnen: Vec<String>,
}

/// Where an element's aspects come from; the site says so next to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum AspectOrigin {
    /// De aspecten komen uit de bron.
    Model,
    /// De aspecten zijn een eigen uitwerking van de toolkit.
    Toolkit,
}

/// A short participant quotation, attributed by role.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// Het citaat.
    pub tekst: String,
    /// De rol van wie het zei, bijvoorbeeld "manager".
    pub rol: String,
}

/// The model's working elements: `content/elementen/`, one page each at
/// `elementen/<code>/`.
pub struct Elements;

impl Kind for Elements {
    type Meta = Element;
    const INFO: &'static KindInfo = &KindInfo {
        folder: "elementen",
        page: "element",
        template: "element.html",
        list: Some(ListPage {
            page: "elementen",
            template: "elements.html",
            label: "nav_elements",
            print: ListPrint::Deck(DeckInfo {
                slug: "elementkaarten",
                title: "print_elementkaarten",
                style: CardStyle::Element,
            }),
        }),
        on_elements: None,
        sources_required: true,
        search_label: "nav_elements",
        at_root: false,
        schema: SchemaInfo {
            file: "element.json",
            title: "content/elementen/<code>.md",
            description: "Front matter van een elementkaart.",
        },
    };

    /// In the model's order (`volgorde`), then by code.
    fn sort(docs: &mut [Doc<Element>]) {
        docs.sort_by(|a, b| (a.meta.volgorde, &a.meta.code).cmp(&(b.meta.volgorde, &b.meta.code)));
    }

    /// The code, as `@LOS` links name the element.
    fn slug(doc: &Doc<Element>) -> String {
        doc.meta.code.to_lowercase()
    }
}

impl FrontMatter for Element {
    fn concept(&self) -> bool {
        self.concept
    }
    fn title(&self) -> &str {
        &self.naam
    }
    fn heading(&self) -> String {
        format!("{} – {}", self.code, self.naam)
    }
    fn description(&self) -> Option<&str> {
        Some(&self.kern)
    }
    fn sources(&self) -> &[String] {
        &self.bronnen
    }
    fn texts(&self) -> Vec<&str> {
        [&self.kern]
            .into_iter()
            .chain(self.wat.iter().chain(&self.doel).chain(&self.benodigdheden))
            .chain(&self.aspecten)
            .chain(self.citaten.iter().map(|q| &q.tekst))
            .map(String::as_str)
            .collect()
    }
}
