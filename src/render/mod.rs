//! Render: turns a validated toolkit into HTML pages and the sitemap, in memory.
//!
//! Nothing is written here; `write` puts the result on disk and the preview server
//! can serve it from memory. Each page gets a context of ready-made views
//! (`views.rs`) and one template of the theme.

pub mod diagram;
mod kind_views;
mod pages;
mod print;
mod related;
pub mod search;
mod share;
mod sitemap;
mod theme;
mod tools;
mod views;

pub use theme::{Strings, Theme};

use crate::diagnostics::{Problem, Problems};
use crate::markdown::{self, RenderContext};
use crate::routes::Route;
use crate::{Failure, Validated};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use views::{LinkView, Views};

/// Build settings that are not content.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Overrides `basis_url` from site.yaml.
    pub base_url: Option<String>,
    /// Set from elsewhere to give up a render whose result is no longer wanted
    /// (the preview: a file changed while the print pages were being made).
    /// Items not yet started are skipped; the caller drops the result.
    pub stop: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
}

/// One output file.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// Path relative to the output folder, with `/`.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// A rendered site, ready to be written or served.
#[derive(Debug, Clone)]
pub struct RenderedSite {
    pub files: Vec<OutputFile>,
    /// The theme's static folder, copied to `static/`.
    pub static_dir: PathBuf,
    pub warnings: Problems,
    /// Files copied as they are: (source on disk, path in the output).
    pub assets: Vec<(PathBuf, String)>,
    /// File texts, for quoting warnings.
    pub texts: crate::diagnostics::SourceTexts,
    /// How much work the render took, counted.
    pub work: Work,
}

/// Units of work a render did, counted so that a test can check they grow in
/// proportion to the toolkit (timings vary from run to run; counts do not).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Work {
    /// Templates rendered: pages, print pages, print sections.
    pub templates: usize,
    /// Markdown bodies rendered to HTML.
    pub markdown: usize,
}

/// The counters behind [`Work`], shared by the threads of one render.
#[derive(Default)]
struct Counters {
    templates: AtomicUsize,
    markdown: AtomicUsize,
}

impl Counters {
    fn count(counter: &AtomicUsize) {
        counter.fetch_add(1, Ordering::Relaxed);
    }

    fn work(&self) -> Work {
        Work {
            templates: self.templates.load(Ordering::Relaxed),
            markdown: self.markdown.load(Ordering::Relaxed),
        }
    }
}

/// The parts every page's context shares.
#[derive(Serialize)]
struct Common<'a> {
    site: SiteView<'a>,
    /// Only for themes whose templates still read the strings as `t.key`.
    #[serde(skip_serializing_if = "Option::is_none")]
    t: Option<&'a std::collections::BTreeMap<String, String>>,
    root: String,
    nav: Vec<NavItem>,
    pagina: PageMeta,
    /// The base URL with a trailing slash, when known (for absolute URLs).
    basis_url: Option<String>,
}

#[derive(Serialize)]
struct SiteView<'a> {
    titel: &'a str,
    beschrijving: Option<&'a str>,
    taal: &'a str,
}

impl<'a> SiteView<'a> {
    /// The site settings every page template shows (site pages and print pages).
    fn of(site: &'a crate::content::SiteConfig) -> Self {
        SiteView {
            titel: &site.title,
            beschrijving: site.description.as_deref(),
            taal: &site.language,
        }
    }
}

#[derive(Serialize)]
struct NavItem {
    titel: String,
    href: String,
    actief: bool,
}

#[derive(Serialize)]
struct PageMeta {
    titel: String,
    beschrijving: Option<String>,
    /// Pretty URL path below the site root, e.g. `elementen/los/`.
    pad: String,
    soort: &'static str,
    /// Relative link to the page's print version, if it has one.
    afdrukken: Option<String>,
    /// Absolute URL of the page, only when a base URL is known.
    url: Option<String>,
}

/// Which of a site's outputs to render. `build` renders all of them at once;
/// the preview renders the pages first and the rest right after, so that an
/// edited page is back sooner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Parts {
    #[default]
    All,
    /// Every page of the site, with its sitemap and manifest.
    Pages,
    /// What no page needs to show: the search index and the print pages.
    Rest,
}

/// Renders every page of `valid` with `theme`.
pub fn render(
    valid: &Validated,
    theme: &Theme,
    options: &RenderOptions,
) -> Result<RenderedSite, Failure> {
    render_parts(valid, theme, options, Parts::All)
}

