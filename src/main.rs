//! The `werkplaats` command: parses arguments and calls the library.

use clap::{CommandFactory, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
mod report;

use report::{Format, Level, Reporter, with_bar};
use werkplaats::diagnostics::{Problems, SourceTexts, summary};
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
    /// Print only problems: no progress or success lines.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Print more: how long the command took.
    #[arg(short, long, global = true)]
    verbose: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (default ROOT/public).
    Build(BuildArgs),
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
    /// Remove the output folder (default ROOT/public), only if werkplaats wrote it.
    Clean {
        /// The toolkit folder.
        #[arg(short, long, default_value = ".")]
        root: PathBuf,
        /// The output folder to remove.
        #[arg(short, long)]
        out: Option<PathBuf>,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions { shell: clap_complete::Shell },
    /// Print the manual page (roff), e.g. `werkplaats man > werkplaats.1`.
    Man,
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

/// `build`'s arguments.
#[derive(clap::Args)]
struct BuildArgs {
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
        Cli::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                "serve kent geen --format json: de voorvertoning meldt problemen in de terminal en op de pagina; gebruik check --format json",
            )
            .exit();
    }
    let level = match (cli.quiet, cli.verbose) {
        (true, _) => Level::Quiet,
        (false, true) => Level::Verbose,
        (false, false) => Level::Normal,
    };
    let out = Reporter {
        format: cli.format,
        level,
    };
    let started = std::time::Instant::now();
    let code = run(&out, cli.command);
    out.detail(&format!("klaar in {} ms", started.elapsed().as_millis()));
    code
}

/// Runs one command.
fn run(out: &Reporter, command: Command) -> ExitCode {
    match command {
        Command::Build(args) => build(out, args),
        Command::Check {
            root,
            deny_warnings,
        } => check(out, &root, deny_warnings),
        Command::Schema { root, out: dir } => {
            let dir = dir.unwrap_or_else(|| root.join("schemas"));
            match werkplaats::schema::write_schemas(&dir) {
                Ok(files) => out.done(&format!(
                    "{} schema's geschreven naar {}",
                    files.len(),
                    dir.display()
                )),
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
            out,
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
        } => serve(
            out,
            serve::ServeOptions {
                root,
                port,
                bind,
                open,
            },
        ),
        Command::Clean { root, out: dir } => {
            clean(out, &dir.unwrap_or_else(|| root.join("public")))
        }
        Command::New { dir } => match scaffold::create(&dir) {
            Ok(()) => out.done(&format!(
                "nieuwe toolkit in {0}; bouw hem met: werkplaats build --root {0}",
                dir.display()
            )),
            Err(e) => out.error(&dir, &e.to_string()),
        },
        Command::Theme {
            action: ThemeAction::Eject { file, root, force },
        } => eject(out, &root, file.as_deref(), force),
        Command::Completions { shell } => {
            let mut cli = Cli::command();
            clap_complete::generate(shell, &mut cli, "werkplaats", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Command::Man => man(out),
    }
}

/// `man`: the manual page in roff, on stdout.
fn man(out: &Reporter) -> ExitCode {
    match clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout()) {
        Ok(()) => ExitCode::SUCCESS,
        // `werkplaats man | head`: the reader had enough.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => out.error(
            std::path::Path::new("-"),
            &format!("kan de man-pagina niet schrijven: {e}"),
        ),
    }
}

/// `build`, with its PDFs when `--pdf`.
fn build(out: &Reporter, args: BuildArgs) -> ExitCode {
    let dir = args.out.unwrap_or_else(|| args.root.join("public"));
    if args.pdf {
        return publish(
            out,
            PublishRequest {
                out: dir,
                root: args.root,
                base_url: args.base_url,
                chromium: args.chromium,
                force: args.force,
                deny_warnings: args.deny_warnings,
            },
        );
    }
    let options = RenderOptions {
        base_url: args.base_url,
        drafts: args.drafts,
        ..RenderOptions::default()
    };
    let site = match build_site(&args.root, &options) {
        Ok(site) => site,
        Err(failure) => return out.fail(&failure.problems, &failure.texts),
    };
    if args.deny_warnings && !site.warnings.is_empty() {
        return out.denied(&site.warnings, &site.texts);
    }
    out.warnings(&site.warnings, &site.texts);
    let force = args.force;
    let written = write::write_with(&site, &args.root, &dir, write::WriteOptions { force });
    // The process ends now: handing tens of thousands of buffers back to
    // the allocator one by one would only add to the build's time.
    std::mem::forget(site);
    match written {
        Ok(written) => out.done(&written.summary(&dir)),
        Err(e) => out.error(&dir, &e.to_string()),
    }
}

fn check(out: &Reporter, root: &std::path::Path, deny_warnings: bool) -> ExitCode {
    match build_site(root, &RenderOptions::default()) {
        Ok(site) if deny_warnings && !site.warnings.is_empty() => {
            out.denied(&site.warnings, &site.texts)
        }
        Ok(site) => {
            out.problems(&site.warnings, &site.texts);
            let code = out.done(&format!("in orde: {}", summary(&site.warnings)));
            // As for build: the process ends now.
            std::mem::forget(site);
            code
        }
        Err(failure) => out.fail(&failure.problems, &failure.texts),
    }
}

fn serve(out: &Reporter, options: serve::ServeOptions) -> ExitCode {
    match serve::run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(serve::ServeError::NotAToolkit(problem)) => {
            out.fail(&Problems(vec![*problem]), &SourceTexts::default())
        }
        // Not about a file, and serve is for people: a plain line.
        Err(e) => {
            eprintln!("fout: {e}");
            ExitCode::from(1)
        }
    }
}

