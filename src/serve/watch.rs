//! Watching: which file events mean "rebuild", and when.
//!
//! Editors save in many ways: in place, to a temp file renamed over the original
//! (vim, VS Code, JetBrains), delete and recreate, with backup and swap files on
//! the side. Rather than recognising each editor's sequence of events, any event
//! on a path that can affect the site marks a part of it dirty, and the site is
//! rebuilt from disk once the events have been quiet for a moment. Whatever the
//! sequence was, the rebuild sees its end result.
//!
//! The debouncer is our own, not `notify-debouncer-*`: those debounce per file,
//! while one save touches several files (temp, original, backup) and the site is
//! rebuilt as a whole, so what we need is one quiet period across all paths, with
//! an upper bound so that a continuous stream of saves still shows progress.
//! Where the system says when a writer closes a file (inotify on Linux), a file
//! that was written to but not yet closed also holds the rebuild back, so that a
//! slow writer's half-written file is not reported as broken.

use crate::load::is_ignored;
use crate::site::{Changes, Part};
use notify::EventKind;
use notify::event::{AccessKind, AccessMode, ModifyKind};
use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::time::{Duration, Instant};

/// Whether an event kind can mean a change. Opening and reading files (which
/// every rebuild does) cannot; a finished write can.
pub fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// The part of the toolkit at `root` that `path` belongs to, or `None` when a
/// change to it cannot affect the site: the output, anything outside the toolkit,
/// hidden files, editors' swap, backup and temp files.
pub fn classify(root: &Path, path: &Path) -> Option<(Part, PathBuf)> {
    let rel = path.strip_prefix(root).ok()?;
    let mut names = Vec::new();
    for c in rel.components() {
        match c {
            Component::Normal(name) => names.push(name.to_str()?),
            _ => return None,
        }
    }
    if names.iter().any(|n| is_ignored(n)) {
        return None;
    }
    let part = match names[..] {
        ["site.yaml"] => Part::Config,
        ["content", ..] => Part::Content,
        // A theme folder as a whole: created, removed or renamed.
        ["themes"] | ["themes", _] => Part::Theme,
        ["themes", _, "static", ..] => Part::Static,
        ["themes", ..] => Part::Theme,
        _ => return None,
    };
    Some((part, rel.to_path_buf()))
}

/// Files written to and not yet closed by their writer.
#[derive(Debug, Default)]
pub struct OpenWrites(HashSet<PathBuf>);

impl OpenWrites {
    /// Follows one event on `path`. Only inotify reports closing a written file,
    /// so elsewhere nothing is ever held open.
    pub fn track(&mut self, kind: &EventKind, path: &Path) {
        if !cfg!(target_os = "linux") {
            return;
        }
        match kind {
            EventKind::Modify(ModifyKind::Data(_)) => {
                self.0.insert(path.to_path_buf());
            }
            EventKind::Access(AccessKind::Close(AccessMode::Write))
            | EventKind::Modify(ModifyKind::Name(_))
            | EventKind::Remove(_) => {
                self.0.remove(path);
            }
            _ => {}
        }
    }

    /// Forgets everything, when events may have been lost.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn any(&self) -> bool {
        !self.0.is_empty()
    }
}

/// Collects changes until they have been quiet for `quiet`, or pending for `max`;
/// while a file is still being written, until it is closed or pending for `hold`.
#[derive(Debug)]
pub struct Debouncer {
    quiet: Duration,
    max: Duration,
    hold: Duration,
    first: Option<Instant>,
    last: Option<Instant>,
    pending: Changes,
}

impl Debouncer {
    pub fn new(quiet: Duration, max: Duration, hold: Duration) -> Debouncer {
        Debouncer {
            quiet,
            max,
            hold,
            first: None,
            last: None,
            pending: Changes::default(),
        }
    }

    /// Records a change seen at `now`.
    pub fn push(&mut self, changes: Changes, now: Instant) {
        if changes.is_empty() {
            return;
        }
        self.first.get_or_insert(now);
        self.last = Some(now);
        self.pending.merge(changes);
    }

    /// When the pending changes are due, if there are any; `writing` says a
    /// file is still open for writing.
    pub fn deadline(&self, writing: bool) -> Option<Instant> {
        let (first, last) = (self.first?, self.last?);
        if writing {
            return Some(first + self.hold);
        }
        Some((last + self.quiet).min(first + self.max))
    }

