//! Renders the print pages (card decks, worksheets, the whole toolkit) for every
//! paper size, and the page that lists them.
//!
//! What is specific to paper lives in `crate::print`; this file only gathers the
//! views and hands them to the theme's `print/` templates, as `mod.rs` does for
//! the site's pages.

use super::views::{ChecklistView, ElementView, LinkView, PromptView, SourceView, Views};
use super::{ModelView, OutputFile, Renderer, model_view, theme};
use crate::content::{Doc, Element, Paper, Prompt};
use crate::diagnostics::Problem;
use crate::print::cards::{CardMaker, CardView, check_fit};
use crate::print::sheet::{self, Face, Layout, SheetPage};
use crate::print::{Deck, TOOLKIT_DOC};
use crate::routes::Route;
use serde::Serialize;

/// What every print page's template receives.
#[derive(Serialize)]
struct PrintCommon<'a> {
    site: super::SiteView<'a>,
    t: &'a std::collections::BTreeMap<String, String>,
    root: String,
    pagina: PrintMeta,
    papier: PaperView,
    balk: Toolbar,
}

#[derive(Serialize)]
struct PrintMeta {
    titel: String,
    pad: String,
    /// `kaarten` or `document`.
    soort: &'static str,
}

#[derive(Serialize)]
struct PaperView {
    key: &'static str,
    label: &'static str,
    /// The CSS `@page` size keyword.
    css: &'static str,
    breedte: f64,
    hoogte: f64,
}

/// The screen-only bar above a print page: back to the site, paper and layout
/// switches. It is not printed.
#[derive(Serialize)]
struct Toolbar {
    terug: Option<LinkView>,
    overzicht: String,
    papieren: Vec<Choice>,
    vormen: Vec<Choice>,
}

#[derive(Serialize)]
struct Choice {
    label: String,
    href: String,
    actief: bool,
}

/// A deck page.
#[derive(Serialize)]
struct DeckView<'a> {
    titel: String,
    vouwen: bool,
    stijl: String,
    paginas: Vec<PageView<'a>>,
}

#[derive(Serialize)]
struct PageView<'a> {
    #[serde(flatten)]
    page: &'a SheetPage,
    kaarten: Vec<Placed<'a>>,
    label_tekst: String,
}

#[derive(Serialize)]
struct Placed<'a> {
    kaart: &'a CardView,
    kant: Face,
    x: f64,
    y: f64,
}

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

/// The hub page's view: every printable document, for each paper.
#[derive(Serialize)]
pub(super) struct HubView {
    groepen: Vec<HubGroup>,
}

#[derive(Serialize)]
struct HubGroup {
    titel: String,
    items: Vec<HubItem>,
}

#[derive(Serialize)]
struct HubItem {
    titel: String,
    links: Vec<Choice>,
}

