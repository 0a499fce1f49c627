//! Rebuilding the site in memory, redoing only the parts a change touched.
//!
//! The parsed theme is kept between rebuilds and loaded again only when a
//! template, the UI strings or `site.yaml` changed; the theme's static files are
//! read again only when one of them changed. Files from `content/bestanden/` are
//! kept too, and read again only when an event named them.
//!
//! Content is loaded, checked and rendered as a whole: every page shows the
//! navigation, and element pages list the prompts and checklists that name them,
//! so almost any content change reaches many pages, and a dependency graph per
//! page would not pay for itself. What no page needs to show (the print pages and
//! the search index, more than half the work) is rendered in a second pass,
//! `rebuild_rest`, after the pages have been published (see docs/performance.md).

use super::quick;
use super::watch::Changes;
use crate::diagnostics::{Problem, Problems, SourceTexts};
use crate::render::{
    OutputFile, Parts, Prepared, RenderOptions, RenderedSite, Request, Theme, render,
};
use crate::{Failure, Validated, load, validate};
use axum::body::Bytes;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use walkdir::WalkDir;

/// Output files by key (`elementen/los/index.html`, `static/site.css`).
pub type Files = HashMap<String, Bytes>;

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
    /// Whether only one document's page was rendered (`serve::quick`).
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
    /// Asset bytes by source path, reused until an event names the file.
    assets: HashMap<PathBuf, Bytes>,
    /// The toolkit of the last good rebuild, what its render prepared, and its
    /// pages: what a save of one document's text (`quick`) starts from.
    last: Option<Last>,
    /// Whether the last rebuild rendered pages whose rest is still to render.
    rest_pending: bool,
    /// Set by the file watcher when a file changes: the rest being rendered is
    /// given up, so the change is shown without waiting for it.
    stop: Arc<AtomicBool>,
}

/// What the last good rebuild of the pages started from and made.
struct Last {
    valid: Validated,
    prepared: Arc<Prepared>,
    pages: Arc<Files>,
}

