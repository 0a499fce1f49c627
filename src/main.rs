//! The `werkplaats` command: parses arguments and calls the library.

use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use werkplaats::diagnostics::{
    Problem, Problems, SourceTexts, render_json, render_report, summary,
};
use werkplaats::{RenderOptions, build_site, scaffold, write};

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
    /// Write JSON Schemas of the content types, for editors' YAML support.
    Schema {
        /// The toolkit folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write them (default ROOT/schemas).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Create a small toolkit that builds as it is.
    New {
        /// The folder to create; must not exist or be empty.
        dir: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let out = Reporter(cli.format);
    match cli.command {
        Command::Build {
            root,
            out: dir,
            base_url,
        } => {
            let dir = dir.unwrap_or_else(|| root.join("public"));
            let options = RenderOptions { base_url };
            let site = match build_site(&root, &options) {
                Ok(site) => site,
                Err(failure) => return out.fail(&failure.problems, &failure.texts),
            };
            out.problems(&site.warnings, &site.texts);
            match write(&site, &root, &dir) {
                Ok(()) => {
                    out.say(&format!(
                        "{} bestanden geschreven naar {}",
                        site.files.len(),
                        dir.display()
                    ));
                    ExitCode::SUCCESS
                }
                Err(e) => out.error(&dir, &e.to_string()),
            }
        }
        Command::Check { root } => match build_site(&root, &RenderOptions::default()) {
            Ok(site) => {
                out.problems(&site.warnings, &site.texts);
                out.say(&format!("in orde: {}", summary(&site.warnings)));
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
    }
}

/// Shows problems and messages in the chosen format.
struct Reporter(Format);

impl Reporter {
    /// Problems sorted by file: quoted lines for people, JSON lines (stdout) for tools.
    fn problems(&self, problems: &Problems, texts: &SourceTexts) {
        let sorted = problems.clone().sorted();
        match self.0 {
            Format::Json => print!("{}", render_json(&sorted)),
            Format::Human if !sorted.is_empty() => {
                let color =
                    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
                eprint!("{}", render_report(&sorted, texts, color));
            }
            Format::Human => {}
        }
    }

    fn fail(&self, problems: &Problems, texts: &SourceTexts) -> ExitCode {
        self.problems(problems, texts);
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
