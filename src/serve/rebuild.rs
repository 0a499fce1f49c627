//! The rebuild loop: file events in, published snapshots out.
//!
//! Runs on its own thread, so rendering never holds up a request. It waits for a
//! quiet moment after changes (`watch::Debouncer`), rebuilds what they touched
//! (`crate::site::Builder`) and publishes the pages; then, unless more changes came in
//! meanwhile, it renders and publishes the rest. A failed build is published only
//! when no further change follows within a moment: saving in several steps can
//! briefly leave a file missing or half written, and that should not flash an
//! error over the page.

use super::boundary;
use super::state::{Labels, Shared, Snapshot};
use super::watch::{Debouncer, OpenWrites, classify, is_change};
use crate::Failure;
use crate::diagnostics::{Message, Problem, render_report};
use crate::language::Language;
use crate::site::{Builder, Built, Changes};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// How long changes must be quiet before a rebuild: long enough for an
/// editor's multi-step save (its steps follow each other within a millisecond
/// or two), short enough to feel immediate. A file still open for writing and a
/// failed build get their own, longer waits.
pub const QUIET: Duration = Duration::from_millis(8);
/// A continuous stream of changes is still rebuilt this often.
pub const MAX_WAIT: Duration = Duration::from_millis(250);
/// How long a file still open for writing can hold a rebuild back.
pub const WRITE_HOLD: Duration = Duration::from_millis(1000);
/// How long a failed build waits for a further change before it is shown.
pub const ERROR_GRACE: Duration = Duration::from_millis(100);

type Event = notify::Result<notify::Event>;

/// Watches `content/`, `themes/` and `site.yaml` below `root`.
pub struct FileWatcher {
    root: PathBuf,
    /// The language of its notes in the terminal.
    language: Language,
    watcher: RecommendedWatcher,
    events: Receiver<Event>,
    writing: OpenWrites,
}

impl FileWatcher {
    /// Starts watching; `stop` is set as soon as a file changes (see
    /// `site::Builder::stop_flag`), before the event reaches the rebuild loop.
    pub fn start(
        root: &Path,
        stop: Arc<AtomicBool>,
        language: Language,
    ) -> notify::Result<FileWatcher> {
        let (tx, events) = channel();
        let config = notify::Config::default().with_follow_symlinks(false);
        let watched = root.to_path_buf();
        let handler = move |event: Event| {
            let counts = match &event {
                Ok(e) => {
                    e.need_rescan()
                        || (is_change(&e.kind)
                            && e.paths.iter().any(|p| classify(&watched, p).is_some()))
                }
                Err(_) => true,
            };
            if counts {
                stop.store(true, Ordering::Relaxed);
            }
            let _ = tx.send(event);
        };
        let mut watcher = RecommendedWatcher::new(handler, config)?;
        // The root itself only for its direct entries: site.yaml, and content/
        // or themes/ appearing or disappearing. Never the output or target/.
        watcher.watch(root, RecursiveMode::NonRecursive)?;
        let mut w = FileWatcher {
            root: root.to_path_buf(),
            language,
            watcher,
            events,
            writing: OpenWrites::default(),
        };
        w.rewatch("content");
        w.rewatch("themes");
        Ok(w)
    }

    /// (Re)starts the recursive watch on a top folder, after it was created,
    /// removed or renamed.
    fn rewatch(&mut self, dir: &str) {
        let path = self.root.join(dir);
        let _ = self.watcher.unwatch(&path);
        if path.is_dir()
            && let Err(e) = self.watcher.watch(&path, RecursiveMode::Recursive)
        {
            let note = Message::new("serve-kan-niet-volgen")
                .arg("map", dir)
                .arg("fout", e);
            eprintln!("{}", note.say(self.language));
        }
    }

    /// Blocks until a set of changes is due: quiet for `quiet`, and no file
    /// still being written (up to `WRITE_HOLD`). `None` once the watcher has
    /// stopped. For watchers that need no rebuild loop (`check --watch`).
    pub fn next_changes(&mut self, quiet: Duration) -> Option<Changes> {
        let mut debouncer = Debouncer::new(quiet, MAX_WAIT.max(quiet), WRITE_HOLD);
        loop {
            let received = match debouncer.deadline(self.writing.any()) {
                Some(at) => self
                    .events
                    .recv_timeout(at.saturating_duration_since(Instant::now())),
                None => self
                    .events
                    .recv()
                    .map_err(|_| RecvTimeoutError::Disconnected),
            };
            match received {
                Ok(event) => {
                    let changes = self.changes(event);
                    debouncer.push(changes, Instant::now());
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return None,
            }
            if let Some(changes) = debouncer.take_due(Instant::now(), self.writing.any()) {
                for top in ["content", "themes"] {
                    if changes.paths.contains(Path::new(top)) {
                        self.rewatch(top);
                    }
                }
                return Some(changes);
            }
        }
    }

    /// The changes an event stands for.
    fn changes(&mut self, event: Event) -> Changes {
        let event = match event {
            Ok(event) => event,
            Err(e) => {
                let note = Message::new("serve-volgfout").arg("fout", e);
                eprintln!("{}", note.say(self.language));
                self.writing.clear();
                return Changes::everything();
            }
        };
        if event.need_rescan() {
            self.writing.clear();
            return Changes::everything();
        }
        let mut changes = Changes::default();
        if is_change(&event.kind) {
            for path in &event.paths {
                if let Some((part, rel)) = classify(&self.root, path) {
                    self.writing.track(&event.kind, path);
                    changes.add(part, rel);
                }
            }
        }
        changes
    }
}

/// Rebuilds and publishes, and says so in the terminal.
pub struct Publisher {
    builder: Builder,
    shared: Arc<Shared>,
    /// The language of the terminal's lines and the overlay's report.
    language: Language,
    /// Warnings are repeated only when they change, not on every save.
    last_warnings: Vec<Problem>,
}

impl Publisher {
    pub fn new(builder: Builder, shared: Arc<Shared>, language: Language) -> Publisher {
        Publisher {
            builder,
            shared,
            language,
            last_warnings: Vec::new(),
        }
    }