/// Renders `parts` of the site; see [`Parts`].
pub fn render_parts(
    valid: &Validated,
    theme: &Theme,
    options: &RenderOptions,
    parts: Parts,
) -> Result<RenderedSite, Failure> {
    render_prepared(valid, theme, options, parts, &Prepared::new(valid))
}

/// What rendering needs from the whole toolkit before any page: which
/// documents are about which element (front matter and body links). It depends
/// on the links alone, so the preview keeps it while saves leave them as they
/// were (see [`render_doc`]).
pub struct Prepared {
    related: related::Related,
}

impl Prepared {
    pub fn new(valid: &Validated) -> Prepared {
        Prepared {
            related: related::Related::new(
                &valid.toolkit,
                &related::Mentions::new(&valid.toolkit, &valid.links),
            ),
        }
    }
}

/// [`render_parts`] with the whole-toolkit work already done.
pub fn render_prepared(
    valid: &Validated,
    theme: &Theme,
    options: &RenderOptions,
    parts: Parts,
    prepared: &Prepared,
) -> Result<RenderedSite, Failure> {
    if let Err(problem) = share::check_base_flag(options.base_url.as_deref()) {
        let mut problems = valid.warnings.clone();
        problems.push(problem);
        let texts = valid.texts.clone();
        return Err(Failure { problems, texts });
    }
    let (pages, rest) = (parts != Parts::Rest, parts != Parts::Pages);
    let counters = Counters::default();
    let mut r = Renderer::new(valid, theme, options, prepared, &counters);
    let base_url = r.base_url.clone();
    if pages {
        r.all_pages();
        r.browse_files();
        let routes: Vec<String> = r
            .files
            .iter()
            .filter_map(|f| f.path.strip_suffix("index.html").map(str::to_string))
            .collect();
        r.files.push(OutputFile {
            path: "sitemap.xml".into(),
            bytes: sitemap::sitemap(&routes, base_url.as_deref()).into_bytes(),
        });
    }
    if rest {
        // The search index is built on one core while the print pages (not in
        // the sitemap) take the others.
        let mut search = r.fork();
        let start = r.files.len();
        rayon::join(
            || search.search_index(),
            || r.print_pages(base_url.as_deref()),
        );
        r.files.splice(start..start, search.files);
    }
    r.finish(&counters)
}

/// Renders only the page of the document read from `file` (relative to the
/// toolkit root; `None` when no element, prompt, checklist or free page was).
///
/// For a preview save that changed nothing but one document's body text while
/// keeping its front matter, links and headings: then no other page shows
/// anything new (titles, menus, related lists and anchors stay), except the
/// print pages and the search index, which the preview renders after it.
pub fn render_doc(
    valid: &Validated,
    theme: &Theme,
    options: &RenderOptions,
    prepared: &Prepared,
    file: &std::path::Path,
) -> Option<Result<RenderedSite, Failure>> {
    let counters = Counters::default();
    let mut r = Renderer::new(valid, theme, options, prepared, &counters);
    r.page_of(file).then(|| r.finish(&counters))
}

struct Renderer<'a> {
    valid: &'a Validated,
    theme: &'a Theme,
    files: Vec<OutputFile>,
    problems: Problems,
    related: &'a related::Related,
    base_url: Option<String>,
    stop: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
    /// Rendered Markdown bodies, see [`Renderer::markdown`].
    bodies: std::sync::Arc<Bodies>,
    counters: &'a Counters,
}

/// Markdown bodies rendered so far, by (body address, body length, page depth
/// or [`ANY_DEPTH`]); `None` for a body that cannot be rendered for any depth.
type Bodies =
    std::sync::Mutex<std::collections::HashMap<(usize, usize, usize), Option<std::sync::Arc<str>>>>;

/// The depth under which a body rendered for any depth is kept.
const ANY_DEPTH: usize = usize::MAX;

