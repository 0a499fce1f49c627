//! The incremental site: the toolkit rebuilt in memory, redoing only the parts
//! a change touched. The live preview (`serve`) is its user; it watches files,
//! answers requests and tells open pages to reload, and leaves what to rebuild
//! for a change to this module.
//!
//! The parsed theme is kept between rebuilds and loaded again only when a
//! template, the UI strings or `site.yaml` changed; the theme's static files are
//! read again only when one of them changed. Files from `content/bestanden/` are
//! kept too, and read again only when an event named them.
//!
//! Content is loaded, checked and rendered as a whole: every page shows the
//! navigation, and element pages list the prompts and checklists that name them,
//! so almost any content change reaches many pages, and a dependency graph per
//! page would not pay for itself. The exception is a save of one document that
//! keeps its frame (`frame`: what other pages show of it): then only its page
//! is rendered (`quick`). What no page needs to show (the print pages and the
//! search index, more than half the work) is rendered in a second pass,
//! [`Builder::rebuild_rest`], after the pages have been published (see
//! docs/performance.md). Render is called from `passes` alone.

mod changes;
mod files;
pub mod frame;
pub(crate) mod passes;
mod quick;
#[cfg(test)]
pub(crate) mod tests;

pub use changes::{Changes, Part};
pub use files::read_statics;
pub use passes::Files;

use crate::diagnostics::{Problems, SourceTexts};
use crate::load::yaml;
use crate::{Failure, load, validate};
use files::AssetCache;
use passes::{Pass, Theme};
use quick::{Reload, Site};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// What a rebuild produced; `None` for a part that did not need rebuilding.
#[derive(Debug, Default)]
pub struct Built {
    /// The pages: `render::Parts::Pages`.
    pub pages: Option<Arc<Files>>,
    /// The rest: `render::Parts::Rest`.
    pub rest: Option<Arc<Files>>,
    pub statics: Option<Arc<Files>>,
    /// Files from `content/bestanden/`, rebuilt with the pages.
    pub assets: Option<Arc<Files>>,
    pub warnings: Problems,
    /// UI strings of the theme, for the error overlay.
    pub strings: BTreeMap<String, String>,
    /// The texts warnings point into.
    pub texts: SourceTexts,
    /// Whether only one document's page was rendered (`site::quick`).
    pub quick: bool,
}

/// The theme kept between rebuilds, with the settings it was loaded for.
struct CachedTheme {
    name: String,
    language: String,
    theme: Theme,
}

/// Rebuilds a toolkit in memory, keeping what a change did not touch.
pub struct Builder {
    root: PathBuf,
    theme: Option<CachedTheme>,
    /// Changes not yet rebuilt successfully: a failed rebuild keeps them, so that
    /// the next attempt redoes them even when it is set off by something else.
    dirty: Changes,
    assets: AssetCache,
    /// The site of the last good rebuild of the pages: what a save of one
    /// document's text starts from, and what the rest is rendered from.
    last: Option<Site>,
    /// Whether the last rebuild rendered pages whose rest is still to render.
    rest_pending: bool,
    /// Set by the file watcher when a file changes: the rest being rendered is
    /// given up, so the change is shown without waiting for it.
    stop: Arc<AtomicBool>,
}