    /// The pending changes when they are due at `now`; they are then cleared.
    pub fn take_due(&mut self, now: Instant, writing: bool) -> Option<Changes> {
        if self.deadline(writing)? > now {
            return None;
        }
        self.first = None;
        self.last = None;
        Some(std::mem::take(&mut self.pending))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(path: &str) -> Option<Part> {
        let root = Path::new("/kit");
        classify(root, &root.join(path)).map(|(p, _)| p)
    }

    #[test]
    fn sorts_paths_into_the_parts_they_affect() {
        assert_eq!(part("content/elementen/los.md"), Some(Part::Content));
        assert_eq!(part("content/nieuw/map"), Some(Part::Content));
        assert_eq!(part("content"), Some(Part::Content));
        assert_eq!(part("site.yaml"), Some(Part::Config));
        assert_eq!(
            part("themes/default/templates/base.html"),
            Some(Part::Theme)
        );
        assert_eq!(part("themes/default/i18n/nl.yaml"), Some(Part::Theme));
        assert_eq!(part("themes/default"), Some(Part::Theme));
        assert_eq!(part("themes"), Some(Part::Theme));
        assert_eq!(part("themes/default/static/site.css"), Some(Part::Static));
        assert_eq!(
            part("themes/default/static/fonts/x.woff2"),
            Some(Part::Static)
        );
    }

    #[test]
    fn ignores_swap_backup_and_temp_files() {
        for path in [
            "content/elementen/.los.md.swp",
            "content/elementen/.los.md.swx",
            "content/elementen/los.md~",
            "content/elementen/.#los.md",
            "content/elementen/#los.md#",
            "content/elementen/4913",
            "content/elementen/los.md___jb_tmp___",
            "content/elementen/los.md___jb_old___",
            "themes/default/templates/.base.html.swp",
            "themes/default/static/site.css~",
            "content/.git/index",
            ".site.yaml.swp",
            "site.yaml~",
        ] {
            assert_eq!(part(path), None, "{path}");
        }
    }

    #[test]
    fn ignores_everything_outside_content_themes_and_config() {
        for path in [
            "public/index.html",
            "target/release/werkplaats",
            "README.md",
            "site.yml",
            "contentx/a.md",
        ] {
            assert_eq!(part(path), None, "{path}");
        }
        assert_eq!(
            classify(Path::new("/kit"), Path::new("/elsewhere/content/a.md")),
            None
        );
    }

    #[test]
    fn reading_a_file_is_not_a_change() {
        use notify::event::{CreateKind, ModifyKind, RemoveKind, RenameMode};
        assert!(!is_change(&EventKind::Access(AccessKind::Open(
            AccessMode::Any
        ))));
        assert!(!is_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
        for kind in [
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            EventKind::Create(CreateKind::File),
            EventKind::Remove(RemoveKind::Folder),
            EventKind::Modify(ModifyKind::Name(RenameMode::To)),
            EventKind::Modify(ModifyKind::Any),
            EventKind::Other,
        ] {
            assert!(is_change(&kind), "{kind:?}");
        }
    }

    fn change(part: Part) -> Changes {
        let mut c = Changes::default();
        c.add(part, PathBuf::from("x"));
        c
    }

    const QUIET: Duration = Duration::from_millis(20);
    const MAX: Duration = Duration::from_millis(200);
    const HOLD: Duration = Duration::from_millis(1000);

    #[test]
    fn a_file_still_being_written_holds_the_rebuild() {
        let t0 = Instant::now();
        let ms = |n| t0 + Duration::from_millis(n);
        let mut d = Debouncer::new(QUIET, MAX, HOLD);
        // Truncated and not yet written: not due after the quiet period, nor max.
        d.push(change(Part::Content), ms(0));
        assert_eq!(d.take_due(ms(300), true), None);
        // Closed at 400 ms, past `max`: due as soon as it is closed.
        d.push(change(Part::Content), ms(400));
        assert_eq!(d.deadline(false), Some(ms(200)));
        assert!(d.take_due(ms(400), false).is_some());
        // A writer that never closes holds it back only so long.
        d.push(change(Part::Content), ms(500));
        assert_eq!(d.take_due(ms(1499), true), None);
        assert!(d.take_due(ms(1500), true).is_some());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn follows_which_files_are_open_for_writing() {
        use notify::event::{DataChange, RemoveKind, RenameMode};
        let path = Path::new("/kit/content/elementen/abc.md");
        let mut open = OpenWrites::default();
        let written = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));
        open.track(&written, path);
        assert!(open.any());
        open.track(&EventKind::Access(AccessKind::Open(AccessMode::Any)), path);
        assert!(open.any(), "opening again does not finish the write");
        open.track(&closed, path);
        assert!(!open.any());
        for gone in [
            EventKind::Remove(RemoveKind::File),
            EventKind::Modify(ModifyKind::Name(RenameMode::From)),
        ] {
            open.track(&written, path);
            open.track(&gone, path);
            assert!(!open.any(), "{gone:?}");
        }
    }

    #[test]
    fn waits_for_a_quiet_moment() {
        let t0 = Instant::now();
        let ms = |n| t0 + Duration::from_millis(n);
        let mut d = Debouncer::new(QUIET, MAX, HOLD);
        assert_eq!(d.deadline(false), None);
        assert_eq!(d.take_due(ms(1000), false), None);

        // A save in three steps (temp written, renamed over, backup removed).
        d.push(change(Part::Content), ms(0));
        d.push(change(Part::Content), ms(5));
        d.push(change(Part::Content), ms(12));
        assert_eq!(d.deadline(false), Some(ms(32)));
        assert_eq!(d.take_due(ms(31), false), None);
        let due = d
            .take_due(ms(32), false)
            .expect("due after the quiet period");
        assert!(due.content && !due.theme);
        assert_eq!(d.take_due(ms(100), false), None, "taken once");
    }

    #[test]
    fn merges_what_changed_in_a_batch() {
        let t0 = Instant::now();
        let mut d = Debouncer::new(QUIET, MAX, HOLD);
        d.push(change(Part::Content), t0);
        d.push(change(Part::Static), t0);
        d.push(Changes::default(), t0 + Duration::from_millis(15));
        let due = d.take_due(t0 + QUIET, false).expect("due");
        assert!(due.content && due.statics && !due.theme && !due.config);
    }

    #[test]
    fn a_stream_of_saves_is_still_rebuilt_every_max() {
        let t0 = Instant::now();
        let mut d = Debouncer::new(QUIET, MAX, HOLD);
        let mut taken = Vec::new();
        // A save every 10 ms for a second never leaves a quiet moment.
        for i in 0..100 {
            let now = t0 + Duration::from_millis(i * 10);
            if d.take_due(now, false).is_some() {
                taken.push(i * 10);
            }
            d.push(change(Part::Content), now);
        }
        assert_eq!(taken, [200, 400, 600, 800]);
        // The last batch started at 800 ms, so it is due at 1000 ms at the latest.
        assert_eq!(d.deadline(false), Some(t0 + Duration::from_millis(1000)));
    }
}