impl<'a> Renderer<'a> {
    fn new(
        valid: &'a Validated,
        theme: &'a Theme,
        options: &RenderOptions,
        prepared: &'a Prepared,
        counters: &'a Counters,
    ) -> Renderer<'a> {
        let base_url = share::normalise_base(
            options
                .base_url
                .as_deref()
                .or(valid.toolkit.site.base_url.as_deref()),
        );
        Renderer {
            valid,
            theme,
            files: Vec::new(),
            problems: Problems::default(),
            related: &prepared.related,
            base_url,
            stop: options.stop.clone(),
            bodies: Default::default(),
            counters,
        }
    }

    /// The rendered files, or every problem found while rendering them.
    fn finish(self, counters: &Counters) -> Result<RenderedSite, Failure> {
        let Renderer {
            valid,
            theme,
            files,
            mut problems,
            ..
        } = self;
        // Two pages claiming one URL would silently overwrite each other.
        let mut seen = std::collections::HashSet::new();
        for f in &files {
            if !seen.insert(f.path.as_str()) {
                problems.push(
                    Problem::error(
                        "content",
                        0,
                        format!("twee pagina's krijgen hetzelfde adres: {}", f.path),
                    )
                    .hint("geef een van beide bestanden een andere naam"),
                );
            }
        }
        if problems.has_errors() {
            let mut all = valid.warnings.clone();
            all.extend(problems);
            return Err(Failure {
                problems: all,
                texts: valid.texts.clone(),
            });
        }
        let mut warnings = valid.warnings.clone();
        warnings.extend(theme.warnings());
        Ok(RenderedSite {
            files,
            static_dir: theme.static_dir.clone(),
            assets: valid
                .toolkit
                .assets
                .iter()
                .map(|a| {
                    (
                        valid.toolkit.root.join("content/bestanden").join(a),
                        format!("bestanden/{a}"),
                    )
                })
                .collect(),
            warnings,
            texts: valid.texts.clone(),
            work: counters.work(),
        })
    }

    /// Whether the render was given up (see [`RenderOptions::stop`]).
    fn stopped(&self) -> bool {
        self.stop
            .as_ref()
            .is_some_and(|s| s.load(Ordering::Relaxed))
    }

    /// A renderer that shares everything with this one except the files and
    /// problems it collects.
    fn fork(&self) -> Renderer<'a> {
        Renderer {
            valid: self.valid,
            theme: self.theme,
            files: Vec::new(),
            problems: Problems::default(),
            related: self.related,
            base_url: self.base_url.clone(),
            stop: self.stop.clone(),
            bodies: self.bodies.clone(),
            counters: self.counters,
        }
    }

    /// Runs `render` for every item on all cores and keeps the files and
    /// problems in item order, so the output does not depend on scheduling.
    ///
    /// Each item's files are kept as they are made (not their template
    /// contexts), so memory grows with the output only.
    fn each<T: Sync>(&mut self, items: &[T], render: impl Fn(&mut Renderer<'a>, usize, &T) + Sync) {
        use rayon::prelude::*;
        let parts: Vec<(Vec<OutputFile>, Problems)> = items
            .par_iter()
            .enumerate()
            .map(|(i, item)| {
                let mut r = self.fork();
                if !r.stopped() {
                    render(&mut r, i, item);
                }
                (r.files, r.problems)
            })
            .collect();
        for (files, problems) in parts {
            self.files.extend(files);
            self.problems.extend(problems.0);
        }
    }

    /// The files that serve browsing rather than one page: the search page and
    /// the web app manifest (the search index is `search_index`).
    fn browse_files(&mut self) {
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
                "zoeken",
                |_, _| {},
            );
        }
        self.files.push(OutputFile {
            path: share::MANIFEST_FILE.into(),
            bytes: share::manifest(&t.site).into_bytes(),
        });
    }

    /// The search page's index of every page.
    fn search_index(&mut self) {
        let t = &self.valid.toolkit;
        if self.stopped() {
            return;
        }
        let docs = search::documents(t, &self.theme.strings);
        if let Some(js) = search::index_script(&docs, &t.site.language, &|| self.stopped()) {
            self.files.push(OutputFile {
                path: search::INDEX_FILE.into(),
                bytes: js.into_bytes(),
            });
        }
    }

    fn all_pages(&mut self) {
        let (valid, theme) = (self.valid, self.theme);
        let t = &valid.toolkit;
        let s = &theme.strings;

        // Home.
        let home = Route::home();
        self.page(
            &home,
            "home.html",
            s.label("nav_home"),
            t.site.description.clone(),
            "home",
            |v, ctx| {
                ctx.insert("diagram", &diagrams(v));
                ctx.insert("model", &model_view(v));
                ctx.insert(
                    "elementen",
                    &t.elements()
                        .iter()
                        .map(|e| v.element(e))
                        .collect::<Vec<_>>(),
                );
                ctx.insert("secties", &sections(v, s));
                ctx.insert("instrumenten", &tools::home_links(v));
                // The diagram, aanleiding and opbrengsten are the model's.
                ctx.insert("bronnen", &v.sources(&t.model.meta.sources));
            },
        );

        // The model.
        let m = &t.model;
        let route = Route::model();
        let body = self.markdown(&m.body, &route);
        self.page(
            &route,
            "model.html",
            m.meta.title.clone(),
            None,
            "model",
            |v, ctx| {
                ctx.insert("diagram", &diagrams(v));
                ctx.insert("model", &model_view(v));
                ctx.insert(
                    "elementen",
                    &t.elements()
                        .iter()
                        .map(|e| v.element(e))
                        .collect::<Vec<_>>(),
                );
                ctx.insert("inhoud", &body);
                ctx.insert("bronnen", &v.sources(&m.meta.sources));
            },
        );

        // Every kind's overview and pages.
        self.kind_pages();

        // Bibliography.
        let route = Route::bibliography();
        self.page(
            &route,
            "bibliography.html",
            s.label("nav_sources"),
            None,
            "bronnen",
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
            "afdrukken",
            |_, ctx| ctx.insert("afdrukken", &hub),
        );
        // The reflection scan and the session planner.
        self.tool_pages();

        // 404: served for any path, so its links are relative to the root and
        // only hold at the site root (or absolute, with a base URL).
        self.page(
            &home,
            "404.html",
            s.label("niet_gevonden"),
            None,
            "404",
            |_, _| {},
        );
        if let Some(last) = self.files.last_mut() {
            last.path = "404.html".into();
        }
    }

    /// Views relative to the page at `from`.
    fn views<'v>(&'v self, from: &'v Route) -> Views<'v> {
        Views {
            toolkit: &self.valid.toolkit,
            strings: &self.theme.strings,
            from,
            related: self.related,
        }
    }

    /// The HTML of a Markdown body for a page at `from`.
    ///
    /// A body is shown on its page and in the print versions for each paper
    /// and the whole toolkit, at different depths; it is rendered once for any
    /// depth and shared (`markdown::to_html_any_depth`), or, in the rare body
    /// that cannot be, once per depth.
    fn markdown(&self, body: &str, from: &Route) -> String {
        let key = |depth| (body.as_ptr() as usize, body.len(), depth);
        let valid = self.valid;
        let shared = self.body(key(ANY_DEPTH), || {
            markdown::to_html_any_depth(body, &valid.links, valid.toolkit.site.allow_raw_html)
        });
        if let Some(html) = shared {
            return markdown::at_depth(&html, from.depth());
        }
        let own = self.body(key(from.depth()), || {
            Some(markdown::to_html(
                body,
                &RenderContext {
                    links: &valid.links,
                    from,
                    allow_raw_html: valid.toolkit.site.allow_raw_html,
                },
            ))
        });
        own.map(|html| html.to_string()).unwrap_or_default()
    }

    /// A body's HTML from the cache, or rendered by `render` and kept.
    fn body(
        &self,
        key: (usize, usize, usize),
        render: impl FnOnce() -> Option<String>,
    ) -> Option<std::sync::Arc<str>> {
        if let Some(html) = self.bodies.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return html;
        }
        Counters::count(&self.counters.markdown);
        let html: Option<std::sync::Arc<str>> = render().map(Into::into);
        if let Ok(mut m) = self.bodies.lock() {
            m.insert(key, html.clone());
        }
        html
    }

    /// Renders one page with the shared context plus what `fill` adds.
    fn page(
        &mut self,
        route: &Route,
        template: &str,
        title: String,
        description: Option<String>,
        kind: &'static str,
        fill: impl FnOnce(&Views, &mut tera::Context),
    ) {
        let t = &self.valid.toolkit;
        let views = self.views(route);
        let common = Common {
            site: SiteView::of(&t.site),
            t: self.theme.context_strings(),
            root: route.to_root(),
            nav: nav(&views, kind),
            pagina: PageMeta {
                titel: title,
                beschrijving: description,
                pad: route.0.clone(),
                soort: kind,
                afdrukken: print::doc_for(kind, route)
                    .map(|doc| route.link_to(&Route::print(t.site.paper, &doc))),
                url: self.base_url.as_ref().map(|b| format!("{b}{}", route.0)),
            },
            basis_url: self.base_url.clone(),
        };
        let ctx = tera::Context::from_serialize(&common).map(|mut ctx| {
            fill(&views, &mut ctx);
            ctx
        });
        match ctx {
            Ok(ctx) => self.emit(route.file(), template, &ctx),
            Err(e) => self.problems.push(Problem::error(
                self.theme.dir.join("templates").join(template),
                0,
                e.to_string(),
            )),
        }
    }

    /// A template context from `value`, or `None` with the problem recorded.
    fn context(&mut self, value: &impl Serialize, template: &str) -> Option<tera::Context> {
        match tera::Context::from_serialize(value) {
            Ok(c) => Some(c),
            Err(e) => {
                self.problems.push(Problem::error(
                    self.theme.dir.join("templates").join(template),
                    0,
                    e.to_string(),
                ));
                None
            }
        }
    }

    /// Renders `template` into the output file `path`, or records the problem.
    fn emit(&mut self, path: String, template: &str, ctx: &tera::Context) {
        Counters::count(&self.counters.templates);
        match self.theme.tera.render(template, ctx) {
            Ok(html) => self.files.push(OutputFile {
                path,
                bytes: html.into_bytes(),
            }),
            Err(e) => self
                .problems
                .push(theme::template_problem(&self.theme.dir, &e)),
        }
    }
}