/// `clean`: removes the output, only when werkplaats wrote it.
fn clean(out: &Reporter, dir: &std::path::Path) -> ExitCode {
    match write::clean(dir) {
        Ok(write::Cleaned::Removed) => out.done(&format!("{} verwijderd", dir.display())),
        Ok(write::Cleaned::Nothing) => {
            out.done(&format!("{} bestaat niet; niets te doen", dir.display()))
        }
        Err(e) => out.error(dir, &e.to_string()),
    }
}

fn eject(out: &Reporter, root: &std::path::Path, file: Option<&str>, force: bool) -> ExitCode {
    match scaffold::eject(root, file, force) {
        Ok(written) => {
            let what = match written.as_slice() {
                [one] => one.display().to_string(),
                all => format!("{} bestanden naar themes/default/", all.len()),
            };
            out.done(&format!(
                "gekopieerd: {what}; wat je daar verandert, gaat voor het ingebouwde thema"
            ))
        }
        Err(e) => out.error(root, &e.to_string()),
    }
}

/// `build --pdf`: the site with its PDFs.
fn publish(out: &Reporter, request: PublishRequest) -> ExitCode {
    match with_bar(|bar| build_with_pdfs(&request, bar)) {
        Ok(done) => {
            out.warnings(&done.warnings, &done.texts);
            out.done(&format!(
                "{} (met {} pdf-bestanden)",
                done.written.summary(&request.out),
                done.pdfs
            ))
        }
        Err(PublishFailure::Denied(f)) => out.denied(&f.problems, &f.texts),
        Err(PublishFailure::Pdf(PdfFailure::Build(f))) => out.fail(&f.problems, &f.texts),
        Err(PublishFailure::Pdf(PdfFailure::Pdf(e))) => out.error(&request.out, &e.to_string()),
    }
}

fn pdf(out: &Reporter, request: PdfRequest) -> ExitCode {
    match with_bar(|bar| make_pdfs(&request, bar)) {
        Ok(done) => {
            out.warnings(&done.warnings, &done.texts);
            if !done.with_qr {
                out.say(
                    "let op: de kaarten hebben geen QR-code; zet basis_url in site.yaml of geef --base-url",
                );
            }
            out.done(&format!(
                "{} pdf-bestanden ({}) geschreven naar {}",
                done.files.len(),
                done.paper.label(),
                request.out.join(done.paper.key()).display()
            ))
        }
        Err(PdfFailure::Build(failure)) => out.fail(&failure.problems, &failure.texts),
        Err(PdfFailure::Pdf(e)) => out.error(&request.out, &e.to_string()),
    }
}
