//! The `werkplaats` command: parses arguments and calls the library.

use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use werkplaats::diagnostics::{Problems, SourceTexts, render_report, summary};
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
    /// Create a small toolkit that builds as it is.
    New {
        /// The folder to create; must not exist or be empty.
        dir: PathBuf,
    },
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