    /// Builds and publishes the whole site, failed or not.
    pub fn first(&mut self) {
        match self.rebuild(Changes::everything()) {
            Ok(built) => self.succeeded(built, None),
            Err(failure) => return self.failed(&failure),
        }
        match self.rebuild_rest() {
            Some(Ok(built)) => self.succeeded(built, None),
            Some(Err(failure)) => self.failed(&failure),
            None => {}
        }
    }

    /// `Builder::rebuild` inside the panic boundary.
    fn rebuild(&mut self, changes: Changes) -> Result<Built, Failure> {
        let about = changes.paths.iter().next().cloned();
        self.guarded(about.as_deref(), |b| b.rebuild(changes))
            .and_then(|built| built)
    }

    /// `Builder::rebuild_rest` inside the panic boundary.
    fn rebuild_rest(&mut self) -> Option<Result<Built, Failure>> {
        self.guarded(None, Builder::rebuild_rest)
            .unwrap_or_else(|failure| Some(Err(failure)))
    }

    /// Runs one rebuild step; a panic in it becomes a failure about `about`
    /// (the file whose save set it off), and the builder forgets what the step
    /// may have left half done.
    fn guarded<T>(
        &mut self,
        about: Option<&Path>,
        step: impl FnOnce(&mut Builder) -> T,
    ) -> Result<T, Failure> {
        let builder = &mut self.builder;
        boundary::catch(|| step(builder)).map_err(|panic| {
            self.builder.forget();
            boundary::internal_error(about, &panic)
        })
    }

    fn succeeded(&mut self, built: Built, timing: Option<(Instant, String)>) {
        if built.pages.is_some() && built.warnings.0 != self.last_warnings {
            self.last_warnings = built.warnings.0.clone();
            if !built.warnings.is_empty() {
                let problems = built.warnings.clone().sorted();
                let report = render_report(&problems, &built.texts, color(), self.language);
                eprint!("{report}");
            }
        }
        let old = self.shared.current();
        let complete = !self.builder.rest_pending();
        let (next, message) = old.succeeded(built, complete);
        if old.error.is_some() && next.error.is_none() && old.ready {
            eprintln!("{}", Message::new("serve-weer-in-orde").say(self.language));
        }
        if let (Some(_), Some((started, paths))) = (&message, timing) {
            let note = Message::new("serve-bijgewerkt")
                .arg("ms", started.elapsed().as_millis())
                .arg("paden", paths);
            eprintln!("{}", note.say(self.language));
        }
        self.shared.publish(next, message);
    }

