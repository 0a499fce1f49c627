//! The command line in the chosen language: help, usage and usage errors.
//!
//! Clap's derive gives the shape (`args`); the texts come from `strings` and
//! are put in here at runtime, together with the words clap would otherwise
//! print in English ("Usage:", "Options:", "[default: …]", its own `--help`
//! and `--version`). Completions and the man page are made from the same
//! command, so they speak the same language.

use super::language::Language;
use super::strings::{fill, help, word};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

/// The whole command, its texts in `language`.
pub fn command(language: Language) -> Command {
    let cmd = <super::args::Cli as clap::CommandFactory>::command().disable_version_flag(true);
    let mut cmd = localize(cmd, language, "").arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help(word(language, "version"))
            .help_heading(word(language, "options")),
    );
    // Clap adds its `help` command when the command is built; only then can
    // its texts be set.
    cmd.build();
    cmd.mut_subcommand("help", |h| {
        let h = h
            .about(word(language, "help command"))
            .help_template(template(language));
        let ids: Vec<String> = h.get_arguments().map(|a| a.get_id().to_string()).collect();
        ids.into_iter().fold(h, |h, id| {
            h.mut_arg(id, |a| {
                a.help(word(language, "help command names"))
                    .help_heading(word(language, "arguments"))
            })
        })
    })
}

/// One command and, below it, its subcommands; `path` is its key in the
/// table (`""`, `build`, `theme eject`).
fn localize(cmd: Command, language: Language, path: &str) -> Command {
    let key = |id: &str| match path {
        "" => id.to_string(),
        _ => format!("{path} {id}"),
    };
    let mut cmd = cmd
        .about(help(language, path).unwrap_or_default())
        .help_template(template(language))
        .subcommand_help_heading(word(language, "commands"))
        .subcommand_value_name(word(language, "COMMAND").trim_matches(['<', '>']))
        .disable_help_flag(true);
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let text = help(language, &key(&id)).unwrap_or_default();
        cmd = cmd.mut_arg(&id, |a| describe(a, language, text));
    }
    cmd = cmd.arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(word(language, "help"))
            .help_heading(word(language, "options")),
    );
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = key(&name);
        cmd = cmd.mut_subcommand(&name, |s| localize(s, language, &sub_path));
    }
    let usage = usage(&cmd, language, path);
    cmd.override_usage(usage)
}

/// An argument's help, with its default and possible values in the language.
fn describe(arg: Arg, language: Language, text: &str) -> Arg {
    let mut text = text.to_string();
    let takes_values = arg.get_action().takes_values();
    if takes_values {
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() {
            text += &format!(" [{}: {}]", word(language, "default"), defaults.join(", "));
        }
        let possible: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if !possible.is_empty() {
            text += &format!(" [{}: {}]", word(language, "possible"), possible.join(", "));
        }
    }
    let heading = match arg.is_positional() {
        true => "arguments",
        false => "options",
    };
    let arg = arg.help(text).help_heading(word(language, heading));
    // Clap's own English lists are replaced above; a flag has none, and
    // clap's debug checks refuse hiding what a flag cannot have.
    match takes_values {
        true => arg.hide_default_value(true).hide_possible_values(true),
        false => arg,
    }
}

/// Clap's default help layout, with the usage heading in the language.
fn template(language: Language) -> String {
    format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        word(language, "usage")
    )
}

/// `werkplaats build [OPTIES]`: the usage line, which clap would write in English.
fn usage(cmd: &Command, language: Language, path: &str) -> String {
    let mut line = match path {
        "" => "werkplaats".to_string(),
        _ => format!("werkplaats {path}"),
    };
    line += " ";
    line += word(language, "OPTIONS");
    for arg in cmd.get_positionals() {
        let name = arg
            .get_value_names()
            .and_then(|names| names.first())
            .map(|n| n.to_string())
            .unwrap_or_else(|| arg.get_id().to_string().to_uppercase());
        line += &match arg.is_required_set() {
            true => format!(" <{name}>"),
            false => format!(" [{name}]"),
        };
    }
    if cmd.has_subcommands() {
        line += " ";
        line += word(language, "COMMAND");
    }
    line
}

/// Ends the run for a parse result that is not a command to run: help and
/// the version on stdout (exit 0), a usage error on stderr (exit 2).
pub fn exit(error: clap::Error, language: Language) -> ! {
    match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => error.exit(),
        _ => refuse(language, &message(&error, language), usage_of(&error)),
    }
}

