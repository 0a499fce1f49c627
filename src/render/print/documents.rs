//! Documents: a print version of each site page (worksheets for prompts and
//! checklists) and the whole toolkit with cover and contents.

use super::super::views::{
    ChecklistView, ElementLink, ElementView, LinkView, PromptView, SourceView,
};
use super::super::{ModelView, diagram, model_view};
use super::Renderer;
use super::chapters::{self, ChapterHtml};
use crate::content::kind::AnyShelf;
use crate::content::{Checklist, Doc, Element, Page, Paper, Prompt};
use crate::diagnostics::Problem;
use crate::print::TOOLKIT_DOC;
use crate::render::theme::template_problem;
use crate::routes::Route;
use rayon::prelude::*;
use serde::Serialize;

/// A document: one or more sections, with a cover and contents for the toolkit.
#[derive(Serialize)]
struct DocView<'a> {
    titel: &'a str,
    omslag: bool,
    inhoud: &'a [Chapter],
    /// Each section's HTML, from the theme's `print/section.html`; empty for
    /// the whole toolkit, whose sections stand in `hoofdstukken`.
    secties: &'a [String],
    hoofdstukken: &'a [ChapterHtml],
}

/// A document's sections: on their own, or under chapter headings.
#[derive(Clone, Copy)]
enum Body<'a> {
    Sections(&'a [String]),
    Chapters(&'a [ChapterHtml]),
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
        /// The wide model diagram as SVG, empty for a model too large to draw.
        diagram: String,
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
    /// A document of a kind without a view of its own, from its front matter.
    Document {
        id: String,
        /// The kind's folder, so a theme can lay one kind out its own way.
        map: String,
        /// The contents' chapter it stands under: the kind's overview title.
        hoofdstuk: String,
        titel: String,
        beschrijving: Option<String>,
        velden: serde_json::Value,
        elementen: Vec<ElementLink>,
        inhoud: String,
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
            | Section::Bronnen { id, .. }
            | Section::Document { id, .. } => id,
        }
    }
}

/// Whether print has sections of its own for `shelf`'s kind (the model's
/// kinds and free pages); other kinds print from their front matter.
pub(super) fn has_print_section(shelf: &dyn AnyShelf) -> bool {
    use crate::content::kind::Shelf;
    use crate::content::{Checklists, Elements, Pages, Prompts};
    let any = shelf.as_any();
    any.is::<Shelf<Elements>>()
        || any.is::<Shelf<Prompts>>()
        || any.is::<Shelf<Checklists>>()
        || any.is::<Shelf<Pages>>()
}

impl<'a> Renderer<'a> {
    /// Every document for both papers: one per site page that has a print
    /// version, and the whole toolkit.
    pub(super) fn documents(&mut self) {
        let valid = self.valid;
        let t = &valid.toolkit;
        let model_doc = Route::model().0;
        self.document(
            &model_doc,
            Some(Route::model()),
            t.model.meta.titel.clone(),
            |r, route| vec![r.model_section(route)],
        );
        self.each(t.elements(), |r, _, e| {
            let site = Route::element(e);
            let title = format!("{} – {}", e.meta.code, e.meta.naam);
            r.document(&site.0, Some(site.clone()), title, |r, route| {
                vec![r.element_section(e, route)]
            });
        });
        self.each(t.prompts(), |r, _, p| {
            let site = Route::prompt(p);
            r.document(
                &site.0,
                Some(site.clone()),
                p.meta.titel.clone(),
                |r, route| vec![r.prompt_section(p, route)],
            );
        });
        self.each(t.checklists(), |r, _, c| {
            let site = Route::checklist(c);
            r.document(
                &site.0,
                Some(site.clone()),
                c.meta.titel.clone(),
                |r, route| vec![r.checklist_section(c, route)],
            );
        });
        self.document(
            &Route::checklists().0,
            Some(Route::checklists()),
            self.s("nav_checklists"),
            |r, route| r.all_checklists(route),
        );
        self.each(t.pages(), |r, _, p| {
            let site = Route::page(p);
            let doc = format!("paginas/{}", site.0);
            r.document(&doc, Some(site), p.meta.titel.clone(), |r, route| {
                vec![r.page_section(p, route)]
            });
        });
        for shelf in self.shown_from_front_matter() {
            let indexes: Vec<usize> = (0..shelf.len()).collect();
            self.each(&indexes, |r, _, &i| {
                let site = Route::on_shelf(shelf, i);
                let title = shelf.doc(i).heading();
                r.document(&site.0, Some(site.clone()), title, |r, route| {
                    vec![r.kind_section(shelf, i, route)]
                });
            });
        }
        self.document(
            &Route::bibliography().0,
            Some(Route::bibliography()),
            self.s("nav_sources"),
            |r, route| vec![r.sources_section(route)],
        );
        self.whole_toolkit_document();
    }

