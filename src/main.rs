//! The `werkplaats` command: parses arguments and calls the library.

use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use werkplaats::diagnostics::{Problems, SourceTexts, render_report, summary};
use werkplaats::print::pdf::{PdfFailure, PdfRequest, make_pdfs};
use werkplaats::{RenderOptions, build_site, scaffold, write};

/// Turns a workshop toolkit in Markdown and YAML into a browsable, printable site.
#[derive(Parser)]
#[command(name = "werkplaats", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (default ROOT/public).
    Build {
        /// The toolkit folder (holds site.yaml, content/ and themes/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output folder; replaced only when the build succeeds.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Absolute URL the site is hosted at (overrides basis_url in site.yaml).
        #[arg(long)]
        base_url: Option<String>,
    },
    /// Check the toolkit as `build` does, without writing anything.
    Check {
        /// The toolkit folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Print the card decks, the worksheets and the whole toolkit to PDF with headless Chromium.
    Pdf {
        /// The toolkit folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output folder for the PDFs (default ROOT/pdf); files go in a folder per paper.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Paper size (default: `papier` in site.yaml, else A4).
        #[arg(long, value_enum)]
        paper: Option<PaperArg>,
        /// The Chromium program (default: chromium, chromium-browser or google-chrome on PATH).
        #[arg(long)]
        chromium: Option<PathBuf>,
        /// Absolute URL the site is hosted at, for the QR codes on the cards.
        #[arg(long)]
        base_url: Option<String>,
    },
    /// Create a small toolkit that builds as it is.
    New {
        /// The folder to create; must not exist or be empty.
        dir: PathBuf,
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
    match cli.command {
        Command::Build {
            root,
            out,
            base_url,
        } => {
            let out = out.unwrap_or_else(|| root.join("public"));
            let options = RenderOptions { base_url };
            match build_site(&root, &options) {
                Ok(site) => {
                    report(&site.warnings, &site.texts);
                    match write(&site, &root, &out) {
                        Ok(()) => {
                            eprintln!(
                                "{} pagina's geschreven naar {}",
                                site.files.len(),
                                out.display()
                            );
                            ExitCode::SUCCESS
                        }
                        Err(e) => {
                            eprintln!("fout: {e}");
                            ExitCode::from(1)
                        }
                    }
                }
                Err(failure) => fail(&failure.problems, &failure.texts),
            }
        }
        Command::Check { root } => match build_site(&root, &RenderOptions::default()) {
            Ok(site) => {
                report(&site.warnings, &site.texts);
                eprintln!("in orde: {}", summary(&site.warnings));
                ExitCode::SUCCESS
            }
            Err(failure) => fail(&failure.problems, &failure.texts),
        },
        Command::Pdf {
            root,
            out,
            paper,
            chromium,
            base_url,
        } => pdf(PdfRequest {
            out: out.unwrap_or_else(|| root.join("pdf")),
            root,
            paper: paper.map(Into::into),
            chromium,
            base_url,
        }),
        Command::New { dir } => match scaffold::create(&dir) {
            Ok(()) => {
                eprintln!(
                    "nieuwe toolkit in {}; bouw hem met: werkplaats build --root {}",
                    dir.display(),
                    dir.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("fout: {e}");
                ExitCode::from(1)
            }
        },
    }
}

/// Draws a progress bar on stderr while Chromium prints (hidden when not a terminal).
struct Bar(indicatif::ProgressBar);

impl werkplaats::print::pdf::Progress for Bar {
    fn start(&mut self, total: usize) {
        self.0.set_length(total as u64);
    }
    fn job(&mut self, job: &werkplaats::print::PdfJob) {
        self.0.set_message(job.file.clone());
    }
    fn done(&mut self) {
        self.0.inc(1);
    }
}

fn pdf(request: PdfRequest) -> ExitCode {
    let bar = indicatif::ProgressBar::new(0).with_style(
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let mut progress = Bar(bar.clone());
    let result = make_pdfs(&request, &mut progress);
    bar.finish_and_clear();
    match result {
        Ok(done) => {
            report(&done.warnings, &done.texts);
            if !done.with_qr {
                eprintln!(
                    "let op: de kaarten hebben geen QR-code; zet basis_url in site.yaml of geef --base-url"
                );
            }
            eprintln!(
                "{} pdf-bestanden ({}) geschreven naar {}",
                done.files.len(),
                done.paper.label(),
                request.out.join(done.paper.key()).display()
            );
            ExitCode::SUCCESS
        }
        Err(PdfFailure::Build(failure)) => fail(&failure.problems, &failure.texts),
        Err(PdfFailure::Pdf(e)) => {
            eprintln!("fout: {e}");
            ExitCode::from(1)
        }
    }
}

fn report(problems: &Problems, texts: &SourceTexts) {
    if !problems.is_empty() {
        let sorted = problems.clone().sorted();
        eprint!(
            "{}",
            render_report(&sorted, texts, std::io::stderr().is_terminal())
        );
    }
}

fn fail(problems: &Problems, texts: &SourceTexts) -> ExitCode {
    report(problems, texts);
    ExitCode::from(1)
}