    fn failed(&mut self, failure: &Failure) {
        let problems = failure.problems.clone().sorted();
        let language = self.language;
        eprint!(
            "{}",
            render_report(&problems, &failure.texts, color(), language)
        );
        let plain = render_report(&problems, &failure.texts, false, language);
        let mut current = Snapshot::clone(&self.shared.current());
        if current.labels == Labels::default() {
            // No build has loaded the theme yet; its strings may still be readable.
            current.labels = Labels::from_strings(&self.builder.strings_without_build());
        }
        let (next, message) = current.failed(plain);
        self.shared.publish(next, Some(message));
        self.last_warnings.clear();
    }
}

/// Rebuilds on every change until the watcher stops.
pub fn run(mut files: FileWatcher, mut publisher: Publisher) {
    let mut debouncer = Debouncer::new(QUIET, MAX_WAIT, WRITE_HOLD);
    // A failed build waiting to be shown, and when.
    let mut held: Option<(Failure, Instant)> = None;
    loop {
        // The rest of a rebuild waits only for changes that came in meanwhile.
        let rest_now = publisher.builder.rest_pending() && debouncer.deadline(false).is_none();
        let wake = [
            debouncer.deadline(files.writing.any()),
            held.as_ref().map(|(_, at)| *at),
            rest_now.then(Instant::now),
        ]
        .into_iter()
        .flatten()
        .min();
        let received = match wake {
            Some(at) => files
                .events
                .recv_timeout(at.saturating_duration_since(Instant::now())),
            None => files
                .events
                .recv()
                .map_err(|_| RecvTimeoutError::Disconnected),
        };
        match received {
            Ok(event) => {
                let changes = files.changes(event);
                debouncer.push(changes, Instant::now());
                // Take in whatever else is waiting before deciding what to do:
                // the rest must not start while a change is still queued.
                while let Ok(event) = files.events.try_recv() {
                    let changes = files.changes(event);
                    debouncer.push(changes, Instant::now());
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        let now = Instant::now();
        if let Some(changes) = debouncer.take_due(now, files.writing.any()) {
            for top in ["content", "themes"] {
                if changes.paths.contains(Path::new(top)) {
                    files.rewatch(top);
                }
            }
            let paths = describe(&changes, &files.root);
            match publisher.rebuild(changes) {
                Ok(built) => {
                    held = None;
                    publisher.succeeded(built, Some((now, paths)));
                }
                Err(failure) => held = Some((failure, Instant::now() + ERROR_GRACE)),
            }
        } else if publisher.builder.rest_pending() && debouncer.deadline(false).is_none() {
            match publisher.rebuild_rest() {
                Some(Ok(built)) => publisher.succeeded(built, None),
                Some(Err(failure)) => held = Some((failure, Instant::now() + ERROR_GRACE)),
                None => {}
            }
        } else if debouncer.deadline(false).is_none()
            && held.as_ref().is_some_and(|(_, at)| *at <= now)
            && let Some((failure, _)) = held.take()
        {
            publisher.failed(&failure);
        }
    }
}

/// Colour for people at a terminal, unless NO_COLOR says otherwise.
fn color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// The first few changed paths, for the terminal. A save through a temp
/// file (`sed -i`, many editors) also reports the temp file, renamed over
/// the original before the rebuild: only paths that are there now are named,
/// unless none are (files were removed).
fn describe(changes: &Changes, root: &Path) -> String {
    let there: Vec<&PathBuf> = changes
        .paths
        .iter()
        .filter(|p| std::fs::symlink_metadata(root.join(p)).is_ok())
        .collect();
    let paths = if there.is_empty() {
        changes.paths.iter().collect()
    } else {
        there
    };
    let mut names: Vec<String> = paths
        .iter()
        .take(3)
        .map(|p| p.display().to_string())
        .collect();
    if paths.len() > 3 {
        names.push(format!("en {} meer", paths.len() - 3));
    }
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::Part;

    const ABC: &str = "content/elementen/abc.md";

    /// A publisher of the scaffold toolkit, its first build published.
    fn publisher(dir: &Path) -> Publisher {
        let root = dir.join("kit");
        crate::scaffold::create(&root).expect("scaffold");
        let shared = Arc::new(Shared::new(Snapshot::new("t".into())));
        let mut publisher = Publisher::new(Builder::new(&root), shared, Language::Dutch);
        publisher.first();
        assert!(publisher.shared.current().ready);
        publisher
    }

    #[test]
    fn a_panicking_rebuild_is_shown_and_the_next_save_rebuilds() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut publisher = publisher(dir.path());
        let saved = Path::new("themes/default/templates/base.html");
        let failure = publisher
            .guarded(Some(saved), |_| -> Built { panic!("ingebouwde fout") })
            .expect_err("the panic is caught");
        assert_eq!(failure.problems.0[0].file, saved);
        publisher.failed(&failure);
        let report = publisher
            .shared
            .current()
            .error
            .clone()
            .expect("shown")
            .report;
        assert!(
            report.contains("interne fout in werkplaats; meld dit alstublieft"),
            "{report}"
        );
        assert!(report.contains("base.html") && report.contains("ingebouwde fout"));

        let file = dir.path().join("kit").join(ABC);
        let text = std::fs::read_to_string(&file).expect("read");
        std::fs::write(&file, text.replace("Een voorbeeldelement", "Na de fout")).expect("write");
        let mut changes = Changes::default();
        changes.add(Part::Content, ABC.into());
        let built = publisher.rebuild(changes).expect("rebuilds");
        publisher.succeeded(built, None);
        while let Some(rest) = publisher.rebuild_rest() {
            publisher.succeeded(rest.expect("the rest builds"), None);
        }
        let current = publisher.shared.current();
        let page = current.file("elementen/abc/index.html").expect("page");
        assert!(String::from_utf8_lossy(page).contains("Na de fout"));
        assert_eq!(current.error, None, "the error is gone");
    }

    #[test]
    fn the_log_names_the_saved_file_not_the_editors_temp_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("kit");
        crate::scaffold::create(&root).expect("scaffold");
        // What `sed -i` reports: its temp file, renamed over the original.
        let mut changes = Changes::default();
        changes.add(Part::Content, "content/elementen/sedN78Xj1".into());
        changes.add(Part::Content, ABC.into());
        assert_eq!(describe(&changes, &root), ABC);
        // A removed file is still named.
        let mut changes = Changes::default();
        changes.add(Part::Content, "content/paginas/weg.md".into());
        assert_eq!(describe(&changes, &root), "content/paginas/weg.md");
    }
}
