//! What the preview serves right now, and what open pages are told when it changes.
//!
//! A snapshot is replaced whole, never edited: a request sees one complete
//! build. A failed build keeps the last good files and only adds the error, so
//! the site stays browsable while the editor fixes it.

use super::reload::{Message, Overlay};
use crate::site::{Built, Files};
use axum::body::Bytes;
use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};
use tokio::sync::{broadcast, watch};

/// The site as served at one moment.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// Tells this server run apart from others, so a page from an earlier run
    /// reloads after a restart.
    pub session: String,
    /// Counts published changes.
    pub generation: u64,
    pub pages: Arc<Files>,
    /// What no page needs to show: print pages, the search index.
    pub rest: Arc<Files>,
    pub statics: Arc<Files>,
    /// Files from `content/bestanden/`.
    pub assets: Arc<Files>,
    /// Whether a build has ever succeeded (until then there is nothing to serve).
    pub ready: bool,
    /// Overlay texts from the theme's UI strings.
    pub labels: Labels,
    /// Set while the latest build failed.
    pub error: Option<Overlay>,
}

/// The overlay's own words, from the theme (`voorbeeld_*` keys).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Labels {
    pub title: String,
    /// Under the title, while the last good site is shown.
    pub hint: String,
    /// Under the title, when no build has succeeded yet.
    pub hint_first: String,
    pub close: String,
}

impl Labels {
    pub fn from_strings(strings: &BTreeMap<String, String>) -> Labels {
        let get = |k: &str| strings.get(k).cloned().unwrap_or_default();
        Labels {
            title: get("voorbeeld_fout"),
            hint: get("voorbeeld_fout_uitleg"),
            hint_first: get("voorbeeld_fout_eerste"),
            close: get("voorbeeld_sluiten"),
        }
    }
}

impl Snapshot {
    pub fn new(session: String) -> Snapshot {
        Snapshot {
            session,
            ..Snapshot::default()
        }
    }

    /// Identifies the build a page was served from.
    pub fn build_id(&self) -> String {
        format!("{}-{}", self.session, self.generation)
    }

    /// A file of the site by output key.
    pub fn file(&self, key: &str) -> Option<&axum::body::Bytes> {
        self.pages
            .get(key)
            .or_else(|| self.rest.get(key))
            .or_else(|| self.statics.get(key))
            .or_else(|| self.assets.get(key))
    }

    /// Whether `file(key)` is a download from `content/bestanden/`, which
    /// the toolkit's authors did not write as pages of the site.
    pub fn is_download(&self, key: &str) -> bool {
        self.assets.contains_key(key)
            && !(self.pages.contains_key(key)
                || self.rest.contains_key(key)
                || self.statics.contains_key(key))
    }

    /// The snapshot after a successful rebuild, and the message for open pages
    /// (`None` when nothing they show changed). `complete`: no second pass
    /// follows; until then an error is kept, since that pass may fail too.
    pub fn succeeded(&self, built: Built, complete: bool) -> (Snapshot, Option<Message>) {
        let mut next = self.clone();
        next.labels = Labels::from_strings(&built.strings);
        if complete {
            next.error = None;
        }
        let pages = match built.pages {
            Some(pages) => {
                let changed = if self.ready {
                    changed_keys(&self.pages, &pages)
                } else {
                    None
                };
                next.pages = pages;
                changed
            }
            None => Some(Vec::new()),
        };
        // Named one by one, even when added or removed: no other page shows them.
        let rest = match built.rest {
            Some(rest) => {
                let differing = differing_keys(&self.rest, &rest);
                next.rest = rest;
                differing
            }
            None => Vec::new(),
        };
        let pages = pages.map(|mut keys| {
            keys.extend(rest);
            keys
        });
        let statics = match built.statics {
            Some(statics) => {
                let changed = changed_keys(&self.statics, &statics);
                next.statics = statics;
                changed
            }
            None => Some(Vec::new()),
        };
        let assets = match built.assets {
            Some(assets) => {
                let changed = changed_keys(&self.assets, &assets);
                next.assets = assets;
                changed
            }
            None => Some(Vec::new()),
        };
        next.ready = true;
        // Only stylesheets can be swapped in place; any other static file
        // (script, font, image) may be used by any page.
        let css_only = statics
            .as_ref()
            .is_some_and(|keys| keys.iter().all(|k| k.ends_with(".css")));
        let css = css_only && statics.as_ref().is_some_and(|k| !k.is_empty());
        // Any page may show an image or link a download.
        let assets_same = assets.as_ref().is_some_and(Vec::is_empty);
        let pages = if css_only && assets_same { pages } else { None };
        let nothing = !css && pages.as_ref().is_some_and(Vec::is_empty);
        if nothing && next.error == self.error && self.ready {
            return (next, None);
        }
        next.generation += 1;
        let message = Message::Change {
            build: next.build_id(),
            pages,
            css,
            error: next.error.clone(),
        };
        (next, Some(message))
    }

