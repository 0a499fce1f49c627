//! The `werkplaats` command: parses arguments and calls the library.

use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use werkplaats::diagnostics::{
    Problem, Problems, SourceTexts, render_json, render_problems, summary,
};
use werkplaats::pdf::{
    PdfFailure, PdfRequest, PublishFailure, PublishRequest, build_with_pdfs, make_pdfs,
};
use werkplaats::{RenderOptions, build_site, scaffold, serve, write};

/// Turns a workshop toolkit in Markdown and YAML into a browsable, printable site.
#[derive(Parser)]
#[command(name = "werkplaats", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// How problems are reported: for people, or one JSON object per line (stdout).
    #[arg(long, global = true, value_enum, default_value_t = Format::Human)]
    format: Format,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (default ROOT/public).
    Build {
        /// The toolkit folder (holds site.yaml, content/ and themes/).
        #[arg(short, long, default_value = ".")]
        root: PathBuf,
        /// Output folder; replaced only when the build succeeds.
        #[arg(short, long)]
        out: Option<PathBuf>,
        /// Absolute URL the site is hosted at (overrides basis_url in site.yaml).
        #[arg(short = 'u', long)]
        base_url: Option<String>,
        /// Take over an output folder that werkplaats did not make, or that holds
        /// files it did not write: they are replaced by the site.
        #[arg(long)]
        force: bool,
        /// Fail on warnings too (exit 1, nothing written), for CI.
        #[arg(long)]
        deny_warnings: bool,
        /// Include the drafts (pages with `concept: true`), as serve does.
        #[arg(long, conflicts_with = "pdf")]
        drafts: bool,
        /// Also print the decks, worksheets and the whole toolkit to PDF (A4 and
        /// Letter) into the site's print section, for download (needs Chromium).
        #[arg(long)]
        pdf: bool,
        /// The Chromium program for --pdf (default: chromium, chromium-browser or google-chrome on PATH).
        #[arg(long, requires = "pdf")]
        chromium: Option<PathBuf>,
    },
    /// Check the toolkit as `build` does, without writing anything.
    Check {
        /// The toolkit folder.
        #[arg(short, long, default_value = ".")]
        root: PathBuf,
        /// Fail on warnings too (exit 1), for CI.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Write JSON Schemas of the content types, for editors' YAML support.
    Schema {
        /// The toolkit folder.
        #[arg(short, long, default_value = ".")]
        root: PathBuf,
        /// Where to write them (default ROOT/schemas).
        #[arg(short, long)]
        out: Option<PathBuf>,
    },
    /// Print the card decks, the worksheets and the whole toolkit to PDF with headless Chromium.
    Pdf {
        /// The toolkit folder.
        #[arg(short, long, default_value = ".")]
        root: PathBuf,
        /// Output folder for the PDFs (default ROOT/pdf); files go in a folder per paper.
        #[arg(short, long)]
        out: Option<PathBuf>,
        /// Paper size (default: `papier` in site.yaml, else A4).
        #[arg(long, value_enum)]
        paper: Option<PaperArg>,
        /// The Chromium program (default: chromium, chromium-browser or google-chrome on PATH).
        #[arg(long)]
        chromium: Option<PathBuf>,
        /// Absolute URL the site is hosted at, for the QR codes on the cards.
        #[arg(short = 'u', long)]
        base_url: Option<String>,
        /// Adopt a paper folder (e.g. pdf/a4/) that werkplaats did not write.
        #[arg(long)]
        force: bool,
    },
    /// Preview the site in a browser; it updates as you save.
    Serve {
        /// The toolkit folder.
        #[arg(short, long, default_value = ".")]
        root: PathBuf,
        /// Port to serve on [default: 1111, or the next free one]; 0 picks any free port.
        #[arg(short, long)]
        port: Option<u16>,
        /// Address to listen on; anything but loopback lets others on the network in.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
    },
    /// Create a small toolkit that builds as it is (also: init).
    #[command(alias = "init")]
    New {
        /// The folder to create; must not exist or be empty.
        dir: PathBuf,
    },
    /// Work with the built-in theme.
    Theme {
        #[command(subcommand)]
        action: ThemeAction,
    },
}

