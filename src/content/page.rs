use super::Doc;
use super::kind::{FrontMatter, Kind, KindInfo, OnElements, SchemaInfo};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `content/paginas/<slug>.md`: a free page (about, examples, …).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Page {
    /// Concept: true houdt de pagina uit `build` (wel in `serve` en `build --drafts`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub concept: bool,
    /// Titel van de pagina.
    pub titel: String,
    /// Eén regel voor overzichten en zoekmachines.
    #[serde(default)]
    pub beschrijving: Option<String>,
    /// Plaats in het menu; pagina's zonder volgorde staan niet in het menu.
    #[serde(default)]
    pub volgorde: Option<u32>,
    /// Codes van de elementen die de pagina illustreert.
    #[serde(default)]
    pub elementen: Vec<String>,
    /// Sleutels uit content/bronnen.yaml.
    #[serde(default)]
    pub bronnen: Vec<String>,
}

/// Free pages: `content/paginas/`, published at the site root.
pub struct Pages;

impl Kind for Pages {
    type Meta = Page;
    const INFO: &'static KindInfo = &KindInfo {
        folder: "paginas",
        page: "pagina",
        template: "page.html",
        list: None,
        on_elements: Some(OnElements {
            label: "paginas_bij",
            note: None,
        }),
        sources_required: false,
        search_label: "zoek_sectie_pagina",
        at_root: true,
        schema: SchemaInfo {
            file: "pagina.json",
            title: "content/paginas/<slug>.md",
            description: "Front matter van een vrije pagina.",
        },
    };

    /// Menu pages in `volgorde`, then the others by title. Compared by
    /// reference: cloning titles for every comparison showed in profiles.
    fn sort(docs: &mut [Doc<Page>]) {
        fn key(p: &Doc<Page>) -> (u32, &str) {
            (p.meta.volgorde.unwrap_or(u32::MAX), &p.meta.titel)
        }
        docs.sort_by(|a, b| key(a).cmp(&key(b)));
    }
}

impl FrontMatter for Page {
    fn concept(&self) -> bool {
        self.concept
    }
    fn title(&self) -> &str {
        &self.titel
    }
    fn description(&self) -> Option<&str> {
        self.beschrijving.as_deref()
    }
    fn sources(&self) -> &[String] {
        &self.bronnen
    }
    fn elements(&self) -> &[String] {
        &self.elementen
    }
    fn texts(&self) -> Vec<&str> {
        vec![self.beschrijving.as_deref().unwrap_or_default()]
    }
}