/// The header's main sections; the current one marked.
fn nav(v: &Views, kind: &str) -> Vec<NavItem> {
    let s = v.strings;
    let label = |k: &str| s.label(k);
    // Each kind with an overview has a menu entry, marked on its pages too.
    let shown = v
        .toolkit
        .docs
        .iter()
        .filter(|s| v.toolkit.shows_overview(*s));
    let lists = shown.filter_map(|shelf| {
        let info = shelf.info();
        let list = info.list.as_ref()?;
        let here = kind == list.page || kind == info.page;
        Some((list.label, Route::list(info), here))
    });
    let mut items = std::iter::once(("nav_model", Route::model(), kind == "model"))
        .chain(lists)
        .chain([
            ("nav_scan", Route::scan(), kind == "reflectiescan"),
            ("nav_planner", Route::planner(), kind == "sessieplanner"),
        ])
        .map(|(k, r, actief)| NavItem {
            titel: label(k),
            href: v.from.link_to(&r),
            actief,
        })
        .collect::<Vec<_>>();
    for p in v.toolkit.pages().iter().filter(|p| p.meta.order.is_some()) {
        let r = Route::page(p);
        items.push(NavItem {
            titel: p.meta.title.clone(),
            href: v.from.link_to(&r),
            actief: v.from == &r,
        });
    }
    items.push(NavItem {
        titel: s.label("nav_sources"),
        href: v.from.link_to(&Route::bibliography()),
        actief: kind == "bronnen",
    });
    items.push(NavItem {
        titel: s.label("nav_print"),
        href: v.from.link_to(&Route::print_hub()),
        actief: kind == "afdrukken",
    });
    items
}

