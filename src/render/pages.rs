//! The site's pages, one kind of content after another.
//!
//! Every kind gets the same pages from its description: an overview when it
//! has one, and a page per document with its title, body, sources, the
//! elements it is about and the documents it names. What a kind shows beyond
//! that is its view (`kind_views`); a kind without one is shown from its front
//! matter, under the names editors write.

use super::Renderer;
use super::page_kind::PageKind;
use super::views::{LinkView, Views};
use crate::content::kind::{AnyDoc, AnyShelf};
use crate::routes::Route;
use serde::Serialize;

/// One document on a kind's overview page, for kinds without a view of their own.
#[derive(Serialize)]
struct Listed {
    titel: String,
    beschrijving: Option<String>,
    href: String,
    elementen: Vec<super::views::ElementLink>,
    /// The front matter, under the names editors write.
    velden: serde_json::Value,
}

impl<'a> Renderer<'a> {
    /// Every kind's overview and document pages, in registry order.
    pub(super) fn kind_pages(&mut self) {
        let t = &self.valid.toolkit;
        for (k, shelf) in t.docs.iter().enumerate() {
            if !self.has_templates(shelf) {
                continue;
            }
            if t.shows_overview(shelf) {
                self.list_page(shelf);
            }
            let indexes: Vec<usize> = (0..shelf.len()).collect();
            self.each(&indexes, |r, _, &i| r.doc_page(k, i));
        }
    }

    /// Whether the theme has the templates `shelf`'s kind needs; when it
    /// lacks one the kind's pages are left out with a problem that says how
    /// to get it (a theme copied before the kind existed lacks it).
    fn has_templates(&mut self, shelf: &dyn AnyShelf) -> bool {
        let t = &self.valid.toolkit;
        let info = shelf.info();
        let list = info.list.as_ref().filter(|_| t.shows_overview(shelf));
        let needed = (!shelf.is_empty()).then_some(info.template);
        let names: Vec<&str> = self.theme.tera.get_template_names().collect();
        let missing: Vec<&str> = needed
            .into_iter()
            .chain(list.map(|l| l.template))
            .filter(|name| !names.contains(name))
            .collect();
        for name in &missing {
            self.problems.push(
                crate::diagnostics::Problem::error(
                    self.theme.files.file(name),
                    0,
                    format!(
                        "het thema heeft geen template {name} voor de bestanden in content/{}/",
                        info.folder
                    ),
                )
                .hint(format!(
                    "maak templates/{name} in het thema van de toolkit; begin met een kopie van een template dat erop lijkt (`werkplaats theme eject templates/page.html`)"
                )),
            );
        }
        missing.is_empty()
    }

    /// A kind's overview page.
    fn list_page(&mut self, shelf: &'a dyn AnyShelf) {
        let Some(list) = &shelf.info().list else {
            return;
        };
        let route = Route::list(shelf.info());
        let intro = self.valid.toolkit.intros.get(shelf.info().folder);
        let title = match intro {
            Some(intro) => intro.meta.titel.clone(),
            None => self.theme.strings.label(list.label),
        };
        let description = intro.and_then(|i| i.meta.beschrijving.clone());
        let body = intro.map(|i| self.markdown(&i.file, &i.body, &route));
        self.page(
            &route,
            list.template,
            title,
            description,
            PageKind::List(shelf.info()),
            |v, ctx| {
                if let Some(body) = &body {
                    ctx.insert("inleiding", body);
                }
                let docs: Vec<&dyn AnyDoc> = (0..shelf.len()).map(|i| shelf.doc(i)).collect();
                ctx.insert(
                    "filter_elementen",
                    &super::kind_views::used_elements(v, shelf),
                );
                if !super::kind_views::fill_list(v, shelf, ctx) {
                    let listed: Vec<Listed> =
                        (0..shelf.len()).map(|i| listed(v, shelf, i)).collect();
                    ctx.insert("documenten", &listed);
                }
                let cited: Vec<&[String]> = docs.iter().map(|d| d.sources()).collect();
                match intro.filter(|i| !i.meta.bronnen.is_empty()) {
                    Some(intro) => ctx.insert("bronnen", &v.sources(&intro.meta.bronnen)),
                    None => ctx.insert("bronnen", &v.shared_sources(&cited)),
                }
            },
        );
    }