impl Builder {
    pub fn new(root: &Path) -> Builder {
        Builder {
            // Canonical, so that files can be checked to lie inside it.
            root: std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf()),
            theme: None,
            dirty: Changes::everything(),
            assets: HashMap::new(),
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
            let site = self.render_pages()?;
            let assets = self.read_assets(&site.assets).inspect_err(|_| {
                // No rest for pages that were not published.
                self.rest_pending = false;
                self.last = None;
            })?;
            built.assets = Some(Arc::new(assets));
            let pages = Arc::new(files_of(site.files));
            if let Some(last) = &mut self.last {
                last.pages = pages.clone();
            }
            built.pages = Some(pages);
            built.warnings = site.warnings;
            built.texts = site.texts;
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

    /// A save of one document's body text alone: its page rendered into the
    /// last pages (see `serve::quick`); `None` when the full rebuild is needed.
    fn quick(&mut self) -> Option<Built> {
        let d = &self.dirty;
        if d.theme || d.config || d.statics {
            return None;
        }
        let theme = &self.theme.as_ref()?.theme;
        let last = self.last.as_mut().filter(|l| !l.pages.is_empty())?;
        // An editor's temporary file, gone by now, changed nothing.
        let mut changed = d
            .paths
            .iter()
            .filter(|p| !quick::left_no_trace(&self.root, &last.valid, p));
        let (Some(rel), None) = (changed.next(), changed.next()) else {
            return None;
        };
        let edit = quick::body_edit(&self.root, &last.valid, rel)?;
        if !quick::apply(&mut last.valid, &edit) {
            // Saved as it was: nothing to render, nothing to reload.
            return Some(Built {
                strings: theme.strings.table().clone(),
                quick: true,
                ..Built::default()
            });
        }
        let options = RenderOptions::default();
        let request = Request::prepared(Parts::Doc(&edit.file), &last.prepared);
        match render(&last.valid, theme, &options, request) {
            // No document was read from the file: the full path decides.
            Ok(site) if site.files.is_empty() => None,
            Ok(site) => {
                let mut pages = Files::clone(&last.pages);
                pages.extend(files_of(site.files));
                last.pages = Arc::new(pages);
                self.rest_pending = true;
                Some(Built {
                    pages: Some(last.pages.clone()),
                    warnings: site.warnings,
                    strings: theme.strings.table().clone(),
                    texts: site.texts,
                    quick: true,
                    ..Built::default()
                })
            }
            Err(_) => {
                // The full rebuild reports it the way it always does.
                self.last = None;
                None
            }
        }
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
        let last = self.last.as_ref()?;
        let theme = &self.theme.as_ref()?.theme;
        let options = RenderOptions {
            stop: Some(self.stop_flag()),
            ..RenderOptions::default()
        };
        let request = Request::prepared(Parts::Rest, &last.prepared);
        let rendered = render(&last.valid, theme, &options, request);
        if self.stop.swap(false, Ordering::Relaxed) {
            return None;
        }
        self.rest_pending = false;
        Some(match rendered {
            Ok(site) => Ok(Built {
                rest: Some(Arc::new(files_of(site.files))),
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
        let read = |rel: &Path| std::fs::read_to_string(self.root.join(rel)).ok();
        let Some(site) = read(Path::new("site.yaml"))
            .and_then(|t| serde_yaml::from_str::<crate::content::SiteConfig>(&t).ok())
        else {
            return BTreeMap::new();
        };
        let strings = Path::new("themes")
            .join(&site.theme)
            .join("i18n")
            .join(format!("{}.yaml", site.language));
        read(&strings)
            .and_then(|t| serde_yaml::from_str(&t).ok())
            .unwrap_or_default()
    }

    /// Loads, validates and renders every page, with the cached theme if it fits.
    fn render_pages(&mut self) -> Result<RenderedSite, Failure> {
        self.last = None;
        self.rest_pending = false;
        let valid = load(&self.root).and_then(validate)?;
        let site = &valid.toolkit.site;
        let cached = match self.theme.take() {
            Some(c) if c.name == site.theme && c.language == site.language => c,
            _ => {
                let mut texts = valid.texts.clone();
                let theme = Theme::load(&self.root, &site.theme, &site.language, &mut texts)
                    .map_err(|problems| {
                        let mut all = valid.warnings.clone();
                        all.extend(problems);
                        Failure {
                            problems: all,
                            texts,
                        }
                    })?;
                CachedTheme {
                    name: site.theme.clone(),
                    language: site.language.clone(),
                    theme,
                }
            }
        };
        let prepared = Arc::new(Prepared::new(&valid));
        let request = Request::prepared(Parts::Pages, &prepared);
        let rendered = render(&valid, &cached.theme, &RenderOptions::default(), request);
        self.theme = Some(cached);
        if rendered.is_ok() {
            self.rest_pending = true;
            self.last = Some(Last {
                valid,
                prepared,
                pages: Arc::default(),
            });
        }
        rendered
    }

    /// Reads the files `build` would copy from `content/bestanden/`, reusing
    /// those no event named since they were read. Like the loader, it serves a
    /// symbolic link only when it points inside the toolkit.
    fn read_assets(&mut self, list: &[(PathBuf, String)]) -> Result<Files, Failure> {
        let mut kept = HashMap::new();
        let mut files = Files::new();
        let mut problems = Problems::default();
        for (source, key) in list {
            let rel = source.strip_prefix(&self.root).unwrap_or(source);
            let is_plain_file =
                std::fs::symlink_metadata(source).is_ok_and(|m| m.file_type().is_file());
            let cached = self.assets.remove(source);
            let bytes = match cached {
                Some(b) if is_plain_file && !self.dirty.paths.contains(rel) => b,
                _ => match read_inside(&self.root, source) {
                    Ok(b) => b,
                    Err(message) => {
                        problems.push(Problem::error(rel, 0, message));
                        continue;
                    }
                },
            };
            if is_plain_file {
                kept.insert(source.clone(), bytes.clone());
            }
            files.insert(key.clone(), bytes);
        }
        self.assets = kept;
        if problems.has_errors() {
            return Err(Failure {
                problems,
                texts: SourceTexts::default(),
            });
        }
        Ok(files)
    }
}

/// Reads `path` after making sure that, links resolved, it lies inside `root`.
fn read_inside(root: &Path, path: &Path) -> Result<Bytes, String> {
    let real =
        std::fs::canonicalize(path).map_err(|e| format!("kan het bestand niet lezen: {e}"))?;
    if !real.starts_with(root) {
        return Err(format!(
            "de symbolische link wijst buiten de toolkit ({})",
            real.display()
        ));
    }
    std::fs::read(&real)
        .map(Bytes::from)
        .map_err(|e| format!("kan het bestand niet lezen: {e}"))
}

fn files_of(files: Vec<OutputFile>) -> Files {
    files
        .into_iter()
        .map(|f| (f.path, Bytes::from(f.bytes)))
        .collect()
}

/// Reads the theme's static files as `build` copies them: regular files only, so
/// a symbolic link (to anywhere) is never served.
pub fn read_statics(dir: &Path) -> Result<Files, Failure> {
    let mut files = Files::new();
    let mut problems = Problems::default();
    if !dir.is_dir() {
        return Ok(files);
    }
    for entry in WalkDir::new(dir).into_iter().filter_map(Result::ok) {
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(dir) else {
            continue;
        };
        let Some(rel) = rel.to_str() else {
            continue;
        };
        match std::fs::read(entry.path()) {
            Ok(bytes) => {
                files.insert(
                    format!("static/{}", rel.replace('\\', "/")),
                    Bytes::from(bytes),
                );
            }
            Err(e) => problems.push(Problem::error(
                entry.path(),
                0,
                format!("kan het bestand niet lezen: {e}"),
            )),
        }
    }
    if problems.has_errors() {
        return Err(Failure {
            problems,
            texts: SourceTexts::default(),
        });
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serve::watch::Part;

    fn kit() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        crate::scaffold::create(&dir.path().join("kit")).expect("scaffold");
        dir
    }

    fn change(part: Part) -> Changes {
        let mut c = Changes::default();
        c.add(part, PathBuf::from("x"));
        c
    }

    #[test]
    fn rebuilds_only_the_parts_that_changed() {
        let dir = kit();
        let root = dir.path().join("kit");
        let mut b = Builder::new(&root);
        let first = b.rebuild(Changes::default()).map_err(|f| f.problems.0);
        let first = first.expect("the scaffold builds");
        assert!(
            first
                .pages
                .as_ref()
                .is_some_and(|p| p.contains_key("index.html"))
        );
        assert!(
            first
                .statics
                .as_ref()
                .is_some_and(|s| s.contains_key("static/site.css"))
        );
        assert!(!first.strings.is_empty());
        // The search index and print pages come in a second pass.
        let pages = first.pages.expect("pages");
        assert!(!pages.contains_key("zoekindex.js"));
        assert!(b.rest_pending());
        let rest = b.rebuild_rest().expect("pending").map_err(|f| f.problems.0);
        let rest = rest.expect("the rest builds").rest.expect("rest");
        assert!(rest.contains_key("zoekindex.js"));
        assert!(rest.keys().any(|k| k.starts_with("afdrukken/")));
        assert!(!rest.contains_key("index.html"));
        assert!(!b.rest_pending());

        let css = b.rebuild(change(Part::Static)).map_err(|f| f.problems.0);
        let css = css.expect("statics");
        assert!(css.pages.is_none() && css.statics.is_some());
        assert!(!b.rest_pending(), "no pages, so no rest either");

        let content = b.rebuild(change(Part::Content)).map_err(|f| f.problems.0);
        let content = content.expect("content");
        assert!(content.pages.is_some() && content.statics.is_none());
    }

    #[test]
    fn pages_and_rest_together_are_exactly_what_build_makes() {
        let dir = kit();
        let root = dir.path().join("kit");
        let built = crate::build_site(&root, &RenderOptions::default());
        let built = built.map_err(|f| f.problems.0).expect("builds");
        let mut b = Builder::new(&root);
        let pages = b.rebuild(Changes::default()).map_err(|f| f.problems.0);
        let pages = pages.expect("pages").pages.expect("pages");
        let rest = b.rebuild_rest().expect("pending").map_err(|f| f.problems.0);
        let rest = rest.expect("rest").rest.expect("rest");
        assert!(pages.keys().all(|k| !rest.contains_key(k)), "no file twice");
        let mut preview: Vec<(&String, &Bytes)> = pages.iter().chain(rest.iter()).collect();
        preview.sort();
        let mut build: Vec<(&String, Bytes)> = built
            .files
            .iter()
            .map(|f| (&f.path, Bytes::from(f.bytes.clone())))
            .collect();
        build.sort();
        let build: Vec<(&String, &Bytes)> = build.iter().map(|(k, v)| (*k, v)).collect();
        assert_eq!(preview, build);
    }

    #[test]
    fn a_save_without_a_change_renders_nothing() {
        let dir = kit();
        let root = dir.path().join("kit");
        let mut b = Builder::new(&root);
        assert!(b.rebuild(Changes::default()).is_ok());
        assert!(b.rebuild_rest().is_some_and(|r| r.is_ok()));
        let page = walkdir::WalkDir::new(root.join("content/elementen"))
            .into_iter()
            .filter_map(Result::ok)
            .find(|e| e.path().extension().is_some_and(|x| x == "md"))
            .expect("an element");
        let text = std::fs::read(page.path()).expect("read");
        std::fs::write(page.path(), text).expect("write");
        let rel = page.path().strip_prefix(&root).expect("inside");
        let mut c = Changes::default();
        c.add(Part::Content, rel.to_path_buf());
        let built = b.rebuild(c).map_err(|f| f.problems.0).expect("rebuilds");
        assert!(built.quick && built.pages.is_none());
        assert!(!b.rest_pending(), "nothing to render after it either");
    }

    #[test]
    fn a_change_gives_up_the_rest_and_it_is_rendered_after() {
        let dir = kit();
        let root = dir.path().join("kit");
        let mut b = Builder::new(&root);
        assert!(b.rebuild(Changes::default()).is_ok());
        // What the file watcher does when a file changes.
        b.stop_flag().store(true, Ordering::Relaxed);
        assert!(b.rebuild_rest().is_none(), "given up");
        assert!(b.rest_pending(), "still to do");
        let rest = b.rebuild_rest().expect("pending").map_err(|f| f.problems.0);
        let rest = rest.expect("the rest builds").rest.expect("rest");
        assert!(rest.contains_key("zoekindex.js"));
        assert!(!b.rest_pending());
    }

    #[test]
    fn a_failed_rebuild_is_redone_by_the_next_change() {
        let dir = kit();
        let root = dir.path().join("kit");
        let mut b = Builder::new(&root);
        assert!(b.rebuild(Changes::default()).is_ok());
        let base = root.join("themes/default/templates/base.html");
        let good = std::fs::read_to_string(&base).expect("base.html");
        std::fs::write(&base, "{% if %}").expect("write");
        assert!(b.rebuild(change(Part::Theme)).is_err());
        std::fs::write(&base, &good).expect("write");
        // Set off by a static change, the retry still reloads the theme and pages.
        let again = b.rebuild(change(Part::Static)).map_err(|f| f.problems.0);
        let again = again.expect("fixed");
        assert!(again.pages.is_some() && again.statics.is_some());
    }

    #[cfg(unix)]
    #[test]
    fn never_reads_symlinks_in_static() {
        let dir = kit();
        let stat = dir.path().join("kit/themes/default/static");
        std::os::unix::fs::symlink("/etc/hostname", stat.join("host.txt")).expect("link");
        std::os::unix::fs::symlink("../../../site.yaml", stat.join("site.yaml")).expect("link");
        let files = read_statics(&stat).map_err(|f| f.problems.0).expect("read");
        assert!(files.contains_key("static/site.css"));
        assert!(!files.contains_key("static/host.txt"));
        assert!(!files.contains_key("static/site.yaml"));
    }
}