/// The sections listed on the home page with a count.
fn sections(v: &Views, s: &Strings) -> Vec<LinkView> {
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
            .filter(|p| p.meta.order.is_some())
            .map(|p| v.link(&p.meta.title, &Route::page(p))),
    );
    out
}

/// The model diagram in its wide and tall drawings; CSS shows one of them.
#[derive(Serialize)]
struct Diagrams {
    breed: String,
    smal: String,
}

fn diagrams(v: &Views) -> Diagrams {
    Diagrams {
        breed: diagram::model_diagram(v, diagram::Variant::Wide, None),
        smal: diagram::model_diagram(v, diagram::Variant::Tall, None),
    }
}

#[derive(Serialize)]
struct ModelView {
    titel: String,
    naam: String,
    href: String,
    definitie: String,
    kenmerken: Vec<Characteristic>,
    aanleiding: Vec<String>,
    opbrengsten: Vec<String>,
}

#[derive(Serialize)]
struct Characteristic {
    kort: String,
    tekst: String,
}

fn model_view(v: &Views) -> ModelView {
    let m = &v.toolkit.model.meta;
    ModelView {
        titel: m.title.clone(),
        naam: m.name.clone(),
        href: v.from.link_to(&Route::model()),
        definitie: m.definition.clone(),
        kenmerken: m
            .characteristics
            .iter()
            .map(|c| Characteristic {
                kort: c.short.clone(),
                tekst: c.text.clone(),
            })
            .collect(),
        aanleiding: m.reasons.clone(),
        opbrengsten: m.outcomes.clone(),
    }
}

/// The bibliography's keys as a reference list orders them: by the full
/// reference, which starts with the first author and the year, not by key.
fn reference_list_order(bibliography: &crate::content::Bibliography) -> Vec<String> {
    let mut keys: Vec<(String, &String)> = bibliography
        .iter()
        .map(|(key, r)| (r.text.to_lowercase(), key))
        .collect();
    keys.sort();
    keys.into_iter().map(|(_, key)| key.clone()).collect()
}
