//! How the command reports: problems and progress lines in the chosen
//! format and level, and the progress bar of the PDF commands.

use super::language::Language;
use super::strings::{fill, word};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use werkplaats::diagnostics::{
    Message, Problem, Problems, SourceTexts, render_json, render_problems,
};
use werkplaats::write::Written;

/// How problems are reported.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    /// `file:line:column: severity: message`, one problem per line, for
    /// editors' problem matchers, which cannot unescape JSON strings.
    Line,
}

/// Draws a progress bar on stderr while Chromium prints (hidden when not a terminal).
pub struct Bar(indicatif::ProgressBar);

impl werkplaats::pdf::Progress for Bar {
    fn start(&mut self, total: usize) {
        self.0.set_length(total as u64);
    }
    fn job(&mut self, job: &werkplaats::pdf::PdfJob) {
        self.0.set_message(job.file.clone());
    }
    fn done(&mut self) {
        self.0.inc(1);
    }
}

impl Bar {
    fn new() -> Self {
        Bar(indicatif::ProgressBar::new(0).with_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        ))
    }
}

/// Runs `job` with a progress bar on stderr, cleared when it ends.
pub fn with_bar<T>(job: impl FnOnce(&mut Bar) -> T) -> T {
    let mut progress = Bar::new();
    let bar = progress.0.clone();
    let result = job(&mut progress);
    bar.finish_and_clear();
    result
}

/// How much `say` prints: `-q` only problems, `-v` also details.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Quiet,
    Normal,
    Verbose,
}

/// Shows problems and messages in the chosen format.
pub struct Reporter {
    pub format: Format,
    pub level: Level,
    /// The language of the command's own words (see `cli::language`).
    pub language: Language,
}

impl Reporter {
    /// Problems sorted, errors first: quoted lines for people, JSON lines
    /// (stdout) for tools. No count: each command closes with its own line.
    pub fn problems(&self, problems: &Problems, texts: &SourceTexts) {
        let sorted = problems.clone().sorted();
        match self.format {
            Format::Json => print!("{}", render_json(&sorted, self.language)),
            Format::Line => print!("{}", render_lines(&sorted, self.language)),
            Format::Human if !sorted.is_empty() => {
                let color =
                    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
                eprint!("{}", render_problems(&sorted, texts, color, self.language));
            }
            Format::Human => {}
        }
    }

    /// The warnings of a command that succeeded, and their count when there are any.
    pub fn warnings(&self, warnings: &Problems, texts: &SourceTexts) {
        self.problems(warnings, texts);
        if !warnings.is_empty() {
            self.say(&self.tally(warnings));
        }
    }

    pub fn fail(&self, problems: &Problems, texts: &SourceTexts) -> ExitCode {
        self.problems(problems, texts);
        self.say(&self.tally(problems));
        ExitCode::from(1)
    }

    /// Warnings that `--deny-warnings` makes fail the run.
    pub fn denied(&self, warnings: &Problems, texts: &SourceTexts) -> ExitCode {
        self.problems(warnings, texts);
        self.say(&self.text("denied", &[&self.tally(warnings)]));
        ExitCode::from(1)
    }

    /// An error that is not about content (writing, scaffolding).
    pub fn error(&self, file: &std::path::Path, message: &str) -> ExitCode {
        let mut problems = Problems::default();
        problems.push(Problem::error(file, 0, message));
        self.fail(&problems, &SourceTexts::default())
    }

    /// A message of the command's own, with its `{}` filled in order.
    pub fn text(&self, key: &'static str, values: &[&str]) -> String {
        fill(self.language, key, values)
    }

    /// The count line, e.g. "2 fouten, 1 waarschuwing".
    pub fn tally(&self, problems: &Problems) -> String {
        Message::new("telling")
            .count("fouten", problems.errors())
            .count("waarschuwingen", problems.warnings())
            .say(self.language)
    }

