//! The render engine: the state one render shares across pages and threads.
//!
//! A [`Renderer`] collects the files and problems of its pages; `each` fans
//! items out over all cores and gathers them back in item order, so output
//! does not depend on scheduling; Markdown bodies are rendered once and
//! shared by every page that shows them (their page, print, the whole
//! toolkit); `page` gives every template the context all pages share.

use super::context::{Common, PageMeta, SiteView, nav, nav_groups};
use super::page_kind::PageKind;
use super::views::Views;
use super::{OutputFile, Prepared, RenderOptions, RenderedSite, Theme, Work, related, share};
use crate::diagnostics::{Problem, Problems};
use crate::markdown::{self, RenderContext};
use crate::routes::Route;
use crate::{Failure, Validated};
use serde::Serialize;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The counters behind [`Work`], shared by the threads of one render.
#[derive(Default)]
pub(super) struct Counters {
    pub(super) templates: AtomicUsize,
    pub(super) markdown: AtomicUsize,
}

impl Counters {
    pub(super) fn count(counter: &AtomicUsize) {
        counter.fetch_add(1, Ordering::Relaxed);
    }

    pub(super) fn work(&self) -> Work {
        Work {
            templates: self.templates.load(Ordering::Relaxed),
            markdown: self.markdown.load(Ordering::Relaxed),
        }
    }
}

pub(super) struct Renderer<'a> {
    pub(super) valid: &'a Validated,
    pub(super) theme: &'a Theme,
    pub(super) files: Vec<OutputFile>,
    pub(super) problems: Problems,
    pub(super) related: &'a related::Related,
    pub(super) base_url: Option<String>,
    pub(super) stop: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
    /// Rendered Markdown bodies, see [`Renderer::markdown`].
    pub(super) bodies: std::sync::Arc<Bodies>,
    pub(super) counters: &'a Counters,
    /// Each print page's PDF in the output, when the site is built with them.
    pub(super) pdfs: std::sync::Arc<PdfFiles>,
    /// See [`RenderOptions::problems_only`].
    pub(super) problems_only: bool,
}

/// The published PDF of each print page (by the page's route), see
/// [`RenderOptions::pdfs`].
pub(super) type PdfFiles = std::collections::HashMap<crate::routes::Route, String>;

/// Markdown bodies rendered so far, by document and depth; `None` for a body
/// that cannot be rendered for any depth.
type Bodies = std::sync::Mutex<std::collections::HashMap<BodyKey, Option<std::sync::Arc<str>>>>;

/// A rendered body's place in the cache: the file it was read from (each
/// document has one body) and the page depth, or [`ANY_DEPTH`].
type BodyKey = (std::path::PathBuf, usize);

/// The depth under which a body rendered for any depth is kept.
const ANY_DEPTH: usize = usize::MAX;

/// The PDFs `build --pdf` puts in the output, by the print page they are
/// printed from.
fn pdf_files(valid: &Validated) -> PdfFiles {
    crate::content::Paper::ALL
        .iter()
        .flat_map(|&paper| crate::print::jobs::pdf_jobs(&valid.toolkit, paper))
        .map(|job| {
            let file = job.published();
            (job.route, file)
        })
        .collect()
}

impl<'a> Renderer<'a> {
    pub(super) fn new(
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
                .or(valid.toolkit.site.basis_url.as_deref()),
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
            pdfs: std::sync::Arc::new(match options.pdfs {
                true => pdf_files(valid),
                false => PdfFiles::new(),
            }),
            problems_only: options.problems_only,
        }
    }

    /// The rendered files, or every problem found while rendering them.
    pub(super) fn finish(self, counters: &Counters) -> Result<RenderedSite, Failure> {
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
                texts: theme.with_texts(&valid.texts),
            });
        }
        let mut warnings = valid.warnings.clone();
        warnings.extend(theme.warnings());
        Ok(RenderedSite {
            files,
            builtin_static: super::theme::builtin::files("static"),
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
    pub(super) fn stopped(&self) -> bool {
        self.stop
            .as_ref()
            .is_some_and(|s| s.load(Ordering::Relaxed))
    }

    /// A renderer that shares everything with this one except the files and
    /// problems it collects.
    pub(super) fn fork(&self) -> Renderer<'a> {
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
            pdfs: self.pdfs.clone(),
            problems_only: self.problems_only,
        }
    }

    /// Runs `render` for every item on all cores and keeps the files and
    /// problems in item order, so the output does not depend on scheduling.
    ///
    /// Each item's files are kept as they are made (not their template
    /// contexts), so memory grows with the output only.
    pub(super) fn each<T: Sync>(
        &mut self,
        items: &[T],
        render: impl Fn(&mut Renderer<'a>, usize, &T) + Sync,
    ) {
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

    /// Views relative to the page at `from`.
    pub(super) fn views<'v>(&'v self, from: &'v Route) -> Views<'v> {
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
    pub(super) fn markdown(&self, file: &std::path::Path, body: &str, from: &Route) -> String {
        let key = |depth| (file.to_path_buf(), depth);
        let valid = self.valid;
        let shared = self.body(key(ANY_DEPTH), || {
            markdown::to_html_any_depth(body, &valid.links, valid.toolkit.site.ruwe_html)
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
                    allow_raw_html: valid.toolkit.site.ruwe_html,
                },
            ))
        });
        own.map(|html| html.to_string()).unwrap_or_default()
    }

    /// A body's HTML from the cache, or rendered by `render` and kept.
    pub(super) fn body(
        &self,
        key: BodyKey,
        render: impl FnOnce() -> Option<String>,
    ) -> Option<std::sync::Arc<str>> {
        let cached = self.bodies.lock().ok().and_then(|m| m.get(&key).cloned());
        if let Some(html) = cached {
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
    pub(super) fn page(
        &mut self,
        route: &Route,
        template: &str,
        title: String,
        description: Option<String>,
        kind: PageKind,
        fill: impl FnOnce(&Views, &mut tera::Context),
    ) {
        let t = &self.valid.toolkit;
        let views = self.views(route);
        let menu = nav(&views, kind);
        let common = Common {
            site: SiteView::of(&t.site),
            t: self.theme.context_strings(),
            root: route.to_root(),
            nav_groepen: nav_groups(&views, menu.clone()),
            nav: menu,
            pagina: PageMeta {
                titel: title,
                beschrijving: description,
                pad: route.0.clone(),
                soort: kind.key(),
                afdrukken: kind
                    .print_doc(route)
                    .map(|doc| route.link_to(&Route::print(t.site.papier, &doc))),
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
                self.theme.files.file(template),
                0,
                e.to_string(),
            )),
        }
    }

    /// A template context from `value`, or `None` with the problem recorded.
    pub(super) fn context(
        &mut self,
        value: &impl Serialize,
        template: &str,
    ) -> Option<tera::Context> {
        match tera::Context::from_serialize(value) {
            Ok(c) => Some(c),
            Err(e) => {
                self.problems.push(Problem::error(
                    self.theme.files.file(template),
                    0,
                    e.to_string(),
                ));
                None
            }
        }
    }

    /// Renders `template` into the output file `path`, or records the problem.
    pub(super) fn emit(&mut self, path: String, template: &str, ctx: &tera::Context) {
        Counters::count(&self.counters.templates);
        match self.theme.tera.render(template, ctx) {
            Ok(html) => self.files.push(OutputFile {
                path,
                bytes: match self.problems_only {
                    true => Vec::new(),
                    false => html.into_bytes(),
                },
            }),
            Err(e) => self.problems.push(self.theme.render_problem(&e, ctx)),
        }
    }
}
