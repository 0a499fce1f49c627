//! Documents: a print version of each site page (worksheets for prompts and
//! checklists) and the whole toolkit with cover and contents.

use super::super::views::{ChecklistView, ElementView, LinkView, PromptView, SourceView};
use super::super::{ModelView, model_view};
use super::Renderer;
use crate::content::{Checklist, Doc, Element, Page, Paper, Prompt};
use crate::print::TOOLKIT_DOC;
use crate::routes::Route;
use serde::Serialize;

/// A document: one or more sections, with a cover and contents for the toolkit.
#[derive(Serialize)]
struct DocView {
    titel: String,
    omslag: bool,
    inhoud: Vec<Chapter>,
    secties: Vec<Section>,
}

/// An entry in the contents.
#[derive(Serialize)]
struct Chapter {
    titel: String,
    id: String,
    items: Vec<LinkView>,
}

#[derive(Serialize)]
#[serde(tag = "soort", rename_all = "lowercase")]
enum Section {
    Model {
        id: String,
        model: ModelView,
        elementen: Vec<ElementView>,
        inhoud: String,
        bronnen: Vec<SourceView>,
    },
    Element {
        id: String,
        element: ElementView,
        inhoud: String,
        bronnen: Vec<SourceView>,
    },
    Gesprek {
        id: String,
        gesprek: PromptView,
        inhoud: String,
        bronnen: Vec<SourceView>,
    },
    Checklist {
        id: String,
        checklist: ChecklistView,
        inhoud: String,
        bronnen: Vec<SourceView>,
    },
    Pagina {
        id: String,
        titel: String,
        beschrijving: Option<String>,
        inhoud: String,
        bronnen: Vec<SourceView>,
    },
    Bronnen {
        id: String,
        titel: String,
        bronnen: Vec<SourceView>,
    },
}

impl Section {
    fn id(&self) -> &str {
        match self {
            Section::Model { id, .. }
            | Section::Element { id, .. }
            | Section::Gesprek { id, .. }
            | Section::Checklist { id, .. }
            | Section::Pagina { id, .. }
            | Section::Bronnen { id, .. } => id,
        }
    }
}

impl<'a> Renderer<'a> {
    /// Every document for `paper`: one per site page that has a print version,
    /// and the whole toolkit.
    pub(super) fn documents(&mut self, paper: Paper) {
        let valid = self.valid;
        let t = &valid.toolkit;
        let model_doc = Route::model().0;
        self.document(
            paper,
            &model_doc,
            Some(Route::model()),
            t.model.meta.title.clone(),
            |r, route| vec![r.model_section(route)],
        );
        self.each(&t.elements, |r, _, e| {
            let site = Route::element(e);
            let title = format!("{} – {}", e.meta.code, e.meta.name);
            r.document(paper, &site.0, Some(site.clone()), title, |r, route| {
                vec![r.element_section(e, route)]
            });
        });
        self.each(&t.prompts, |r, _, p| {
            let site = Route::prompt(p);
            r.document(
                paper,
                &site.0,
                Some(site.clone()),
                p.meta.title.clone(),
                |r, route| vec![r.prompt_section(p, route)],
            );
        });
        self.each(&t.checklists, |r, _, c| {
            let site = Route::checklist(c);
            r.document(
                paper,
                &site.0,
                Some(site.clone()),
                c.meta.title.clone(),
                |r, route| vec![r.checklist_section(c, route)],
            );
        });
        self.document(
            paper,
            &Route::checklists().0,
            Some(Route::checklists()),
            self.s("nav_checklists"),
            |r, route| r.all_checklists(route),
        );
        self.each(&t.pages, |r, _, p| {
            let site = Route::page(p);
            let doc = format!("paginas/{}", site.0);
            r.document(paper, &doc, Some(site), p.meta.title.clone(), |r, route| {
                vec![r.page_section(p, route)]
            });
        });
        self.document(
            paper,
            &Route::bibliography().0,
            Some(Route::bibliography()),
            self.s("nav_sources"),
            |r, route| vec![r.sources_section(route)],
        );
        self.document(
            paper,
            TOOLKIT_DOC,
            Some(Route::home()),
            t.site.title.clone(),
            |r, route| r.whole_toolkit(route),
        );
    }

    /// Renders one document page; a toolkit gets a cover and contents.
    fn document(
        &mut self,
        paper: Paper,
        doc: &str,
        site: Option<Route>,
        titel: String,
        sections: impl FnOnce(&Self, &Route) -> Vec<Section>,
    ) {
        let route = Route::print(paper, doc);
        let secties = sections(self, &route);
        let whole = doc == TOOLKIT_DOC;
        let view = DocView {
            titel: titel.clone(),
            omslag: whole,
            inhoud: if whole {
                self.contents(&secties)
            } else {
                Vec::new()
            },
            secties,
        };
        self.print_page(
            &route,
            paper,
            doc,
            "print/document.html",
            titel,
            "document",
            Vec::new(),
            site.as_ref(),
            |ctx| {
                ctx.insert("doc", &view);
            },
        );
    }