    /// A build's closing line: what it wrote, left and removed in `out`.
    pub fn written(&self, written: &Written, out: &Path) -> String {
        let files = |n: usize| word(self.language, if n == 1 { "file" } else { "files" });
        // `public`, not `./public`, for the default output of `--root .`.
        let out = out.strip_prefix(".").unwrap_or(out).display().to_string();
        let n = |n: usize| n.to_string();
        if written.written == 0 && written.removed == 0 {
            let u = written.unchanged;
            return self.text("nothing changed", &[&out, &n(u), files(u)]);
        }
        let w = written.written;
        self.text(
            "written",
            &[
                &out,
                &n(w),
                files(w),
                &n(written.unchanged),
                &n(written.removed),
            ],
        )
    }

    /// A progress or success line, for people only; not with `-q`.
    pub fn say(&self, message: &str) {
        if self.format == Format::Human && self.level >= Level::Normal {
            eprintln!("{message}");
        }
    }

    /// A line about a problem, for people; shown with `-q` too.
    pub fn line(&self, message: &str) {
        if self.format == Format::Human {
            eprintln!("{message}");
        }
    }

    /// The line that closes a command that succeeded.
    pub fn done(&self, message: &str) -> ExitCode {
        self.say(message);
        ExitCode::SUCCESS
    }

    /// A detail only `-v` shows.
    pub fn detail(&self, message: &str) {
        if self.format == Format::Human && self.level == Level::Verbose {
            eprintln!("{message}");
        }
    }
}

/// One line per problem: `los.md:5:1: error: message (hint)`, the column as
/// in `--format json`, the message and hint on the one line.
fn render_lines(problems: &Problems, language: Language) -> String {
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::new();
    for p in problems.iter() {
        let severity = if p.is_error() { "error" } else { "warning" };
        let hint = (p.hint.as_ref())
            .map(|h| format!(" ({})", one_line(&h.say(language))))
            .unwrap_or_default();
        out.push_str(&format!(
            "{}:{}:{}: {severity}: {}{hint}\n",
            p.file.display(),
            p.line,
            p.shown_column(),
            one_line(&p.message.say(language))
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reporter(language: Language) -> Reporter {
        Reporter {
            format: Format::Human,
            level: Level::Normal,
            language,
        }
    }

    #[test]
    fn a_build_says_what_changed_or_that_nothing_did_in_its_language() {
        let w = |written, unchanged, removed| Written {
            written,
            unchanged,
            removed,
        };
        let out = Path::new("./public");
        let nl = reporter(Language::Dutch);
        assert_eq!(
            nl.written(&w(1, 63, 2), out),
            "public: 1 bestand geschreven, 63 ongewijzigd, 2 verwijderd"
        );
        assert_eq!(
            nl.written(&w(0, 64, 0), out),
            "public: niets veranderd, 64 bestanden ongewijzigd"
        );
        assert_eq!(
            nl.written(&w(0, 3, 1), Path::new("/srv/www")),
            "/srv/www: 0 bestanden geschreven, 3 ongewijzigd, 1 verwijderd"
        );
        let en = reporter(Language::English);
        assert_eq!(
            en.written(&w(1, 63, 2), out),
            "public: 1 file written, 63 unchanged, 2 removed"
        );
        assert_eq!(
            en.written(&w(0, 1, 0), out),
            "public: nothing changed, 1 file unchanged"
        );
    }

    #[test]
    fn counts_name_errors_and_warnings_in_the_language() {
        let mut problems = Problems::default();
        problems.push(Problem::error("a.md", 1, "x"));
        problems.push(Problem::warning("a.md", 2, "y"));
        problems.push(Problem::warning("a.md", 3, "z"));
        assert_eq!(
            reporter(Language::Dutch).tally(&problems),
            "1 fout, 2 waarschuwingen"
        );
        assert_eq!(
            reporter(Language::English).tally(&problems),
            "1 error, 2 warnings"
        );
    }
}
