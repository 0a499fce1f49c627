//! The command line's shape: commands, their arguments and flags.
//!
//! The help texts are not here but in `strings`, one table for every language
//! the command speaks; `localize` puts them in at runtime. A doc comment here
//! would become English help that the table then has to override.

use super::report::Format;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "werkplaats", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[arg(long, global = true, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    #[arg(short, long, global = true)]
    pub verbose: bool,
}

#[derive(Subcommand)]
pub enum Command {
    Build(BuildArgs),
    Check {
        #[arg(short, long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        deny_warnings: bool,
        #[arg(short, long)]
        watch: bool,
    },
    Schema {
        #[arg(short, long, default_value = ".")]
        root: PathBuf,
        #[arg(short, long)]
        out: Option<PathBuf>,
    },
    Pdf {
        #[arg(short, long, default_value = ".")]
        root: PathBuf,
        #[arg(short, long)]
        out: Option<PathBuf>,
        #[arg(long, value_enum)]
        paper: Option<PaperArg>,
        #[arg(long)]
        chromium: Option<PathBuf>,
        #[arg(short = 'u', long)]
        base_url: Option<String>,
        #[arg(long)]
        force: bool,
    },
    Serve {
        #[arg(short, long, default_value = ".")]
        root: PathBuf,
        #[arg(short, long)]
        port: Option<u16>,
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        #[arg(long)]
        open: bool,
    },
    Clean {
        #[arg(short, long, default_value = ".")]
        root: PathBuf,
        #[arg(short, long)]
        out: Option<PathBuf>,
    },
    Completions {
        shell: clap_complete::Shell,
    },
    Man,
    #[command(alias = "init")]
    New {
        dir: PathBuf,
    },
    Theme {
        #[command(subcommand)]
        action: ThemeAction,
    },
}

/// `build`'s arguments.
#[derive(clap::Args)]
pub struct BuildArgs {
    #[arg(short, long, default_value = ".")]
    pub root: PathBuf,
    #[arg(short, long)]
    pub out: Option<PathBuf>,
    #[arg(short = 'u', long)]
    pub base_url: Option<String>,
    #[arg(long)]
    pub force: bool,
    #[arg(long)]
    pub deny_warnings: bool,
    #[arg(long, conflicts_with = "pdf")]
    pub drafts: bool,
    #[arg(long)]
    pub pdf: bool,
    #[arg(long, requires = "pdf")]
    pub chromium: Option<PathBuf>,
}

#[derive(Subcommand)]
pub enum ThemeAction {
    Eject {
        file: Option<String>,
        #[arg(short, long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        force: bool,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum PaperArg {
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
