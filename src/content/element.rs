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
    /// Aspecten om op te reflecteren: elk een tekst, of `{tekst, id}` om de id
    /// vast te zetten (dan blijven opgeslagen antwoorden bij een nieuwe tekst horen).
    pub aspecten: Vec<Aspect>,
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

/// An aspect to reflect on: its text, and the id the scan saves answers
/// under when the editor sets one (otherwise it comes from the text).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Aspect {
    Text(String),
    WithId(AspectWithId),
}

/// A text, or a map read as [`AspectWithId`]: unlike an untagged enum, a
/// map with a mistyped field gets the parser's own error for that field
/// (with its line and a "did you mean"), not "no variant matched".
impl<'de> Deserialize<'de> for Aspect {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Aspect;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("een tekst, of `tekst:` met `id:`")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Aspect, E> {
                Ok(Aspect::Text(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Aspect, A::Error> {
                let de = serde::de::value::MapAccessDeserializer::new(map);
                AspectWithId::deserialize(de).map(Aspect::WithId)
            }
        }
        d.deserialize_any(Visit)
    }
}

/// An aspect with an id set by hand: rewording it keeps its saved answers.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AspectWithId {
    /// De tekst van het aspect.
    pub tekst: String,
    /// De vaste id (kleine letters, cijfers en -), zoals de reflectiescan hem opslaat.
    pub id: String,
}

impl Aspect {
    pub fn text(&self) -> &str {
        match self {
            Aspect::Text(t) => t,
            Aspect::WithId(a) => &a.tekst,
        }
    }

    /// The id set by hand, if any.
    pub fn id(&self) -> Option<&str> {
        match self {
            Aspect::Text(_) => None,
            Aspect::WithId(a) => Some(&a.id),
        }
    }
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
            .map(String::as_str)
            .chain(self.aspecten.iter().map(Aspect::text))
            .chain(self.citaten.iter().map(|q| q.tekst.as_str()))
            .collect()
    }
}
