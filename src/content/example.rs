use super::Doc;
use super::card::{CardContent, CardFact, CardList, CardText, Label};
use super::kind::{
    CardStyle, DeckInfo, FrontMatter, Kind, KindInfo, ListPage, ListPrint, OnElements, Refs,
    SchemaInfo,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// `content/praktijkvoorbeelden/<slug>.md`: a real case from the sources that
/// shows the model or a checklist at work.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// Concept: true houdt de pagina uit `build` (wel in `serve` en `build --drafts`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub concept: bool,
    /// Titel van het voorbeeld.
    pub titel: String,
    /// Eén regel voor overzichten en zoekresultaten.
    pub beschrijving: String,
    /// De kop waaronder het voorbeeld in het overzicht staat.
    pub groep: String,
    /// Plaats in de groep (daarna op titel).
    #[serde(default)]
    pub volgorde: Option<u32>,
    /// De setting, in één regel.
    #[serde(default)]
    pub context: Option<String>,
    /// Gegevens zoals de bron ze geeft, elk met naam en waarde.
    #[serde(default)]
    pub gegevens: Vec<Fact>,
    /// Wie er meededen, zoals de bron ze noemt.
    #[serde(default)]
    pub deelnemers: Vec<String>,
    /// De aanpak of stappen, in volgorde.
    #[serde(default)]
    pub aanpak: Vec<String>,
    /// Wat het voorbeeld laat zien, volgens de bron.
    #[serde(default)]
    pub laat_zien: Vec<String>,
    /// Codes van de elementen die het voorbeeld illustreert.
    #[serde(default)]
    pub elementen: Vec<String>,
    /// Checklists (bestandsnamen in content/procesontwerp/ zonder .md) die het illustreert.
    #[serde(default)]
    pub checklists: Vec<String>,
    /// De koppeling aan elementen en checklists is een lezing van deze toolkit, niet van de bron.
    #[serde(default)]
    pub eigen_lezing: bool,
    /// Sleutels uit content/bronnen.yaml.
    pub bronnen: Vec<String>,
}

/// One fact about an example, as the source gives it.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// Waar het gegeven over gaat, bijvoorbeeld "Start PW".
    pub naam: String,
    /// Het gegeven, bijvoorbeeld "2012" (tussen aanhalingstekens als het een getal is).
    pub waarde: String,
}

/// Practice examples: `content/praktijkvoorbeelden/`.
pub struct Examples;

impl Kind for Examples {
    type Meta = Example;
    const INFO: &'static KindInfo = &KindInfo {
        folder: "praktijkvoorbeelden",
        page: "praktijkvoorbeeld",
        template: "example.html",
        list: Some(ListPage {
            page: "praktijkvoorbeelden",
            template: "examples.html",
            label: "nav_examples",
            print: ListPrint::Deck(DeckInfo {
                slug: "voorbeeldkaarten",
                title: "print_voorbeeldkaarten",
                style: CardStyle::Prompt,
            }),
        }),
        on_elements: Some(OnElements {
            label: "voorbeelden_bij",
            note: None,
        }),
        sources_required: true,
        search_label: "nav_examples",
        at_root: false,
        schema: SchemaInfo {
            file: "praktijkvoorbeeld.json",
            title: "content/praktijkvoorbeelden/<slug>.md",
            description: "Front matter van een praktijkvoorbeeld.",
        },
    };

    /// By group, each group where its first example stands, then by
    /// `volgorde` and title within it.
    fn sort(docs: &mut [Doc<Example>]) {
        fn key(d: &Doc<Example>) -> (u32, String) {
            (d.meta.volgorde.unwrap_or(u32::MAX), d.meta.titel.clone())
        }
        let mut first: HashMap<String, (u32, String)> = HashMap::new();
        for d in docs.iter() {
            let k = key(d);
            let f = first
                .entry(d.meta.groep.clone())
                .or_insert_with(|| k.clone());
            if k < *f {
                *f = k;
            }
        }
        docs.sort_by_cached_key(|d| (first.get(&d.meta.groep).cloned(), key(d)));
    }
}

impl FrontMatter for Example {
    fn concept(&self) -> bool {
        self.concept
    }
    fn title(&self) -> &str {
        &self.titel
    }
    fn description(&self) -> Option<&str> {
        Some(&self.beschrijving)
    }
    fn sources(&self) -> &[String] {
        &self.bronnen
    }
    fn elements(&self) -> &[String] {
        &self.elementen
    }
    fn texts(&self) -> Vec<&str> {
        let facts = self
            .gegevens
            .iter()
            .flat_map(|f| [f.naam.as_str(), f.waarde.as_str()]);
        [
            self.beschrijving.as_str(),
            self.context.as_deref().unwrap_or_default(),
        ]
        .into_iter()
        .chain(facts)
        .chain(self.deelnemers.iter().map(String::as_str))
        .chain(self.aanpak.iter().map(String::as_str))
        .chain(self.laat_zien.iter().map(String::as_str))
        .collect()
    }
    fn refs(&self) -> Vec<Refs<'_>> {
        vec![Refs {
            field: "checklists",
            folder: "procesontwerp",
            slugs: &self.checklists,
        }]
    }
    /// The card: the description on the front; the setting, the source's
    /// facts, who took part and what it shows on the back (the approach is
    /// too long for a card; the QR code leads to the page).
    fn card(&self) -> Option<CardContent<'_>> {
        let context = self.context.as_deref().map(|c| CardFact {
            field: "context",
            label: Label::Key("voorbeeld_context"),
            value: Label::Text(c),
        });
        let facts = self.gegevens.iter().map(|f| CardFact {
            field: "gegevens",
            label: Label::Text(&f.naam),
            value: Label::Text(&f.waarde),
        });
        // Who took part on one line: a list of five short lines does not
        // leave room for what the example shows.
        let who = (!self.deelnemers.is_empty()).then(|| CardFact {
            field: "deelnemers",
            label: Label::Key("voorbeeld_deelnemers"),
            value: Label::Owned(self.deelnemers.join(", ")),
        });
        // The card's band shows the elements; say whose reading that is.
        let reading = (self.eigen_lezing && !self.elementen.is_empty()).then_some(CardFact {
            field: "eigen_lezing",
            label: Label::Key("kaart_koppeling"),
            value: Label::Key("kaart_eigen_lezing"),
        });
        Some(CardContent {
            front: CardText {
                field: "beschrijving",
                text: &self.beschrijving,
            },
            facts: (context.into_iter().chain(facts).chain(who).chain(reading)).collect(),
            lists: vec![CardList {
                field: "laat_zien",
                label: "voorbeeld_laat_zien",
                items: &self.laat_zien,
            }],
        })
    }
}