    /// Renders one document for each paper.
    ///
    /// Its sections are rendered once: a document's route for A4 and for Letter
    /// differ only in the paper's folder, so links in the sections (relative,
    /// by depth) are the same for both.
    fn document(
        &mut self,
        doc: &str,
        site: Option<Route>,
        titel: String,
        sections: impl FnOnce(&Self, &Route) -> Vec<Section>,
    ) {
        let sections = sections(self, &Route::print(Paper::A4, doc));
        let html: Vec<String> = sections
            .iter()
            .filter_map(|s| self.section_html(s))
            .collect();
        for paper in Paper::ALL {
            let body = Body::Sections(&html);
            self.document_page(paper, doc, site.as_ref(), &titel, &[], body);
        }
    }

    /// The whole toolkit in one document per paper, with a cover and contents.
    /// Its sections are made and rendered on all cores.
    fn whole_toolkit_document(&mut self) {
        let route = Route::print(Paper::A4, TOOLKIT_DOC);
        if self.stopped() {
            return;
        }
        let sections = self.whole_toolkit(&route);
        let inhoud = self.contents(&sections);
        let rendered: Vec<(String, Result<String, Problem>)> = sections
            .par_iter()
            .filter(|_| !self.stopped())
            .map(|s| (self.chapter_of(s).0, self.fork().render_section(s)))
            .collect();
        let mut html = Vec::with_capacity(rendered.len());
        for (chapter, r) in rendered {
            match r {
                Ok(h) => html.push((chapter, h)),
                Err(p) => self.problems.push(p),
            }
        }
        let chapters = chapters::group(html);
        let titel = self.valid.toolkit.site.titel.clone();
        for paper in Paper::ALL {
            self.document_page(
                paper,
                TOOLKIT_DOC,
                Some(&Route::home()),
                &titel,
                &inhoud,
                Body::Chapters(&chapters),
            );
        }
    }

    /// One document page: the print page frame around rendered sections.
    fn document_page(
        &mut self,
        paper: Paper,
        doc: &str,
        site: Option<&Route>,
        titel: &str,
        inhoud: &[Chapter],
        body: Body,
    ) {
        let (secties, hoofdstukken) = match body {
            Body::Sections(s) => (s, &[][..]),
            Body::Chapters(c) => (&[][..], c),
        };
        let view = DocView {
            titel,
            omslag: doc == TOOLKIT_DOC,
            inhoud,
            secties,
            hoofdstukken,
        };
        self.print_page(
            &Route::print(paper, doc),
            paper,
            doc,
            "print/document.html",
            titel.to_string(),
            "document",
            Vec::new(),
            site,
            |ctx| {
                ctx.insert("doc", &view);
            },
        );
    }

    /// A section's HTML, or `None` with the problem recorded.
    fn section_html(&mut self, section: &Section) -> Option<String> {
        self.render_section(section)
            .map_err(|p| self.problems.push(p))
            .ok()
    }

    /// A section rendered with the theme's `print/section.html`, which gets the
    /// section as `sec`, nothing that depends on paper.
    fn render_section(&self, section: &Section) -> Result<String, Problem> {
        const TEMPLATE: &str = "print/section.html";
        super::super::Counters::count(&self.counters.templates);
        let mut ctx = tera::Context::new();
        ctx.insert("sec", section);
        if let Some(t) = self.theme.context_strings() {
            ctx.insert("t", t);
        }
        self.theme
            .tera
            .render(TEMPLATE, &ctx)
            .map_err(|e| template_problem(&self.theme.files, &e))
    }

    fn model_section(&self, route: &Route) -> Section {
        let t = &self.valid.toolkit;
        let v = self.views(route);
        Section::Model {
            id: "model".into(),
            model: model_view(&v),
            diagram: diagram::model_diagram(&v, diagram::Variant::Wide, None),
            elementen: t.elements().iter().map(|e| v.element(e)).collect(),
            inhoud: self.markdown(&t.model.file, &t.model.body, route),
            bronnen: v.sources(&t.model.meta.bronnen),
        }
    }

    fn element_section(&self, e: &Doc<Element>, route: &Route) -> Section {
        let v = self.views(route);
        Section::Element {
            id: format!("element-{}", e.meta.code.to_lowercase()),
            element: v.element(e),
            inhoud: self.markdown(&e.file, &e.body, route),
            bronnen: v.sources(&e.meta.bronnen),
        }
    }

