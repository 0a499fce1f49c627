//! The two working pages: the reflection scan (analysis: where does a workplace
//! stand on each element?) and the session planner (intervention: a session put
//! together from prompts and checklists).
//!
//! Both are static pages with a little local JavaScript: the page itself is
//! rendered here from content (the statements, the worksheets, the element cards),
//! and what the scripts need besides the page (element colours, which prompts
//! work on which element, UI strings) is written next to it as
//! `data.js`, a script that assigns one global. A script file rather than a JSON
//! block in the page: it loads from disk (no fetch), obeys the pages'
//! `script-src 'self'`, and JSON is valid JavaScript, so no escaping is needed.
//! Nothing here decides what a participant sees once the page is open; that is the
//! scripts' part (`themes/default/static/scan*.js`, `planner*.js`).

use super::page_kind::PageKind;
use super::views::{LinkView, Views};
use super::{OutputFile, Renderer};
use crate::aspects::aspect_ids;
use crate::content::{Doc, Element};
use crate::diagnostics::Problem;
use crate::routes::Route;
use serde::Serialize;
use std::collections::BTreeMap;

/// Default minutes of a checklist block; checklists have no duration of their own.
const CHECKLIST_MINUTES: u32 = 30;

/// The free blocks of the planner, with their default minutes.
const FREE_BLOCKS: [(&str, u32); 3] = [("welkom", 10), ("pauze", 15), ("afronding", 15)];

/// A value with the label people see.
#[derive(Serialize)]
struct Choice {
    waarde: String,
    label: String,
}

/// A prompt or checklist that works on an element, for the planner link the scan builds.
#[derive(Serialize)]
struct Activity {
    slug: String,
    titel: String,
    href: String,
    duur: u32,
    /// The shortest the block should be planned (a prompt's `min_duur`).
    #[serde(skip_serializing_if = "Option::is_none")]
    min_duur: Option<u32>,
    /// Element codes as written (empty: the model as a whole).
    elementen: Vec<String>,
    /// The element cards to print with it: its elements, or all for the model as a whole.
    kaarten: Vec<String>,
    /// What to bring, for the agenda.
    materialen: Vec<String>,
}

/// The parts of an element the scripts need.
#[derive(Serialize)]
struct ElementData {
    code: String,
    naam: String,
    kleur: String,
    uitspraken: Vec<String>,
    /// Each aspect's stable id, in the same order: what answers are keyed by in files.
    ids: Vec<String>,
    gesprekken: Vec<String>,
    /// The checklists about the element, for the session the scan proposes.
    checklists: Vec<String>,
}

/// Everything `reflectiescan/data.js` hands the scan script.
#[derive(Serialize)]
struct ScanData<'a> {
    /// localStorage key; one per toolkit, since pages opened from disk share a store.
    sleutel: String,
    /// Where the team view keeps the team; the planner's session pack reads it too.
    team_sleutel: String,
    toolkit: &'a str,
    /// Which set of aspects this is: changes when any aspect id or their order does.
    versie: String,
    elementen: Vec<ElementData>,
    gesprekken: Vec<Activity>,
    /// A checklist's default minutes in the planner.
    checklist_duur: u32,
    rollen: Vec<Choice>,
    t: BTreeMap<&'a str, &'a str>,
}

/// Everything `sessieplanner/data.js` hands the planner script.
#[derive(Serialize)]
struct PlannerData<'a> {
    sleutel: String,
    /// Where the scan's team view keeps the team, which the session pack prints.
    team_sleutel: String,
    gesprekken: Vec<Activity>,
    checklists: Vec<Activity>,
    vrij: Vec<FreeBlock>,
    elementen: Vec<ElementData>,
    t: BTreeMap<&'a str, &'a str>,
}

#[derive(Serialize)]
struct FreeBlock {
    soort: &'static str,
    titel: String,
    duur: u32,
}

/// The scan page's template context.
#[derive(Serialize)]
struct ScanPage {
    elementen: Vec<ScanElement>,
    schaal: Vec<Choice>,
    rollen: Vec<Choice>,
    aantal_uitspraken: usize,
    planner: String,
}

/// An element on the scan page: its view, and where its aspects come from.
#[derive(Serialize)]
struct ScanElement {
    #[serde(flatten)]
    view: super::views::ElementView,
    /// The works the aspects come from (or, the toolkit's own, the points they are derived from).
    aspecten_bronnen: Vec<super::views::SourceView>,
    aspecten_plaats: Option<String>,
    /// Whether the sentence citing them needs a closing full stop (a short form may end in one).
    herkomst_punt: bool,
}

/// A prompt or checklist with its slug, which the planner's script looks it up by.
#[derive(Serialize)]
struct Sheet<T> {
    slug: String,
    /// The works it cites, named on the printed worksheet.
    bronnen: Vec<super::views::SourceView>,
    #[serde(flatten)]
    view: T,
}