impl Renderer<'_> {
    /// Every print page, for both paper sizes.
    pub(super) fn print_pages(&mut self, base_url: Option<&str>) {
        self.check_offset();
        let cards = self.decks(base_url);
        for paper in Paper::ALL {
            for (deck, cards) in &cards {
                for layout in [Layout::Duplex, Layout::Fold] {
                    self.deck_page(paper, *deck, layout, cards);
                }
            }
            self.documents(paper);
        }
    }

    fn s(&self, key: &str) -> String {
        self.theme
            .strings
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    fn check_offset(&mut self) {
        let o = self.valid.toolkit.site.duplex_offset;
        if o.x_mm.abs() > sheet::MAX_OFFSET || o.y_mm.abs() > sheet::MAX_OFFSET {
            self.problems.push(
                Problem::error(
                    "site.yaml",
                    0,
                    format!(
                        "duplex_verschuiving ({} mm, {} mm) is groter dan {} mm",
                        o.x_mm,
                        o.y_mm,
                        sheet::MAX_OFFSET
                    ),
                )
                .hint("meet hoeveel de achterkant verschoven is (meestal 2–4 mm) en vul dat in"),
            );
        }
    }

    /// Both decks' cards, checked for fit (a card that does not fit is an error).
    fn decks(&mut self, base_url: Option<&str>) -> Vec<(Deck, Vec<CardView>)> {
        let valid = self.valid;
        let t = &valid.toolkit;
        let maker = CardMaker {
            toolkit: t,
            strings: &self.theme.strings,
            base_url,
        };
        let n = t.elements.len();
        let elements: Vec<CardView> = t
            .elements
            .iter()
            .enumerate()
            .map(|(i, e)| maker.element(e, i + 1, n))
            .collect();
        let n = t.prompts.len();
        let prompts: Vec<CardView> = t
            .prompts
            .iter()
            .enumerate()
            .map(|(i, p)| maker.prompt(p, i + 1, n))
            .collect();
        for (card, e) in elements.iter().zip(&t.elements) {
            let back = element_back_fields(e);
            let ty = Deck::Elements.card_type();
            self.problems
                .extend(check_fit(&ty, card, e, &["kern", "naam"], &back));
        }
        for (card, p) in prompts.iter().zip(&t.prompts) {
            self.problems.extend(check_fit(
                &Deck::Prompts.card_type(),
                card,
                p,
                &["doel", "titel"],
                &["vragen", "werkvorm"],
            ));
        }
        vec![(Deck::Elements, elements), (Deck::Prompts, prompts)]
    }

    fn deck_page(&mut self, paper: Paper, deck: Deck, layout: Layout, cards: &[CardView]) {
        let doc = deck.doc(layout);
        let route = Route::print(paper, &doc);
        let offset = self.valid.toolkit.site.duplex_offset;
        let pages = sheet::lay_out(cards.len(), paper, layout, offset);
        let sheets = pages.iter().map(|p| p.vel).max().unwrap_or(0);
        let pages: Vec<PageView> = pages
            .iter()
            .map(|page| PageView {
                page,
                kaarten: page
                    .plaatsen
                    .iter()
                    .filter_map(|p| {
                        Some(Placed {
                            kaart: cards.get(p.kaart)?,
                            kant: p.kant,
                            x: p.x,
                            y: p.y,
                        })
                    })
                    .collect(),
                label_tekst: self.page_label(page, sheets),
            })
            .collect();
        let (title_key, site_route) = match deck {
            Deck::Elements => ("print_elementkaarten", Route::elements()),
            Deck::Prompts => ("print_gesprekskaarten", Route::prompts()),
        };
        let view = DeckView {
            titel: self.s(title_key),
            vouwen: layout == Layout::Fold,
            stijl: deck.card_type().css_vars(),
            paginas: pages,
        };
        let vormen = [
            (Layout::Duplex, "print_dubbelzijdig"),
            (Layout::Fold, "print_vouwen"),
        ]
        .into_iter()
        .map(|(l, key)| Choice {
            label: self.s(key),
            href: route.link_to(&Route::print(paper, &deck.doc(l))),
            actief: l == layout,
        })
        .collect();
        let titel = view.titel.clone();
        self.print_page(
            &route,
            paper,
            &doc,
            "print/deck.html",
            titel,
            "kaarten",
            vormen,
            Some(&site_route),
            |ctx| {
                ctx.insert("deck", &view);
            },
        );
    }

    fn page_label(&self, page: &SheetPage, sheets: usize) -> String {
        let key = match page.soort {
            sheet::PageKind::Voorkant => "print_vel_voorkant",
            sheet::PageKind::Achterkant => "print_vel_achterkant",
            sheet::PageKind::Vouwvel => "print_vel_vouwen",
        };
        self.s(key)
            .replace("{vel}", &page.vel.to_string())
            .replace("{vellen}", &sheets.to_string())
    }

    /// Every document for `paper`: one per site page that has a print version,
    /// and the whole toolkit.
    fn documents(&mut self, paper: Paper) {
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
        for e in &t.elements {
            let site = Route::element(e);
            let title = format!("{} – {}", e.meta.code, e.meta.name);
            self.document(paper, &site.0, Some(site.clone()), title, |r, route| {
                vec![r.element_section(e, route)]
            });
        }
        for p in &t.prompts {
            let site = Route::prompt(p);
            self.document(
                paper,
                &site.0,
                Some(site.clone()),
                p.meta.title.clone(),
                |r, route| vec![r.prompt_section(p, route)],
            );
        }
        for c in &t.checklists {
            let site = Route::checklist(c);
            self.document(
                paper,
                &site.0,
                Some(site.clone()),
                c.meta.title.clone(),
                |r, route| vec![r.checklist_section(c, route)],
            );
        }
        self.document(
            paper,
            &Route::checklists().0,
            Some(Route::checklists()),
            self.s("nav_checklists"),
            |r, route| r.all_checklists(route),
        );
        for p in &t.pages {
            let site = Route::page(p);
            let doc = format!("paginas/{}", site.0);
            self.document(paper, &doc, Some(site), p.meta.title.clone(), |r, route| {
                vec![r.page_section(p, route)]
            });
        }
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

    fn views<'v>(&'v self, route: &'v Route) -> Views<'v> {
        Views {
            toolkit: &self.valid.toolkit,
            strings: &self.theme.strings,
            from: route,
        }
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

    fn checklist_section(&self, c: &Doc<crate::content::Checklist>, route: &Route) -> Section {
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

    fn page_section(&self, p: &Doc<crate::content::Page>, route: &Route) -> Section {
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

    /// Renders a print page with the shared print context plus what `fill` adds.
    #[allow(clippy::too_many_arguments)]
    fn print_page(
        &mut self,
        route: &Route,
        paper: Paper,
        doc: &str,
        template: &str,
        titel: String,
        soort: &'static str,
        vormen: Vec<Choice>,
        site: Option<&Route>,
        fill: impl FnOnce(&mut tera::Context),
    ) {
        let t = &self.valid.toolkit;
        let (breedte, hoogte) = paper.size_mm();
        let common = PrintCommon {
            site: super::SiteView {
                titel: &t.site.title,
                beschrijving: t.site.description.as_deref(),
                taal: &t.site.language,
            },
            t: &self.theme.strings,
            root: route.to_root(),
            pagina: PrintMeta {
                titel,
                pad: route.0.clone(),
                soort,
            },
            papier: PaperView {
                key: paper.key(),
                label: paper.label(),
                css: match paper {
                    Paper::A4 => "A4",
                    Paper::Letter => "letter",
                },
                breedte,
                hoogte,
            },
            balk: Toolbar {
                terug: site.map(|s| LinkView {
                    titel: self.s("print_terug"),
                    href: route.link_to(s),
                }),
                overzicht: route.link_to(&Route::print_hub()),
                papieren: Paper::ALL
                    .iter()
                    .map(|&p| Choice {
                        label: p.label().to_string(),
                        href: route.link_to(&Route::print(p, doc)),
                        actief: p == paper,
                    })
                    .collect(),
                vormen,
            },
        };
        let mut ctx = match tera::Context::from_serialize(&common) {
            Ok(c) => c,
            Err(e) => {
                self.problems.push(Problem::error(
                    self.theme.dir.join("templates").join(template),
                    0,
                    e.to_string(),
                ));
                return;
            }
        };
        fill(&mut ctx);
        match self.theme.tera.render(template, &ctx) {
            Ok(html) => self.files.push(OutputFile {
                path: route.file(),
                bytes: html.into_bytes(),
            }),
            Err(e) => self
                .problems
                .push(theme::template_problem(&self.theme.dir, &e)),
        }
    }

    /// The hub: every printable document with a link per paper.
    pub(super) fn hub_view(&self, from: &Route) -> HubView {
        let t = &self.valid.toolkit;
        let item = |titel: String, doc: &str| HubItem {
            titel,
            links: Paper::ALL
                .iter()
                .map(|&p| Choice {
                    label: p.label().to_string(),
                    href: from.link_to(&Route::print(p, doc)),
                    actief: p == t.site.paper,
                })
                .collect(),
        };
        let mut cards = Vec::new();
        for deck in Deck::ALL {
            let (key, n) = match deck {
                Deck::Elements => ("print_elementkaarten", t.elements.len()),
                Deck::Prompts => ("print_gesprekskaarten", t.prompts.len()),
            };
            let name = format!("{} ({n})", self.s(key));
            cards.push(item(
                format!("{name} – {}", self.s("print_dubbelzijdig")),
                &deck.doc(Layout::Duplex),
            ));
            cards.push(item(
                format!("{name} – {}", self.s("print_vouwen")),
                &deck.doc(Layout::Fold),
            ));
        }
        let whole = vec![item(t.site.title.clone(), TOOLKIT_DOC)];
        let prompts = t
            .prompts
            .iter()
            .map(|p| item(p.meta.title.clone(), &Route::prompt(p).0))
            .collect();
        let checklists = t
            .checklists
            .iter()
            .map(|c| item(c.meta.title.clone(), &Route::checklist(c).0))
            .collect();
        let group = |key: &str, items| HubGroup {
            titel: self.s(key),
            items,
        };
        HubView {
            groepen: vec![
                group("print_kaarten", cards),
                group("print_hele_toolkit", whole),
                group("print_werkbladen_gesprekken", prompts),
                group("print_werkbladen_checklists", checklists),
            ],
        }
    }
}

/// The back's fields of an element card, the longest first (where a problem points).
fn element_back_fields(e: &Doc<Element>) -> Vec<&'static str> {
    let m = &e.meta;
    let len = |v: &[String]| v.iter().map(String::len).sum::<usize>();
    let mut fields = [
        ("benodigdheden", len(&m.benodigdheden)),
        ("wat", len(&m.wat)),
        ("doel", len(&m.doel)),
    ];
    fields.sort_by_key(|f| std::cmp::Reverse(f.1));
    fields.iter().map(|(f, _)| *f).collect()
}
