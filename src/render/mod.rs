//! Render: turns a validated toolkit into HTML pages and the sitemap, in memory.
//!
//! Nothing is written here; `write` puts the result on disk and the preview server
//! can serve it from memory. Each page gets a context of ready-made views
//! (`views.rs`) and one template of the theme.

mod context;
pub mod diagram;
mod engine;
mod kind_views;
mod not_found;
mod page_kind;
mod pages;
mod print;
mod related;
pub mod search;
mod share;
mod site_pages;
mod sitemap;
pub(crate) mod theme;
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
    /// The site is built with its PDFs (`build --pdf`): print pages and the
    /// print hub link to them.
    pub pdfs: bool,
    /// Keep the drafts (`build --drafts`); otherwise [`crate::build_site`]
    /// leaves them out before validation.
    pub drafts: bool,
    /// The render is for its problems alone (`check`): every page is still
    /// rendered, since a template can fail on one document's data, but each
    /// page's bytes are dropped as soon as it is made, so memory does not
    /// grow with the output; and the search index, which finds no problems,
    /// is not built. The files keep their paths, for the check that no two
    /// pages claim one address.
    pub problems_only: bool,
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
    /// The built-in theme's static files as (`static/…`, bytes), copied
    /// first, under those of `static_dir`.
    pub builtin_static: Vec<(String, &'static [u8])>,
    /// The toolkit's theme's static folder, copied to `static/`.
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
/// edited page is back sooner, and after a save that changed only one
/// document's text, only that document's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Parts<'a> {
    #[default]
    All,
    /// Every page of the site, with its sitemap and manifest.
    Pages,
    /// What no page needs to show: the search index and the print pages.
    Rest,
    /// Only the page of the document read from this file (relative to the
    /// toolkit root); no files when no document was. For a save that kept the
    /// document's front matter, links and headings: then no other page shows
    /// anything new, except the print pages and the search index (`Rest`).
    Doc(&'a std::path::Path),
}

/// One render: which parts, and the whole-toolkit work when it was done
/// before (the preview keeps it between saves that leave the links alone).
#[derive(Clone, Copy, Default)]
pub struct Request<'a> {
    pub parts: Parts<'a>,
    pub prepared: Option<&'a Prepared>,
}

impl<'a> Request<'a> {
    /// `parts` of the site, with nothing prepared.
    pub fn parts(parts: Parts<'a>) -> Self {
        Request {
            parts,
            prepared: None,
        }
    }

    /// `parts`, with the whole-toolkit work already done.
    pub fn prepared(parts: Parts<'a>, prepared: &'a Prepared) -> Self {
        Request {
            parts,
            prepared: Some(prepared),
        }
    }
}

/// What rendering needs from the whole toolkit before any page: which
/// documents are about which element (front matter and body links). It depends
/// on the links alone, so the preview keeps it while saves leave them as they
/// were (see [`Parts::Doc`]).
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

/// Renders what `request` asks of the site `valid` with `theme`: the one
/// entry point of the render stage.
pub fn render(
    valid: &Validated,
    theme: &Theme,
    options: &RenderOptions,
    request: Request,
) -> Result<RenderedSite, Failure> {
    if let Err(problem) = share::check_base_flag(options.base_url.as_deref()) {
        let mut problems = valid.warnings.clone();
        problems.push(problem);
        let texts = valid.texts.clone();
        return Err(Failure { problems, texts });
    }
    let own;
    let prepared = match request.prepared {
        Some(p) => p,
        None => {
            own = Prepared::new(valid);
            &own
        }
    };
    let counters = Counters::default();
    let mut r = Renderer::new(valid, theme, options, prepared, &counters);
    let parts = request.parts;
    if let Parts::Doc(file) = parts {
        r.page_of(file);
        return r.finish(&counters);
    }
    if matches!(parts, Parts::All | Parts::Pages) {
        r.site_pages();
    }
    if matches!(parts, Parts::All | Parts::Rest) {
        r.rest();
    }
    r.finish(&counters)
}
