//! Render: turns a validated toolkit into HTML pages and the sitemap, in memory.
//!
//! Nothing is written here; `write` puts the result on disk and the preview server
//! can serve it from memory. Each page gets a context of ready-made views
//! (`views.rs`) and one template of the theme.

mod context;
pub mod diagram;
mod engine;
mod kind_views;
mod pages;
mod print;
mod related;
pub mod search;
mod share;
mod site_pages;
mod sitemap;
mod theme;
mod tools;
mod views;

pub use theme::{Strings, Theme};

use crate::diagnostics::Problems;
use crate::{Failure, Validated};
use context::SiteView;
use engine::{Counters, Renderer};
use site_pages::{ModelView, model_view};
use std::path::PathBuf;

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