    /// The snapshot after a failed rebuild: the same files, with the error.
    pub fn failed(&self, report: String) -> (Snapshot, Message) {
        let hint = if self.ready {
            &self.labels.hint
        } else {
            &self.labels.hint_first
        };
        let overlay = Overlay {
            title: self.labels.title.clone(),
            hint: hint.clone(),
            close: self.labels.close.clone(),
            report,
        };
        let mut next = self.clone();
        next.error = Some(overlay.clone());
        (next, Message::Error { overlay })
    }
}

/// Keys added, removed or changed.
fn differing_keys(old: &Files, new: &Files) -> Vec<String> {
    let mut keys: Vec<String> = new
        .iter()
        .filter(|(k, v)| !old.get(*k).is_some_and(|o| same(o, v)))
        .map(|(k, _)| k.clone())
        .chain(old.keys().filter(|k| !new.contains_key(*k)).cloned())
        .collect();
    keys.sort();
    keys
}

/// Whether two files hold the same bytes; a file kept from the last rebuild
/// (the same buffer) is not compared byte by byte.
fn same(a: &Bytes, b: &Bytes) -> bool {
    (a.as_ptr() == b.as_ptr() && a.len() == b.len()) || a == b
}

/// Keys whose bytes differ, or `None` when files were added or removed (which
/// changes navigation and links everywhere).
fn changed_keys(old: &Files, new: &Files) -> Option<Vec<String>> {
    if old.len() != new.len() || new.keys().any(|k| !old.contains_key(k)) {
        return None;
    }
    let mut changed: Vec<String> = new
        .iter()
        .filter(|(k, v)| !old.get(*k).is_some_and(|o| same(o, v)))
        .map(|(k, _)| k.clone())
        .collect();
    changed.sort();
    Some(changed)
}

/// What the server and the rebuild thread share.
pub struct Shared {
    snapshot: RwLock<Arc<Snapshot>>,
    events: broadcast::Sender<Message>,
    shutdown: watch::Sender<bool>,
}

impl Shared {
    pub fn new(snapshot: Snapshot) -> Shared {
        Shared {
            snapshot: RwLock::new(Arc::new(snapshot)),
            events: broadcast::channel(64).0,
            shutdown: watch::channel(false).0,
        }
    }

