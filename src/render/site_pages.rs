//! The site's own pages, beside the kinds' pages: home, model, bibliography,
//! the print hub, 404, the search page and index, and the web app manifest.

use super::context::{nav, nav_groups};
use super::page_kind::PageKind;
use super::views::{LinkView, Views};
use super::{OutputFile, Renderer, Strings, diagram, not_found, search, share, sitemap, tools};
use crate::routes::Route;
use serde::Serialize;

impl<'a> Renderer<'a> {
    /// Every page of the site, with the search page, the manifest and the
    /// sitemap of them all.
    pub(super) fn site_pages(&mut self) {
        self.all_pages();
        self.browse_files();
        let routes: Vec<String> = self
            .files
            .iter()
            .filter_map(|f| f.path.strip_suffix("index.html").map(str::to_string))
            .collect();
        let base_url = self.base_url.as_deref();
        self.files.push(OutputFile {
            path: "sitemap.xml".into(),
            bytes: sitemap::sitemap(&routes, base_url).into_bytes(),
        });
    }

    /// What no page shows: the search index, built on one core while the
    /// print pages (not in the sitemap) take the others.
    pub(super) fn rest(&mut self) {
        let base_url = self.base_url.clone();
        let mut search = self.fork();
        let start = self.files.len();
        let index = !self.problems_only;
        rayon::join(
            || {
                if index {
                    search.search_index()
                }
            },
            || self.print_pages(base_url.as_deref()),
        );
        self.files.splice(start..start, search.files);
    }

    /// The files that serve browsing rather than one page: the search page and
    /// the web app manifest (the search index is `search_index`).
    pub(super) fn browse_files(&mut self) {
        let t = &self.valid.toolkit;
        let s = &self.theme.strings;
        // A theme made before search existed still builds, without the page.
        let has_search = self
            .theme
            .tera
            .get_template_names()
            .any(|n| n == "search.html");
        if has_search {
            self.page(
                &search::route(),
                "search.html",
                s.label("zoeken"),
                None,
                PageKind::Search,
                |_, _| {},
            );
        }
        self.files.push(OutputFile {
            path: share::MANIFEST_FILE.into(),
            bytes: share::manifest(&t.site).into_bytes(),
        });
    }

    /// The search page's index of every page.
    pub(super) fn search_index(&mut self) {
        let t = &self.valid.toolkit;
        if self.stopped() {
            return;
        }
        let docs = search::documents(t, &self.theme.strings);
        if let Some(js) = search::index_script(&docs, &t.site.taal, &|| self.stopped()) {
            self.files.push(OutputFile {
                path: search::INDEX_FILE.into(),
                bytes: js.into_bytes(),
            });
        }
    }

    /// The home page, with the model diagram and the sections.
    fn home_page(&mut self) {
        let t = &self.valid.toolkit;
        let s = &self.theme.strings;
        let home = Route::home();
        self.page(
            &home,
            "home.html",
            s.label("nav_home"),
            t.site.beschrijving.clone(),
            PageKind::Home,
            |v, ctx| {
                insert_model(v, ctx);
                ctx.insert("secties", &sections(v, s));
                ctx.insert("instrumenten", &tools::home_links(v));
                // The diagram, aanleiding and opbrengsten are the model's.
                ctx.insert("bronnen", &v.sources(&t.model.meta.bronnen));
            },
        );
    }

    /// The model's page: its diagram, definition, characteristics and body.
    fn model_page(&mut self) {
        let t = &self.valid.toolkit;
        let m = &t.model;
        let route = Route::model();
        let body = self.markdown(&m.file, &m.body, &route);
        self.page(
            &route,
            "model.html",
            m.meta.titel.clone(),
            None,
            PageKind::Model,
            |v, ctx| {
                insert_model(v, ctx);
                ctx.insert("op_deze_pagina", &super::pages::on_page_contents(&body));
                ctx.insert("inhoud", &body);
                ctx.insert("bronnen", &v.sources(&m.meta.bronnen));
            },
        );
    }