/// A usage error of our own, said as clap's are: message, usage, exit 2.
pub fn refuse(language: Language, message: &str, usage: Option<String>) -> ! {
    let mut text = format!("{}: {message}\n", word(language, "error"));
    if let Some(usage) = usage {
        text += &format!("\n{} {usage}\n", word(language, "usage"));
    }
    text += &format!("\n{}\n", word(language, "more"));
    eprint!("{text}");
    std::process::exit(2)
}

/// The usage line clap put in the error (ours: see `usage`), without its heading.
fn usage_of(error: &clap::Error) -> Option<String> {
    match error.get(ContextKind::Usage)? {
        ContextValue::StyledStr(s) => {
            let plain = s.to_string();
            let line = plain
                .split_once(':')
                .map_or(plain.as_str(), |(_, rest)| rest);
            Some(line.trim().to_string())
        }
        _ => None,
    }
}

/// What went wrong, from the error's context rather than its English text.
fn message(error: &clap::Error, language: Language) -> String {
    let one = |kind| text(error, kind).unwrap_or_default();
    let arg = one(ContextKind::InvalidArg);
    let mut message = match error.kind() {
        ErrorKind::UnknownArgument => fill(language, "unknown argument", &[&arg]),
        ErrorKind::InvalidSubcommand => fill(
            language,
            "unknown command",
            &[&one(ContextKind::InvalidSubcommand)],
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            match one(ContextKind::InvalidValue).as_str() {
                "" => fill(language, "no value", &[&arg]),
                value => fill(language, "bad value", &[value, &arg]),
            }
        }
        ErrorKind::MissingRequiredArgument => fill(language, "missing", &[&arg]),
        ErrorKind::MissingSubcommand => fill(
            language,
            "missing command",
            &[
                &one(ContextKind::InvalidSubcommand),
                &one(ContextKind::ValidSubcommand),
            ],
        ),
        ErrorKind::ArgumentConflict if one(ContextKind::PriorArg) == arg => {
            fill(language, "twice", &[&arg])
        }
        ErrorKind::ArgumentConflict => {
            fill(language, "conflict", &[&arg, &one(ContextKind::PriorArg)])
        }
        ErrorKind::NoEquals
        | ErrorKind::TooManyValues
        | ErrorKind::TooFewValues
        | ErrorKind::WrongNumberOfValues => fill(language, "values", &[&arg]),
        ErrorKind::InvalidUtf8 => word(language, "utf8").to_string(),
        _ => word(language, "invalid").to_string(),
    };
    let valid = one(ContextKind::ValidValue);
    if !valid.is_empty() {
        message += &format!("\n\n  {}", fill(language, "possible values", &[&valid]));
    }
    for kind in [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ] {
        let suggested = match error.get(kind) {
            Some(ContextValue::String(one)) => one.clone(),
            Some(ContextValue::Strings(several)) => several.join("', '"),
            _ => continue,
        };
        let tip = fill(language, "did you mean", &[&suggested]);
        message += &format!("\n\n  {}: {tip}", word(language, "tip"));
    }
    message
}

/// A context value as text; lists joined with commas.
fn text(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(list) => Some(list.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(list) => Some(
            list.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and argument has its text in both languages.
    #[test]
    fn every_command_and_argument_has_a_text() {
        fn walk(cmd: &Command, path: &str, missing: &mut Vec<String>) {
            if super::help(Language::Dutch, path).is_none() {
                missing.push(format!("command {path:?}"));
            }
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                let key = match path {
                    "" => id.to_string(),
                    _ => format!("{path} {id}"),
                };
                if super::help(Language::English, &key).is_none() {
                    missing.push(key);
                }
            }
            for sub in cmd.get_subcommands() {
                let key = match path {
                    "" => sub.get_name().to_string(),
                    _ => format!("{path} {}", sub.get_name()),
                };
                walk(sub, &key, missing);
            }
        }
        let mut missing = Vec::new();
        walk(
            &<super::super::args::Cli as clap::CommandFactory>::command(),
            "",
            &mut missing,
        );
        assert!(missing.is_empty(), "no text for {missing:?}");
    }

    #[test]
    fn the_command_is_valid_in_both_languages() {
        for language in [Language::Dutch, Language::English] {
            command(language).debug_assert();
        }
    }
}
