//! How the command reports: problems and progress lines in the chosen
//! format and level, and the progress bar of the PDF commands.

use std::io::IsTerminal;
use std::process::ExitCode;
use werkplaats::diagnostics::{
    Problem, Problems, SourceTexts, render_json, render_problems, summary,
};

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
}

impl Reporter {
    /// Problems sorted, errors first: quoted lines for people, JSON lines
    /// (stdout) for tools. No count: each command closes with its own line.
    pub fn problems(&self, problems: &Problems, texts: &SourceTexts) {
        let sorted = problems.clone().sorted();
        match self.format {
            Format::Json => print!("{}", render_json(&sorted)),
            Format::Line => print!("{}", render_lines(&sorted)),
            Format::Human if !sorted.is_empty() => {
                let color =
                    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
                eprint!("{}", render_problems(&sorted, texts, color));
            }
            Format::Human => {}
        }
    }

    /// The warnings of a command that succeeded, and their count when there are any.
    pub fn warnings(&self, warnings: &Problems, texts: &SourceTexts) {
        self.problems(warnings, texts);
        if !warnings.is_empty() {
            self.say(&summary(warnings));
        }
    }

    pub fn fail(&self, problems: &Problems, texts: &SourceTexts) -> ExitCode {
        self.problems(problems, texts);
        self.say(&summary(problems));
        ExitCode::from(1)
    }

    /// Warnings that `--deny-warnings` makes fail the run.
    pub fn denied(&self, warnings: &Problems, texts: &SourceTexts) -> ExitCode {
        self.problems(warnings, texts);
        self.say(&format!(
            "{}; --deny-warnings laat waarschuwingen de run doen mislukken",
            summary(warnings)
        ));
        ExitCode::from(1)
    }

    /// An error that is not about content (writing, scaffolding).
    pub fn error(&self, file: &std::path::Path, message: &str) -> ExitCode {
        let mut problems = Problems::default();
        problems.push(Problem::error(file, 0, message));
        self.fail(&problems, &SourceTexts::default())
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
fn render_lines(problems: &Problems) -> String {
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::new();
    for p in problems.iter() {
        let severity = if p.is_error() { "error" } else { "warning" };
        let hint = (p.hint.as_deref())
            .map(|h| format!(" ({})", one_line(h)))
            .unwrap_or_default();
        out.push_str(&format!(
            "{}:{}:{}: {severity}: {}{hint}\n",
            p.file.display(),
            p.line,
            p.shown_column(),
            one_line(&p.message)
        ));
    }
    out
}