    fn prompt_section(&self, p: &Doc<Prompt>, route: &Route) -> Section {
        let v = self.views(route);
        Section::Gesprek {
            id: format!("gesprek-{}", p.slug),
            gesprek: v.prompt(p),
            inhoud: self.markdown(&p.file, &p.body, route),
            bronnen: v.sources(&p.meta.bronnen),
        }
    }

    fn checklist_section(&self, c: &Doc<Checklist>, route: &Route) -> Section {
        let v = self.views(route);
        Section::Checklist {
            id: format!("checklist-{}", c.slug),
            checklist: v.checklist(c),
            inhoud: self.markdown(&c.file, &c.body, route),
            bronnen: v.sources(&c.meta.bronnen),
        }
    }

    fn all_checklists(&self, route: &Route) -> Vec<Section> {
        let t = &self.valid.toolkit;
        t.checklists()
            .iter()
            .map(|c| self.checklist_section(c, route))
            .collect()
    }

    fn page_section(&self, p: &Doc<Page>, route: &Route) -> Section {
        let v = self.views(route);
        Section::Pagina {
            id: format!("pagina-{}", p.slug),
            titel: p.meta.titel.clone(),
            beschrijving: p.meta.beschrijving.clone(),
            inhoud: self.markdown(&p.file, &p.body, route),
            bronnen: v.sources(p.meta.bronnen.as_slice()),
        }
    }

    /// The shelves of kinds shown from their front matter (those without a
    /// view of their own), which the print documents treat alike.
    fn shown_from_front_matter(&self) -> Vec<&'a dyn AnyShelf> {
        let t = &self.valid.toolkit;
        t.docs
            .iter()
            .filter(|s| !s.is_empty() && !has_print_section(*s))
            .collect()
    }

    /// The `i`th document of `shelf` as a section, from its front matter.
    fn kind_section(&self, shelf: &dyn AnyShelf, i: usize, route: &Route) -> Section {
        let v = self.views(route);
        let (info, d) = (shelf.info(), shelf.doc(i));
        let chapter = info.list.as_ref().map_or(info.folder, |l| l.label);
        Section::Document {
            id: format!("{}-{}", info.page, shelf.slug(i)),
            map: info.folder.to_string(),
            hoofdstuk: self.s(chapter),
            titel: d.heading(),
            beschrijving: d.description().map(str::to_string),
            velden: d.meta_value(),
            elementen: v.element_links(d.elements()),
            inhoud: self.markdown(d.file(), d.body(), route),
            bronnen: v.sources(d.sources()),
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

    /// The toolkit in reading order: model, elements, prompts, checklists, the
    /// kinds shown from their front matter, free pages, sources.
    fn whole_toolkit(&self, route: &Route) -> Vec<Section> {
        let t = &self.valid.toolkit;
        let mut out = vec![self.model_section(route)];
        out.par_extend(
            t.elements()
                .par_iter()
                .map(|e| self.element_section(e, route)),
        );
        out.par_extend(
            t.prompts()
                .par_iter()
                .map(|p| self.prompt_section(p, route)),
        );
        out.par_extend(
            t.checklists()
                .par_iter()
                .map(|c| self.checklist_section(c, route)),
        );
        for shelf in self.shown_from_front_matter() {
            out.extend((0..shelf.len()).map(|i| self.kind_section(shelf, i, route)));
        }
        out.par_extend(
            t.pages()
                .par_iter()
                .filter(|_| !self.stopped())
                .map(|p| self.page_section(p, route)),
        );
        out.push(self.sources_section(route));
        out
    }

    /// The contents of the whole toolkit: one chapter per kind of section.
    fn contents(&self, sections: &[Section]) -> Vec<Chapter> {
        let mut chapters: Vec<Chapter> = Vec::new();
        for s in sections {
            let (chapter, title) = self.chapter_of(s);
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

    /// The chapter a section stands under, and its title in the contents.
    fn chapter_of(&self, s: &Section) -> (String, String) {
        match s {
            Section::Model { model, .. } => (self.s("nav_model"), model.titel.clone()),
            Section::Element { element, .. } => (
                self.s("nav_elements"),
                format!("{} – {}", element.code, element.naam),
            ),
            Section::Gesprek { gesprek, .. } => (self.s("nav_prompts"), gesprek.titel.clone()),
            Section::Checklist { checklist, .. } => {
                (self.s("nav_checklists"), checklist.titel.clone())
            }
            Section::Pagina { titel, .. } => (self.s("print_achtergrond"), titel.clone()),
            Section::Bronnen { titel, .. } => (self.s("nav_sources"), titel.clone()),
            Section::Document {
                hoofdstuk, titel, ..
            } => (hoofdstuk.clone(), titel.clone()),
        }
    }
}