    fn model_section(&self, route: &Route) -> Section {
        let t = &self.valid.toolkit;
        let v = self.views(route);
        Section::Model {
            id: "model".into(),
            model: model_view(&v),
            elementen: t.elements.iter().map(|e| v.element(e)).collect(),
            inhoud: self.markdown(&t.model.body, route),
            bronnen: v.sources(&t.model.meta.sources),
        }
    }

    fn element_section(&self, e: &Doc<Element>, route: &Route) -> Section {
        let v = self.views(route);
        Section::Element {
            id: format!("element-{}", e.meta.code.to_lowercase()),
            element: v.element(e),
            inhoud: self.markdown(&e.body, route),
            bronnen: v.sources(&e.meta.sources),
        }
    }

    fn prompt_section(&self, p: &Doc<Prompt>, route: &Route) -> Section {
        let v = self.views(route);
        Section::Gesprek {
            id: format!("gesprek-{}", p.slug),
            gesprek: v.prompt(p),
            inhoud: self.markdown(&p.body, route),
            bronnen: v.sources(&p.meta.sources),
        }
    }

    fn checklist_section(&self, c: &Doc<Checklist>, route: &Route) -> Section {
        let v = self.views(route);
        Section::Checklist {
            id: format!("checklist-{}", c.slug),
            checklist: v.checklist(c),
            inhoud: self.markdown(&c.body, route),
            bronnen: v.sources(&c.meta.sources),
        }
    }

    fn all_checklists(&self, route: &Route) -> Vec<Section> {
        let t = &self.valid.toolkit;
        t.checklists
            .iter()
            .map(|c| self.checklist_section(c, route))
            .collect()
    }

    fn page_section(&self, p: &Doc<Page>, route: &Route) -> Section {
        let v = self.views(route);
        Section::Pagina {
            id: format!("pagina-{}", p.slug),
            titel: p.meta.title.clone(),
            beschrijving: p.meta.description.clone(),
            inhoud: self.markdown(&p.body, route),
            bronnen: v.sources(p.meta.sources.as_slice()),
        }
    }

    fn sources_section(&self, route: &Route) -> Section {
        let t = &self.valid.toolkit;
        let keys: Vec<String> = t.bibliography.keys().cloned().collect();
        Section::Bronnen {
            id: "bronnen".into(),
            titel: self.s("nav_sources"),
            bronnen: self.views(route).sources(&keys),
        }
    }

    /// The toolkit in reading order: model, elements, prompts, checklists, free
    /// pages, sources.
    fn whole_toolkit(&self, route: &Route) -> Vec<Section> {
        let t = &self.valid.toolkit;
        let mut out = vec![self.model_section(route)];
        out.extend(t.elements.iter().map(|e| self.element_section(e, route)));
        out.extend(t.prompts.iter().map(|p| self.prompt_section(p, route)));
        out.extend(self.all_checklists(route));
        out.extend(t.pages.iter().map(|p| self.page_section(p, route)));
        out.push(self.sources_section(route));
        out
    }

    /// The contents of the whole toolkit: one chapter per kind of section.
    fn contents(&self, sections: &[Section]) -> Vec<Chapter> {
        let mut chapters: Vec<Chapter> = Vec::new();
        for s in sections {
            let (chapter_key, title) = match s {
                Section::Model { model, .. } => ("nav_model", model.titel.clone()),
                Section::Element { element, .. } => (
                    "nav_elements",
                    format!("{} – {}", element.code, element.naam),
                ),
                Section::Gesprek { gesprek, .. } => ("nav_prompts", gesprek.titel.clone()),
                Section::Checklist { checklist, .. } => ("nav_checklists", checklist.titel.clone()),
                Section::Pagina { titel, .. } => ("print_achtergrond", titel.clone()),
                Section::Bronnen { titel, .. } => ("nav_sources", titel.clone()),
            };
            let chapter = self.s(chapter_key);
            let link = LinkView {
                titel: title,
                href: format!("#{}", s.id()),
            };
            match chapters.last_mut() {
                Some(c) if c.titel == chapter => c.items.push(link),
                _ => chapters.push(Chapter {
                    titel: chapter,
                    id: s.id().to_string(),
                    items: vec![link],
                }),
            }
        }
        chapters
    }
}
