//! `check --watch`: checks again on every save and says what changed.
//!
//! For editors who keep a terminal beside their editor: the first check
//! reports everything, as `check` does; after that only the problems that are
//! new and the ones that are fixed, then where things stand. Files are
//! watched as the preview watches them (`serve::FileWatcher`). A problem is
//! the same problem when its file, severity, message and hint are: a line
//! added above it moves it, and that is not news.

use super::language::Language;
use super::report::Reporter;
use super::strings::{fill, word};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;
use werkplaats::diagnostics::{Problem, Problems, SourceTexts};
use werkplaats::serve::{FileWatcher, boundary};
use werkplaats::{RenderOptions, build_site};

/// How long saves must be quiet before checking again: longer than the
/// preview waits, since a check that sees half a save would report a problem
/// and its fix a moment later.
const QUIET: Duration = Duration::from_millis(100);

/// Checks, then checks again on every save until Ctrl-C.
pub fn run(out: &Reporter, language: Language, root: &Path) -> ExitCode {
    if let Err(problem) = werkplaats::load::root::check_root(root) {
        return out.fail(&Problems(vec![problem]), &SourceTexts::default());
    }
    // Events name absolute paths; they are sorted by where they fall below root.
    let root = &std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    // Watch before the first check, so a save during it is not missed.
    let mut files = match FileWatcher::start(root, Default::default(), language) {
        Ok(files) => files,
        Err(e) => return out.error(root, &fill(language, "watch failed", &[&e.to_string()])),
    };
    boundary::quiet_hook();
    stop_on_signal(language);
    let (mut seen, texts) = check(root);
    out.problems(&seen, &texts);
    out.say(&standing(language, &seen));
    out.say(word(language, "watching"));
    while files.next_changes(QUIET).is_some() {
        let (now, _) = check(root);
        report_changes(out, language, &seen, &now);
        seen = now;
    }
    ExitCode::SUCCESS
}

/// One check as `check` does it, a panic in it reported as a problem.
fn check(root: &Path) -> (Problems, SourceTexts) {
    let checked = boundary::catch(|| build_site(root, &RenderOptions::default()))
        .map_err(|panic| boundary::internal_error(None, &panic))
        .and_then(|built| built);
    let (problems, texts) = match checked {
        Ok(site) => (site.warnings, site.texts),
        Err(failure) => (failure.problems, failure.texts),
    };
    (problems.sorted(), texts)
}

/// The new and the fixed problems, one line each, then where things stand.
fn report_changes(out: &Reporter, language: Language, before: &Problems, now: &Problems) {
    let new = missing_from(now, before);
    let fixed = missing_from(before, now);
    for problem in &new {
        out.line(&format!("{}: {problem}", word(language, "new problem")));
    }
    for problem in &fixed {
        out.line(&format!("{}: {problem}", word(language, "fixed problem")));
    }
    let counts = standing(language, now);
    match new.is_empty() && fixed.is_empty() {
        true => out.say(&fill(language, "unchanged", &[&counts])),
        false => out.say(&fill(language, "now", &[&counts])),
    }
}

/// The problems of `these` that `others` lacks, counting repeats.
fn missing_from<'a>(these: &'a Problems, others: &Problems) -> Vec<&'a Problem> {
    let mut left: Vec<&Problem> = others.iter().collect();
    these
        .iter()
        .filter(|p| match left.iter().position(|o| same(p, o)) {
            Some(i) => {
                left.swap_remove(i);
                false
            }
            None => true,
        })
        .collect()
}

fn same(a: &Problem, b: &Problem) -> bool {
    (a.severity, &a.file, &a.message, &a.hint) == (b.severity, &b.file, &b.message, &b.hint)
}

/// "in orde", or how many errors and warnings there are.
fn standing(language: Language, problems: &Problems) -> String {
    if problems.is_empty() {
        return word(language, "all fine").to_string();
    }
    let (errors, warnings) = (problems.errors(), problems.warnings());
    fill(
        language,
        "count",
        &[&errors.to_string(), &warnings.to_string()],
    )
}

/// Ctrl-C (or SIGTERM) ends the watch with a word, not a killed process.
fn stop_on_signal(language: Language) {
    std::thread::spawn(move || {
        let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        else {
            return;
        };
        runtime.block_on(werkplaats::serve::stop_signal());
        eprintln!("{}", word(language, "stopped"));
        std::process::exit(0);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(list: &[(&str, usize, &str)]) -> Problems {
        Problems(
            list.iter()
                .map(|(file, line, message)| Problem::error(*file, *line, *message))
                .collect(),
        )
    }

    #[test]
    fn a_moved_problem_is_not_news_and_repeats_count() {
        let before = problems(&[("a.md", 3, "x"), ("a.md", 5, "x"), ("b.md", 1, "y")]);
        let now = problems(&[("a.md", 4, "x"), ("c.md", 2, "z")]);
        let new: Vec<_> = missing_from(&now, &before).iter().map(|p| p.line).collect();
        let fixed: Vec<_> = missing_from(&before, &now).iter().map(|p| p.line).collect();
        assert_eq!(new, [2]);
        assert_eq!(fixed, [5, 1]);
    }
}