impl Builder {
    pub fn new(root: &Path) -> Builder {
        Builder {
            // Canonical, so that files can be checked to lie inside it.
            root: std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf()),
            theme: None,
            dirty: Changes::everything(),
            assets: AssetCache::default(),
            last: None,
            rest_pending: false,
            stop: Arc::default(),
        }
    }

    /// The flag that gives up the rest being rendered; see `stop`.
    pub fn stop_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.stop)
    }

    /// Rebuilds what `changes` (and earlier failed rebuilds) touched.
    pub fn rebuild(&mut self, changes: Changes) -> Result<Built, Failure> {
        // Changes that came in until now are part of this rebuild.
        self.stop.store(false, Ordering::Relaxed);
        self.dirty.merge(changes);
        if self.dirty.theme || self.dirty.config {
            self.theme = None;
        }
        if self.dirty.config {
            // Also what a lost event turns into: trust nothing kept.
            self.assets.clear();
        }
        if let Some(built) = self.quick() {
            self.dirty = Changes::default();
            return Ok(built);
        }
        let d = &self.dirty;
        let pages_needed = d.content || d.theme || d.config || self.theme.is_none();
        let statics_needed = d.statics || d.theme || d.config;
        let mut built = Built::default();
        if pages_needed {
            let (pass, site) = self.render_pages()?;
            let assets = self
                .assets
                .read(&self.root, &pass.assets, &self.dirty.paths)?;
            built.assets = Some(Arc::new(assets));
            let pages = Arc::new(pass.files);
            // Published now: the quick path and the rest start from it.
            self.last = Some(site.with_pages(Arc::clone(&pages)));
            self.rest_pending = true;
            built.pages = Some(pages);
            built.warnings = pass.warnings;
            built.texts = pass.texts;
        }
        // Rendering pages (always done while no theme is cached) loaded the theme.
        if let Some(cached) = &self.theme {
            if statics_needed {
                built.statics = Some(Arc::new(read_statics(&cached.theme.static_dir)?));
            }
            built.strings = cached.theme.strings.table().clone();
        }
        self.dirty = Changes::default();
        Ok(built)
    }

    /// A save of one document that kept its frame: its page rendered into the
    /// last pages (see `site::quick`); `None` when the full rebuild is needed.
    fn quick(&mut self) -> Option<Built> {
        let d = &self.dirty;
        if d.theme || d.config || d.statics {
            return None;
        }
        let theme = &self.theme.as_ref()?.theme;
        let site = self.last.as_ref()?;
        // An editor's temporary file, gone by now, changed nothing.
        let mut changed = d
            .paths
            .iter()
            .filter(|p| !site.left_no_trace(&self.root, p));
        let (Some(rel), None) = (changed.next(), changed.next()) else {
            return None;
        };
        let site = self.last.take()?;
        let (site, reload) = site.reload_doc(&self.root, rel, theme)?;
        let mut built = Built {
            strings: theme.strings.table().clone(),
            quick: true,
            ..Built::default()
        };
        if let Reload::Rendered { warnings, texts } = reload {
            self.rest_pending = true;
            built.pages = Some(Arc::clone(site.pages()));
            built.warnings = warnings;
            built.texts = texts;
        }
        self.last = Some(site);
        Some(built)
    }

    /// Forgets all it kept between rebuilds, after a rebuild that never finished
    /// (it panicked): the next one starts from the files alone.
    pub fn forget(&mut self) {
        self.theme = None;
        self.dirty = Changes::everything();
        self.assets.clear();
        self.last = None;
        self.rest_pending = false;
    }

    /// Whether the last rebuild rendered pages whose rest is still to render.
    pub fn rest_pending(&self) -> bool {
        self.rest_pending
    }

    /// Renders the rest of the site after `rebuild` rendered its pages; `None`
    /// when there is nothing to render, or when a file changed meanwhile (the
    /// rest stays pending, for after the rebuild that change sets off).
    pub fn rebuild_rest(&mut self) -> Option<Result<Built, Failure>> {
        if !self.rest_pending {
            return None;
        }
        let site = self.last.as_ref()?;
        let theme = &self.theme.as_ref()?.theme;
        let rendered = passes::rest(site.valid(), theme, site.prepared(), self.stop_flag());
        if self.stop.swap(false, Ordering::Relaxed) {
            return None;
        }
        self.rest_pending = false;
        Some(match rendered {
            Ok(pass) => Ok(Built {
                rest: Some(Arc::new(pass.files)),
                strings: theme.strings.table().clone(),
                ..Built::default()
            }),
            Err(failure) => {
                // Redo it all with the next change, whatever that is.
                self.dirty.content = true;
                self.last = None;
                Err(failure)
            }
        })
    }

    /// The theme's UI strings read directly, for when the toolkit does not build
    /// (and so never loaded its theme); empty when they cannot be read either.
    pub fn strings_without_build(&self) -> BTreeMap<String, String> {
        // The loader's reader and YAML parser, as a build would read them.
        let read = |rel: &Path| load::text_resolved(&self.root, rel).ok();
        let Some(site) = read(Path::new("site.yaml"))
            .and_then(|t| yaml::parse::<crate::content::SiteConfig>(&t, 1).ok())
        else {
            return BTreeMap::new();
        };
        crate::render::theme::strings_without_build(&self.root, &site.thema, &site.taal)
    }

    /// Loads, validates and renders every page, with the cached theme if it
    /// fits; with them the site they were rendered from, its pages not yet in.
    fn render_pages(&mut self) -> Result<(Pass, Site), Failure> {
        self.last = None;
        self.rest_pending = false;
        let valid = load(&self.root).and_then(validate)?;
        let site = &valid.toolkit.site;
        let cached = match self.theme.take() {
            Some(c) if c.name == site.thema && c.language == site.taal => c,
            _ => CachedTheme {
                name: site.thema.clone(),
                language: site.taal.clone(),
                theme: Theme::of_site(&valid)?,
            },
        };
        let prepared = passes::prepare(&valid);
        let rendered = passes::pages(&valid, &cached.theme, &prepared);
        self.theme = Some(cached);
        Ok((rendered?, Site::new(valid, prepared)))
    }
}