    /// The snapshot to serve a request from.
    pub fn current(&self) -> Arc<Snapshot> {
        match self.snapshot.read() {
            Ok(s) => Arc::clone(&s),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// Serves `snapshot` from now on and tells open pages `message`.
    pub fn publish(&self, snapshot: Snapshot, message: Option<Message>) {
        match self.snapshot.write() {
            Ok(mut s) => *s = Arc::new(snapshot),
            Err(poisoned) => *poisoned.into_inner() = Arc::new(snapshot),
        }
        if let Some(m) = message {
            // No receivers just means no page is open.
            let _ = self.events.send(m);
        }
    }

    /// The greeting for a page that (re)connects: the current build and error.
    pub fn hello(&self) -> Message {
        let s = self.current();
        Message::Hello {
            build: s.build_id(),
            error: s.error.clone(),
        }
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Message> {
        self.events.subscribe()
    }

    pub fn shutdown_signal(&self) -> watch::Receiver<bool> {
        self.shutdown.subscribe()
    }

    /// Tells every open connection to close.
    pub fn shut_down(&self) {
        let _ = self.shutdown.send(true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Bytes;

    fn files(entries: &[(&str, &str)]) -> Arc<Files> {
        Arc::new(
            entries
                .iter()
                .map(|(k, v)| (k.to_string(), Bytes::from(v.to_string())))
                .collect(),
        )
    }

    fn built(pages: Option<Arc<Files>>, statics: Option<Arc<Files>>) -> Built {
        Built {
            pages,
            statics,
            ..Built::default()
        }
    }

    impl Snapshot {
        fn succeeded_all(&self, built: Built) -> (Snapshot, Option<Message>) {
            self.succeeded(built, true)
        }
    }

    fn start() -> Snapshot {
        let (s, m) = Snapshot::new("t".into()).succeeded_all(built(
            Some(files(&[("index.html", "a"), ("x/index.html", "b")])),
            Some(files(&[("static/site.css", "c"), ("static/app.js", "d")])),
        ));
        assert!(matches!(m, Some(Message::Change { pages: None, .. })));
        s
    }

    fn change(m: Option<Message>) -> (Option<Vec<String>>, bool) {
        match m {
            Some(Message::Change { pages, css, .. }) => (pages, css),
            other => panic!("expected a change, got {other:?}"),
        }
    }

    #[test]
    fn names_the_pages_that_changed() {
        let s = start();
        let (next, m) = s.succeeded_all(built(
            Some(files(&[("index.html", "a"), ("x/index.html", "B")])),
            None,
        ));
        assert_eq!(change(m), (Some(vec!["x/index.html".to_string()]), false));
        assert_eq!(next.generation, s.generation + 1);
        assert_ne!(next.build_id(), s.build_id());
    }

    #[test]
    fn a_new_or_removed_page_reloads_every_page() {
        let s = start();
        let (_, m) = s.succeeded_all(built(Some(files(&[("index.html", "a")])), None));
        assert_eq!(change(m), (None, false));
    }

    #[test]
    fn a_stylesheet_alone_is_swapped_in_place() {
        let s = start();
        let (_, m) = s.succeeded_all(built(
            None,
            Some(files(&[("static/site.css", "C"), ("static/app.js", "d")])),
        ));
        assert_eq!(change(m), (Some(vec![]), true));
        // A script is not a stylesheet: every page reloads.
        let (_, m) = s.succeeded_all(built(
            None,
            Some(files(&[("static/site.css", "C"), ("static/app.js", "D")])),
        ));
        assert_eq!(change(m), (None, false));
    }

    #[test]
    fn the_rest_names_what_it_added_removed_or_changed() {
        let (s, _) = start().succeeded_all(Built {
            rest: Some(files(&[
                ("zoekindex.js", "1"),
                ("afdrukken/a/index.html", "a"),
            ])),
            ..built(None, None)
        });
        let (_, m) = s.succeeded_all(Built {
            rest: Some(files(&[
                ("zoekindex.js", "2"),
                ("afdrukken/b/index.html", "b"),
            ])),
            ..built(None, None)
        });
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            change(m),
            (
                Some(names(&[
                    "afdrukken/a/index.html",
                    "afdrukken/b/index.html",
                    "zoekindex.js"
                ])),
                false
            )
        );
    }

    #[test]
    fn an_error_stands_until_the_rest_is_rebuilt_too() {
        let (broken, _) = start().failed("kapot".into());
        let pages = Some(files(&[("index.html", "A"), ("x/index.html", "b")]));
        let (half, m) = broken.succeeded(built(pages, None), false);
        assert!(half.error.is_some(), "the rest may fail yet");
        assert!(matches!(m, Some(Message::Change { error: Some(_), .. })));
        let (whole, m) = half.succeeded(built(None, None), true);
        assert!(whole.error.is_none());
        assert!(matches!(m, Some(Message::Change { error: None, .. })));
    }

    #[test]
    fn a_changed_image_reloads_every_page() {
        let s = start();
        let mut b = built(Some(s.pages.clone()), None);
        b.assets = Some(files(&[("bestanden/foto.png", "1")]));
        let (s, m) = s.succeeded_all(b);
        assert_eq!(change(m), (None, false));
        let mut b = built(Some(s.pages.clone()), None);
        b.assets = Some(files(&[("bestanden/foto.png", "2")]));
        let (_, m) = s.succeeded_all(b);
        assert_eq!(change(m), (None, false));
    }

    #[test]
    fn a_save_that_changes_nothing_tells_nobody() {
        let s = start();
        let (next, m) = s.succeeded_all(built(
            Some(files(&[("index.html", "a"), ("x/index.html", "b")])),
            None,
        ));
        assert!(m.is_none());
        assert_eq!(next.build_id(), s.build_id());
    }

    #[test]
    fn an_error_keeps_the_files_and_the_next_good_build_clears_it() {
        let s = start();
        let (broken, m) = s.failed("content/x.md:3: fout".into());
        assert!(matches!(m, Message::Error { ref overlay } if overlay.report.contains("x.md:3")));
        assert_eq!(broken.pages, s.pages);
        assert!(broken.error.is_some());
        // Fixed back to exactly the last good content: nothing to reload, but the
        // overlay must go.
        let (fixed, m) = broken.succeeded_all(built(
            Some(files(&[("index.html", "a"), ("x/index.html", "b")])),
            None,
        ));
        assert_eq!(change(m), (Some(vec![]), false));
        assert!(fixed.error.is_none());
    }
}