/// The planner page's template context.
#[derive(Serialize)]
struct PlannerPage {
    gesprekken: Vec<Sheet<super::views::PromptView>>,
    checklists: Vec<Sheet<super::views::ChecklistView>>,
    vrij: Vec<FreeBlock>,
    elementen: Vec<super::views::ElementView>,
    scan: String,
}

impl Renderer<'_> {
    /// Renders the scan and the planner with their data scripts.
    pub(super) fn tool_pages(&mut self) {
        let t = &self.valid.toolkit;
        let s = &self.theme.strings;

        let route = Route::scan();
        let data = data_script(&route, "WERKPLAATS_SCAN", &self.scan_data(&route));
        self.push_data(data);
        self.page(
            &route,
            "scan.html",
            s.label("nav_scan"),
            Some(s.label("scan_kort")),
            PageKind::Scan,
            |v, ctx| {
                ctx.insert("scan", &scan_page(v));
                // The scan shows the elements' kern texts and aspects.
                let cited: Vec<&[String]> =
                    t.elements().iter().map(|e| &e.meta.bronnen[..]).collect();
                ctx.insert("bronnen", &v.shared_sources(&cited));
            },
        );

        let route = Route::planner();
        let data = data_script(&route, "WERKPLAATS_PLANNER", &self.planner_data(&route));
        self.push_data(data);
        self.page(
            &route,
            "planner.html",
            s.label("nav_planner"),
            Some(s.label("plan_kort")),
            PageKind::Planner,
            |v, ctx| {
                ctx.insert("planner", &planner_page(v));
                let cited: Vec<&[String]> = (t.prompts().iter().map(|p| &p.meta.bronnen[..]))
                    .chain(t.checklists().iter().map(|c| &c.meta.bronnen[..]))
                    .collect();
                ctx.insert("bronnen", &v.shared_sources(&cited));
            },
        );
    }

    /// UI strings whose key starts with `prefix`, for a script.
    fn strings_for(&self, prefix: &str) -> BTreeMap<&str, &str> {
        self.theme
            .strings
            .table()
            .iter()
            .filter(|(k, _)| k.starts_with(prefix) || k.starts_with("rol_"))
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect()
    }

    fn storage_key(&self, tool: &str) -> String {
        format!("werkplaats:{tool}:{}", self.valid.toolkit.site.titel)
    }

    /// The scan's team, one key for both pages (pages opened from disk share a store).
    fn team_key(&self) -> String {
        format!("{}-team", self.storage_key("reflectiescan"))
    }

    fn scan_data(&self, route: &Route) -> ScanData<'_> {
        let t = &self.valid.toolkit;
        let v = self.views(route);
        let elementen: Vec<ElementData> =
            t.elements().iter().map(|e| element_data(&v, e)).collect();
        ScanData {
            sleutel: self.storage_key("reflectiescan"),
            team_sleutel: self.team_key(),
            toolkit: &t.site.titel,
            versie: scan_version(&elementen),
            elementen,
            gesprekken: prompts(&v),
            checklist_duur: CHECKLIST_MINUTES,
            rollen: roles(&v),
            t: self.strings_for("scan_"),
        }
    }

    fn planner_data(&self, route: &Route) -> PlannerData<'_> {
        let t = &self.valid.toolkit;
        let v = self.views(route);
        PlannerData {
            sleutel: self.storage_key("sessieplanner"),
            team_sleutel: self.team_key(),
            gesprekken: prompts(&v),
            checklists: t
                .checklists()
                .iter()
                .map(|c| Activity {
                    slug: c.slug.clone(),
                    titel: c.meta.titel.clone(),
                    href: v.from.link_to(&Route::checklist(c)),
                    duur: CHECKLIST_MINUTES,
                    min_duur: None,
                    elementen: c.meta.elementen.clone(),
                    kaarten: c.meta.elementen.clone(),
                    materialen: Vec::new(),
                })
                .collect(),
            vrij: free_blocks(&v),
            elementen: t.elements().iter().map(|e| element_data(&v, e)).collect(),
            // The session pack draws the scan's team overview, in the scan's words.
            t: self
                .strings_for("plan_")
                .into_iter()
                .chain(self.strings_for("scan_"))
                .collect(),
        }
    }

    fn push_data(&mut self, file: Result<OutputFile, Problem>) {
        match file {
            Ok(f) => self.files.push(f),
            Err(p) => self.problems.push(p),
        }
    }
}

/// `<route>data.js`, assigning `data` to `window.<global>`.
fn data_script(route: &Route, global: &str, data: &impl Serialize) -> Result<OutputFile, Problem> {
    let json = serde_json::to_string(data).map_err(|e| {
        Problem::error(
            "site.yaml",
            0,
            format!("kan de gegevens voor {} niet schrijven: {e}", route.0),
        )
    })?;
    Ok(OutputFile {
        path: format!("{}data.js", route.0),
        bytes: format!("window.{global} = {json};\n").into_bytes(),
    })
}