#[derive(Subcommand)]
enum ThemeAction {
    /// Copy the built-in theme, or one file or folder of it, into
    /// themes/default/ to change it there; what is not copied stays built in.
    Eject {
        /// A file or folder of the theme, e.g. templates/base.html, i18n/nl.yaml
        /// or static (default: the whole theme).
        file: Option<String>,
        /// The toolkit folder.
        #[arg(short, long, default_value = ".")]
        root: PathBuf,
        /// Overwrite files that are there already.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum PaperArg {
    A4,
    Letter,
}

impl From<PaperArg> for werkplaats::content::Paper {
    fn from(p: PaperArg) -> Self {
        match p {
            PaperArg::A4 => Self::A4,
            PaperArg::Letter => Self::Letter,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.format == Format::Json && matches!(cli.command, Command::Serve { .. }) {
        // The preview reports to people, in the terminal and over the page.
        use clap::CommandFactory;
        Cli::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                "serve kent geen --format json: de voorvertoning meldt problemen in de terminal en op de pagina; gebruik check --format json",
            )
            .exit();
    }
    let out = Reporter(cli.format);
    match cli.command {
        Command::Build {
            root,
            out: dir,
            base_url,
            force,
            deny_warnings,
            pdf: true,
            chromium,
            ..
        } => publish(
            &out,
            PublishRequest {
                out: dir.unwrap_or_else(|| root.join("public")),
                root,
                base_url,
                chromium,
                force,
                deny_warnings,
            },
        ),
        Command::Build {
            root,
            out: dir,
            base_url,
            force,
            deny_warnings,
            drafts,
            ..
        } => {
            let dir = dir.unwrap_or_else(|| root.join("public"));
            let options = RenderOptions {
                base_url,
                drafts,
                ..RenderOptions::default()
            };
            let site = match build_site(&root, &options) {
                Ok(site) => site,
                Err(failure) => return out.fail(&failure.problems, &failure.texts),
            };
            if deny_warnings && !site.warnings.is_empty() {
                return out.denied(&site.warnings, &site.texts);
            }
            out.warnings(&site.warnings, &site.texts);
            let written = write::write_with(&site, &root, &dir, write::WriteOptions { force });
            // The process ends now: handing tens of thousands of buffers back to
            // the allocator one by one would only add to the build's time.
            std::mem::forget(site);
            match written {
                Ok(written) => {
                    out.say(&written.summary(&dir));
                    ExitCode::SUCCESS
                }
                Err(e) => out.error(&dir, &e.to_string()),
            }
        }
        Command::Check {
            root,
            deny_warnings,
        } => match build_site(&root, &RenderOptions::default()) {
            Ok(site) if deny_warnings && !site.warnings.is_empty() => {
                out.denied(&site.warnings, &site.texts)
            }
            Ok(site) => {
                out.problems(&site.warnings, &site.texts);
                out.say(&format!("in orde: {}", summary(&site.warnings)));
                // As for build: the process ends now.
                std::mem::forget(site);
                ExitCode::SUCCESS
            }
            Err(failure) => out.fail(&failure.problems, &failure.texts),
        },
        Command::Schema { root, out: dir } => {
            let dir = dir.unwrap_or_else(|| root.join("schemas"));
            match werkplaats::schema::write_schemas(&dir) {
                Ok(files) => {
                    out.say(&format!(
                        "{} schema's geschreven naar {}",
                        files.len(),
                        dir.display()
                    ));
                    ExitCode::SUCCESS
                }
                Err(e) => out.error(&dir, &format!("kan de schema's niet schrijven: {e}")),
            }
        }
        Command::Pdf {
            root,
            out: dir,
            paper,
            chromium,
            base_url,
            force,
        } => pdf(
            &out,
            PdfRequest {
                out: dir.unwrap_or_else(|| root.join("pdf")),
                root,
                paper: paper.map(Into::into),
                chromium,
                base_url,
                force,
            },
        ),
        Command::Serve {
            root,
            port,
            bind,
            open,
        } => match serve::run(&serve::ServeOptions {
            root,
            port,
            bind,
            open,
        }) {
            Ok(()) => ExitCode::SUCCESS,
            Err(serve::ServeError::NotAToolkit(problem)) => {
                out.fail(&Problems(vec![*problem]), &SourceTexts::default())
            }
            // Not about a file, and serve is for people: a plain line.
            Err(e) => {
                eprintln!("fout: {e}");
                ExitCode::from(1)
            }
        },
        Command::New { dir } => match scaffold::create(&dir) {
            Ok(()) => {
                out.say(&format!(
                    "nieuwe toolkit in {0}; bouw hem met: werkplaats build --root {0}",
                    dir.display()
                ));
                ExitCode::SUCCESS
            }
            Err(e) => out.error(&dir, &e.to_string()),
        },
        Command::Theme {
            action: ThemeAction::Eject { file, root, force },
        } => match scaffold::eject(&root, file.as_deref(), force) {
            Ok(written) => {
                let what = match written.as_slice() {
                    [one] => one.display().to_string(),
                    all => format!("{} bestanden naar themes/default/", all.len()),
                };
                out.say(&format!(
                    "gekopieerd: {what}; wat je daar verandert, gaat voor het ingebouwde thema"
                ));
                ExitCode::SUCCESS
            }
            Err(e) => out.error(&root, &e.to_string()),
        },
    }
}

/// Draws a progress bar on stderr while Chromium prints (hidden when not a terminal).
struct Bar(indicatif::ProgressBar);

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

/// `build --pdf`: the site with its PDFs.
fn publish(out: &Reporter, request: PublishRequest) -> ExitCode {
    let mut progress = Bar::new();
    let bar = progress.0.clone();
    let result = build_with_pdfs(&request, &mut progress);
    bar.finish_and_clear();
    match result {
        Ok(done) => {
            out.warnings(&done.warnings, &done.texts);
            out.say(&format!(
                "{} (met {} pdf-bestanden)",
                done.written.summary(&request.out),
                done.pdfs
            ));
            ExitCode::SUCCESS
        }
        Err(PublishFailure::Denied(f)) => out.denied(&f.problems, &f.texts),
        Err(PublishFailure::Pdf(PdfFailure::Build(f))) => out.fail(&f.problems, &f.texts),
        Err(PublishFailure::Pdf(PdfFailure::Pdf(e))) => out.error(&request.out, &e.to_string()),
    }
}

fn pdf(out: &Reporter, request: PdfRequest) -> ExitCode {
    let mut progress = Bar::new();
    let bar = progress.0.clone();
    let result = make_pdfs(&request, &mut progress);
    bar.finish_and_clear();
    match result {
        Ok(done) => {
            out.warnings(&done.warnings, &done.texts);
            if !done.with_qr {
                out.say(
                    "let op: de kaarten hebben geen QR-code; zet basis_url in site.yaml of geef --base-url",
                );
            }
            out.say(&format!(
                "{} pdf-bestanden ({}) geschreven naar {}",
                done.files.len(),
                done.paper.label(),
                request.out.join(done.paper.key()).display()
            ));
            ExitCode::SUCCESS
        }
        Err(PdfFailure::Build(failure)) => out.fail(&failure.problems, &failure.texts),
        Err(PdfFailure::Pdf(e)) => out.error(&request.out, &e.to_string()),
    }
}

/// Shows problems and messages in the chosen format.
struct Reporter(Format);

impl Reporter {
    /// Problems sorted, errors first: quoted lines for people, JSON lines
    /// (stdout) for tools. No count: each command closes with its own line.
    fn problems(&self, problems: &Problems, texts: &SourceTexts) {
        let sorted = problems.clone().sorted();
        match self.0 {
            Format::Json => print!("{}", render_json(&sorted)),
            Format::Human if !sorted.is_empty() => {
                let color =
                    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
                eprint!("{}", render_problems(&sorted, texts, color));
            }
            Format::Human => {}
        }
    }

    /// The warnings of a command that succeeded, and their count when there are any.
    fn warnings(&self, warnings: &Problems, texts: &SourceTexts) {
        self.problems(warnings, texts);
        if !warnings.is_empty() {
            self.say(&summary(warnings));
        }
    }

    fn fail(&self, problems: &Problems, texts: &SourceTexts) -> ExitCode {
        self.problems(problems, texts);
        self.say(&summary(problems));
        ExitCode::from(1)
    }

    /// Warnings that `--deny-warnings` makes fail the run.
    fn denied(&self, warnings: &Problems, texts: &SourceTexts) -> ExitCode {
        self.problems(warnings, texts);
        self.say(&format!(
            "{}; --deny-warnings laat waarschuwingen de run doen mislukken",
            summary(warnings)
        ));
        ExitCode::from(1)
    }

    /// An error that is not about content (writing, scaffolding).
    fn error(&self, file: &std::path::Path, message: &str) -> ExitCode {
        let mut problems = Problems::default();
        problems.push(Problem::error(file, 0, message));
        self.fail(&problems, &SourceTexts::default())
    }

    /// A progress or success line, for people only.
    fn say(&self, message: &str) {
        if self.0 == Format::Human {
            eprintln!("{message}");
        }
    }
}
