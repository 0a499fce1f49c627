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
    /// The same entries in the menu's groups, for a menu that fits a phone.
    pub(super) nav_groepen: Vec<NavGroup>,
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

#[derive(Serialize, Clone)]
pub(super) struct NavItem {
    pub(super) titel: String,
    pub(super) href: String,
    pub(super) actief: bool,
    /// The string key of the menu group the entry belongs to.
    #[serde(skip)]
    groep: &'static str,
}

/// One group of the menu: its label and entries, open when it holds the
/// current page.
#[derive(Serialize)]
pub(super) struct NavGroup {
    pub(super) titel: String,
    pub(super) actief: bool,
    pub(super) items: Vec<NavItem>,
}

/// The menu's groups in order: the model, working with it, the tools, and
/// the pages about the toolkit.
const GROUPS: [&str; 4] = [
    "nav_groep_model",
    "nav_groep_werken",
    "nav_groep_instrumenten",
    "nav_groep_over",
];

/// The group of a menu entry, from the entry's string key.
fn group_of(key: &str) -> &'static str {
    match key {
        "nav_model" | "nav_elements" => GROUPS[0],
        "nav_scan" | "nav_planner" | "nav_print" => GROUPS[2],
        "nav_sources" => GROUPS[3],
        _ => GROUPS[1],
    }
}

/// The menu entries sorted into their groups; empty groups left out.
pub(super) fn nav_groups(v: &Views, items: Vec<NavItem>) -> Vec<NavGroup> {
    let mut groups: Vec<NavGroup> = GROUPS
        .iter()
        .map(|key| NavGroup {
            titel: v.strings.label(key),
            actief: false,
            items: Vec::new(),
        })
        .collect();
    for item in items {
        let at = GROUPS.iter().position(|g| *g == item.groep).unwrap_or(1);
        groups[at].actief |= item.actief;
        groups[at].items.push(item);
    }
    groups.retain(|g| !g.items.is_empty());
    groups
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
        groep: group_of(key),
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
            groep: GROUPS[3],
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
