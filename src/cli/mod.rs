//! The command line: its shape (`args`), its language (`language`, `strings`,
//! `localize`), how it reports (`report`) and `check --watch` (`watch`).

pub mod args;
pub mod language;
pub mod localize;
pub mod report;
pub mod strings;
pub mod watch;

use args::{Cli, Command};
use clap::FromArgMatches;
use language::Language;
use report::Format;

/// The arguments of this run, parsed in the run's language; help, the version
/// and usage errors end the run here.
pub fn parse() -> (Cli, Language) {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let language = language::of_invocation(&args);
    let matches = localize::command(language)
        .try_get_matches_from(&args)
        .unwrap_or_else(|e| localize::exit(e, language));
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| localize::exit(e, language));
    if cli.format != Format::Human {
        refuse_json(&cli.command, language);
    }
    (cli, language)
}

/// `--format json` or `line` where nothing would read it.
fn refuse_json(command: &Command, language: Language) {
    let (key, usage) = match command {
        // The preview reports to people, in the terminal and over the page.
        Command::Serve { .. } => ("serve json", "werkplaats serve"),
        // A stream of changes for people; tools run `check` on each save.
        Command::Check { watch: true, .. } => ("watch json", "werkplaats check"),
        _ => return,
    };
    let usage = format!("{usage} {}", strings::word(language, "OPTIONS"));
    localize::refuse(language, strings::word(language, key), Some(usage))
}