    /// The page of the `i`th document of the `k`th shelf.
    pub(super) fn doc_page(&mut self, k: usize, i: usize) {
        let t = &self.valid.toolkit;
        let Some(shelf) = t.docs.iter().nth(k) else {
            return;
        };
        let (info, d) = (shelf.info(), shelf.doc(i));
        let route = Route::on_shelf(shelf, i);
        let body = self.markdown(d.file(), d.body(), &route);
        let crumbs = info
            .list
            .as_ref()
            .map(|list| (self.theme.strings.label(list.label), Route::list(info)));
        self.page(
            &route,
            info.template,
            d.heading(),
            d.description().map(str::to_string),
            PageKind::Doc(info),
            |v, ctx| {
                ctx.insert("op_deze_pagina", &on_page_contents(&body));
                ctx.insert("inhoud", &body);
                // The base template's draft banner (serve, build --drafts).
                ctx.insert("concept", &d.concept());
                ctx.insert("bronnen", &v.sources(d.sources()));
                if let Some((label, list)) = &crumbs {
                    ctx.insert("kruimels", &[v.link(label, list)]);
                }
                if !super::kind_views::fill_page(v, shelf, i, ctx) {
                    ctx.insert("velden", &d.meta_value());
                    ctx.insert("elementen", &v.element_links(d.elements()));
                    for r in d.refs() {
                        ctx.insert(r.field, &refs(v, r.folder, r.slugs));
                    }
                }
            },
        );
    }

    /// The page of the document read from `file` (relative to the toolkit
    /// root); false when no document of any kind is.
    pub(super) fn page_of(&mut self, file: &std::path::Path) -> bool {
        let t = &self.valid.toolkit;
        let found = t.docs.iter().enumerate().find_map(|(k, shelf)| {
            let i = shelf.position(file)?;
            Some((k, i))
        });
        match found {
            Some((k, i)) => {
                self.doc_page(k, i);
                true
            }
            None => false,
        }
    }
}

/// How many sections a body needs before its page gets its own contents
/// ("Op deze pagina"): with one or two, the page's headings are in view
/// together and a contents would only repeat them.
pub(super) const MIN_SECTIONS: usize = 3;

/// The on-page contents of a page with `body` (rendered HTML): its `<h2>`
/// sections, or none when it has fewer than [`MIN_SECTIONS`].
pub(super) fn on_page_contents(body: &str) -> Vec<crate::markdown::Section> {
    let sections = crate::markdown::sections(body);
    if sections.len() < MIN_SECTIONS {
        return Vec::new();
    }
    sections
}

/// The `i`th document of `shelf` as an overview lists it.
fn listed(v: &Views, shelf: &dyn AnyShelf, i: usize) -> Listed {
    let d = shelf.doc(i);
    Listed {
        titel: d.heading(),
        beschrijving: d.description().map(str::to_string),
        href: v.from.link_to(&Route::on_shelf(shelf, i)),
        elementen: v.element_links(d.elements()),
        velden: d.meta_value(),
    }
}

/// Links to the documents `slugs` of the kind in `folder` (validate checked
/// that each exists).
fn refs(v: &Views, folder: &str, slugs: &[String]) -> Vec<LinkView> {
    let Some(shelf) = v.toolkit.docs.iter().find(|s| s.info().folder == folder) else {
        return Vec::new();
    };
    slugs
        .iter()
        .filter_map(|slug| {
            let i = (0..shelf.len()).find(|&i| shelf.slug(i) == *slug)?;
            Some(v.link(shelf.doc(i).title(), &Route::on_shelf(shelf, i)))
        })
        .collect()
}