    pub(super) fn all_pages(&mut self) {
        let (valid, theme) = (self.valid, self.theme);
        let t = &valid.toolkit;
        let s = &theme.strings;
        let home = Route::home();
        self.home_page();
        self.model_page();

        // Every kind's overview and pages.
        self.kind_pages();

        // Bibliography.
        let route = Route::bibliography();
        self.page(
            &route,
            "bibliography.html",
            s.label("nav_sources"),
            None,
            PageKind::Bibliography,
            |v, ctx| {
                ctx.insert(
                    "bronnen",
                    &v.sources(&reference_list_order(&t.bibliography)),
                );
            },
        );

        // What can be printed, for each paper.
        let route = Route::print_hub();
        let hub = self.hub_view(&route);
        self.page(
            &route,
            "print/hub.html",
            s.label("nav_print"),
            None,
            PageKind::PrintHub,
            |_, ctx| ctx.insert("afdrukken", &hub),
        );
        // The reflection scan and the session planner.
        self.tool_pages();

        // 404: served for any path. With a base URL its links are absolute;
        // without, a script moves its root-relative links to the root.
        let (base, script) = (self.base_url.clone(), not_found::script(self.theme));
        self.page(
            &home,
            "404.html",
            s.label("niet_gevonden"),
            None,
            PageKind::NotFound,
            |v, ctx| match (base, script) {
                (Some(base), _) => {
                    let mut menu = nav(v, PageKind::NotFound);
                    for item in &mut menu {
                        item.href = not_found::absolute(&base, &item.href);
                    }
                    ctx.insert("nav_groepen", &nav_groups(v, menu.clone()));
                    ctx.insert("nav", &menu);
                    ctx.insert("root", &base);
                }
                (None, Some((code, hash))) => {
                    ctx.insert("niet_gevonden_script", &code);
                    ctx.insert("csp_script", &hash);
                }
                (None, None) => {}
            },
        );
        if let Some(last) = self.files.last_mut() {
            last.path = "404.html".into();
        }
    }
}

/// What the home and model pages both show: the diagram, the model and its
/// elements.
fn insert_model(v: &Views, ctx: &mut tera::Context) {
    ctx.insert("diagram", &diagrams(v));
    ctx.insert("model", &model_view(v));
    let elements: Vec<_> = v.toolkit.elements().iter().map(|e| v.element(e)).collect();
    ctx.insert("elementen", &elements);
}

/// The sections listed on the home page with a count.
pub(super) fn sections(v: &Views, s: &Strings) -> Vec<LinkView> {
    let t = v.toolkit;
    let label = |k: &str| s.label(k);
    let mut out = vec![v.link(&label("nav_model"), &Route::model())];
    let shown = t.docs.iter().filter(|s| t.shows_overview(*s));
    out.extend(shown.filter_map(|shelf| {
        let list = shelf.info().list.as_ref()?;
        let title = format!("{} ({})", label(list.label), shelf.len());
        Some(v.link(&title, &Route::list(shelf.info())))
    }));
    out.extend(
        t.pages()
            .iter()
            .filter(|p| p.meta.volgorde.is_some())
            .map(|p| v.link(&p.meta.titel, &Route::page(p))),
    );
    out
}

/// The model diagram in its wide and tall drawings; CSS shows one of them.
#[derive(Serialize)]
pub(super) struct Diagrams {
    breed: String,
    smal: String,
}

pub(super) fn diagrams(v: &Views) -> Diagrams {
    Diagrams {
        breed: diagram::model_diagram(v, diagram::Variant::Wide, None),
        smal: diagram::model_diagram(v, diagram::Variant::Tall, None),
    }
}

#[derive(Serialize)]
pub(super) struct ModelView {
    pub(super) titel: String,
    pub(super) naam: String,
    pub(super) href: String,
    pub(super) definitie: String,
    pub(super) kenmerken: Vec<Characteristic>,
    pub(super) aanleiding: Vec<String>,
    pub(super) opbrengsten: Vec<String>,
}

#[derive(Serialize)]
pub(super) struct Characteristic {
    pub(super) kort: String,
    pub(super) tekst: String,
}

pub(super) fn model_view(v: &Views) -> ModelView {
    let m = &v.toolkit.model.meta;
    ModelView {
        titel: m.titel.clone(),
        naam: m.naam.clone(),
        href: v.from.link_to(&Route::model()),
        definitie: m.definitie.clone(),
        kenmerken: m
            .kenmerken
            .iter()
            .map(|c| Characteristic {
                kort: c.kort.clone(),
                tekst: c.tekst.clone(),
            })
            .collect(),
        aanleiding: m.aanleiding.clone(),
        opbrengsten: m.opbrengsten.clone(),
    }
}

/// The bibliography's keys as a reference list orders them: by the full
/// reference, which starts with the first author and the year, not by key.
pub(super) fn reference_list_order(bibliography: &crate::content::Bibliography) -> Vec<String> {
    let mut keys: Vec<(String, &String)> = bibliography
        .iter()
        .map(|(key, r)| (r.tekst.to_lowercase(), key))
        .collect();
    keys.sort();
    keys.into_iter().map(|(_, key)| key.clone()).collect()
}
