//! What every page's template context shares: the site, the menu, the
//! page's own facts.

use super::page_kind::PageKind;
use super::views::Views;
use crate::routes::Route;
use serde::Serialize;

/// The parts every page's context shares.
#[derive(Serialize)]
pub(super) struct Common<'a> {
    pub(super) site: SiteView<'a>,
    /// Only for themes whose templates still read the strings as `t.key`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) t: Option<&'a std::collections::BTreeMap<String, String>>,
    pub(super) root: String,
    pub(super) nav: Vec<NavItem>,
    pub(super) pagina: PageMeta,
    /// The base URL with a trailing slash, when known (for absolute URLs).
    pub(super) basis_url: Option<String>,
}

#[derive(Serialize)]
pub(super) struct SiteView<'a> {
    pub(super) titel: &'a str,
    pub(super) beschrijving: Option<&'a str>,
    pub(super) taal: &'a str,
    /// The CSS `@page` size of the site's paper, for pages printed as they
    /// are (the scan's result, the planner's session).
    pub(super) papier: &'static str,
    /// The colophon parts the site gives, for the footer and the cover.
    pub(super) colofon: &'a crate::content::Colophon,
}

impl<'a> SiteView<'a> {
    /// The site settings every page template shows (site pages and print pages).
    pub(super) fn of(site: &'a crate::content::SiteConfig) -> Self {
        SiteView {
            titel: &site.titel,
            beschrijving: site.beschrijving.as_deref(),
            taal: &site.taal,
            papier: site.papier.css(),
            colofon: &site.colofon,
        }
    }
}

#[derive(Serialize)]
pub(super) struct NavItem {
    pub(super) titel: String,
    pub(super) href: String,
    pub(super) actief: bool,
}

#[derive(Serialize)]
pub(super) struct PageMeta {
    pub(super) titel: String,
    pub(super) beschrijving: Option<String>,
    /// Pretty URL path below the site root, e.g. `elementen/los/`.
    pub(super) pad: String,
    pub(super) soort: &'static str,
    /// Relative link to the page's print version, if it has one.
    pub(super) afdrukken: Option<String>,
    /// Absolute URL of the page, only when a base URL is known.
    pub(super) url: Option<String>,
}

/// The header's main sections; the current one marked.
pub(super) fn nav(v: &Views, kind: PageKind) -> Vec<NavItem> {
    let s = v.strings;
    // Each kind with an overview has a menu entry, marked on its pages too.
    let lists = v
        .toolkit
        .docs
        .iter()
        .filter(|s| v.toolkit.shows_overview(*s))
        .filter_map(|shelf| {
            let list = shelf.info().list.as_ref()?;
            Some((
                list.label,
                Route::list(shelf.info()),
                PageKind::List(shelf.info()),
            ))
        });
    let entry = |(key, route, entry): (&str, Route, PageKind)| NavItem {
        titel: s.label(key),
        href: v.from.link_to(&route),
        actief: kind.is_under(entry),
    };
    let mut items: Vec<NavItem> = std::iter::once(("nav_model", Route::model(), PageKind::Model))
        .chain(lists)
        .chain([
            ("nav_scan", Route::scan(), PageKind::Scan),
            ("nav_planner", Route::planner(), PageKind::Planner),
        ])
        .map(entry)
        .collect();
    for p in v
        .toolkit
        .pages()
        .iter()
        .filter(|p| p.meta.volgorde.is_some())
    {
        let r = Route::page(p);
        items.push(NavItem {
            titel: p.meta.titel.clone(),
            href: v.from.link_to(&r),
            actief: v.from == &r,
        });
    }
    items.extend(
        [
            ("nav_sources", Route::bibliography(), PageKind::Bibliography),
            ("nav_print", Route::print_hub(), PageKind::PrintHub),
        ]
        .map(entry),
    );
    items
}