fn element_data(v: &Views, e: &Doc<Element>) -> ElementData {
    let t = v.toolkit;
    ElementData {
        code: e.meta.code.clone(),
        naam: e.meta.naam.clone(),
        kleur: e.meta.kleur.clone(),
        uitspraken: e
            .meta
            .aspecten
            .iter()
            .map(|a| a.text().to_string())
            .collect(),
        ids: aspect_ids(&e.meta.aspecten),
        gesprekken: t
            .prompts()
            .iter()
            .filter(|p| p.meta.elementen.contains(&e.meta.code))
            .map(|p| p.slug.clone())
            .collect(),
        checklists: t
            .checklists()
            .iter()
            .filter(|c| c.meta.elementen.contains(&e.meta.code))
            .map(|c| c.slug.clone())
            .collect(),
    }
}

/// The scan's version: a short FNV-1a hash of every element's code and aspect
/// ids, in order. Files carry it, so a page can tell a file of another version.
fn scan_version(elements: &[ElementData]) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for e in elements {
        for part in std::iter::once(&e.code).chain(&e.ids) {
            for b in part.bytes().chain([b'\n']) {
                hash ^= u32::from(b);
                hash = hash.wrapping_mul(0x0100_0193);
            }
        }
    }
    format!("{hash:08x}")
}

fn prompts(v: &Views) -> Vec<Activity> {
    let all: Vec<String> = v
        .toolkit
        .elements()
        .iter()
        .map(|e| e.meta.code.clone())
        .collect();
    v.toolkit
        .prompts()
        .iter()
        .map(|p| Activity {
            slug: p.slug.clone(),
            titel: p.meta.titel.clone(),
            href: v.from.link_to(&Route::prompt(p)),
            duur: p.meta.duur,
            min_duur: Some(p.meta.shortest()),
            elementen: p.meta.elementen.clone(),
            kaarten: if p.meta.elementen.is_empty() {
                all.clone()
            } else {
                p.meta.elementen.clone()
            },
            materialen: p.meta.materialen.clone(),
        })
        .collect()
}

/// The roles a participant can give (`rollen` in site.yaml): the keys are
/// stored in exported files, the labels come from the theme's strings.
fn roles(v: &Views) -> Vec<Choice> {
    (v.toolkit.site.rollen.iter())
        .map(|r| Choice {
            waarde: r.to_string(),
            label: v.strings.label(&format!("rol_{r}")),
        })
        .collect()
}

fn free_blocks(v: &Views) -> Vec<FreeBlock> {
    FREE_BLOCKS
        .iter()
        .map(|(kind, minutes)| FreeBlock {
            soort: kind,
            titel: v.strings.label(&format!("plan_blok_{kind}")),
            duur: *minutes,
        })
        .collect()
}

fn scan_page(v: &Views) -> ScanPage {
    let t = v.toolkit;
    ScanPage {
        elementen: t
            .elements()
            .iter()
            .map(|e| {
                let bronnen = v.sources(&e.meta.aspecten_bronnen);
                let herkomst_punt = !bronnen.last().is_some_and(|b| b.kort.ends_with('.'));
                ScanElement {
                    view: v.element(e),
                    aspecten_bronnen: bronnen,
                    aspecten_plaats: e.meta.aspecten_plaats.clone(),
                    herkomst_punt,
                }
            })
            .collect(),
        schaal: (1..=5)
            .map(|n| Choice {
                waarde: n.to_string(),
                label: v.strings.label(&format!("scan_schaal_{n}")),
            })
            .collect(),
        rollen: roles(v),
        aantal_uitspraken: t.elements().iter().map(|e| e.meta.aspecten.len()).sum(),
        planner: v.from.link_to(&Route::planner()),
    }
}

fn planner_page(v: &Views) -> PlannerPage {
    let t = v.toolkit;
    PlannerPage {
        gesprekken: t
            .prompts()
            .iter()
            .map(|p| Sheet {
                slug: p.slug.clone(),
                bronnen: v.sources(&p.meta.bronnen),
                view: v.prompt(p),
            })
            .collect(),
        checklists: t
            .checklists()
            .iter()
            .map(|c| Sheet {
                slug: c.slug.clone(),
                bronnen: v.sources(&c.meta.bronnen),
                view: v.checklist(c),
            })
            .collect(),
        vrij: free_blocks(v),
        elementen: t.elements().iter().map(|e| v.element(e)).collect(),
        scan: v.from.link_to(&Route::scan()),
    }
}

/// The two pages as links with a line of explanation, for the home page.
pub(super) fn home_links(v: &Views) -> Vec<ToolLink> {
    [
        ("nav_scan", "scan_kort", Route::scan()),
        ("nav_planner", "plan_kort", Route::planner()),
    ]
    .into_iter()
    .map(|(title, text, route)| ToolLink {
        link: v.link(&v.strings.label(title), &route),
        tekst: v.strings.label(text),
    })
    .collect()
}

/// A link to one of the working pages, with what it is for.
#[derive(Serialize)]
pub(super) struct ToolLink {
    #[serde(flatten)]
    link: LinkView,
    tekst: String,
}
