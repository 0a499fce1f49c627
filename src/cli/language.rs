//! Which language the command speaks: the toolkit's, else the user's.
//!
//! Inside a toolkit the command follows `taal:` in its `site.yaml`, so that
//! the help reads like the site its editors make. Outside one (`new`, a
//! typo'd `--root`) it follows the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`).
//! Dutch and English are spoken; any other language gets English, the one
//! more people read, and no language at all (`C`, unset) the default Dutch.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

pub use werkplaats::language::Language;

/// The language for a run with these arguments (the program's name first).
pub fn of_invocation(args: &[OsString]) -> Language {
    let root = root_argument(args).unwrap_or_else(|| PathBuf::from("."));
    of_toolkit(&root).unwrap_or_else(|| of_locale(|name| std::env::var(name).ok()))
}

/// `taal:` of the toolkit at `root`; `Some(Dutch)`, the site's default, for a
/// site.yaml without it; `None` where there is no readable site.yaml.
fn of_toolkit(root: &Path) -> Option<Language> {
    #[derive(serde::Deserialize)]
    struct Site {
        taal: Option<String>,
    }
    // The loader's reader: a pipe, a device or a huge file as site.yaml is
    // refused, not waited on, and a broken one only means "no taal".
    let text = werkplaats::load::text_resolved(root, Path::new("site.yaml")).ok()?;
    let site: Site = werkplaats::load::yaml::try_parse(&text)?;
    Some(match site.taal {
        Some(code) => Language::of_code(&code).unwrap_or(Language::Dutch),
        None => Language::Dutch,
    })
}

/// The locale's language, as gettext looks it up: the first of `LC_ALL`,
/// `LC_MESSAGES` and `LANG` that is set and not empty.
fn of_locale(var: impl Fn(&str) -> Option<String>) -> Language {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(var)
        .find(|value| !value.is_empty())
        .and_then(|value| Language::of_code(&value))
        .unwrap_or(Language::Dutch)
}

/// The value of `-r`/`--root` among the arguments, in any of clap's spellings
/// (`-r DIR`, `-rDIR`, `-r=DIR`, `--root DIR`, `--root=DIR`), before `--`.
fn root_argument(args: &[OsString]) -> Option<PathBuf> {
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            return None;
        }
        if word == "-r" || word == "--root" {
            return words.next().map(|w| PathBuf::from(w.as_ref()));
        }
        for prefix in ["--root=", "-r=", "-r"] {
            if let Some(value) = word.strip_prefix(prefix) {
                return Some(PathBuf::from(value));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<OsString> {
        std::iter::once("werkplaats")
            .chain(words.iter().copied())
            .map(OsString::from)
            .collect()
    }

    #[test]
    fn finds_the_root_in_every_spelling() {
        for words in [
            &["check", "-r", "kit"][..],
            &["check", "-rkit"],
            &["check", "-r=kit"],
            &["check", "--root", "kit"],
            &["-q", "check", "--root=kit"],
        ] {
            assert_eq!(root_argument(&args(words)), Some("kit".into()), "{words:?}");
        }
        assert_eq!(root_argument(&args(&["check"])), None);
        assert_eq!(root_argument(&args(&["new", "--", "-r"])), None);
    }

    #[test]
    fn reads_the_locale_as_gettext_does() {
        let env = |pairs: &'static [(&str, &str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            of_locale(env(&[("LANG", "en_US.UTF-8")])),
            Language::English
        );
        assert_eq!(
            of_locale(env(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "nl_BE.UTF-8")])),
            Language::Dutch
        );
        assert_eq!(
            of_locale(env(&[("LC_ALL", ""), ("LANG", "de_DE.UTF-8")])),
            Language::English
        );
        assert_eq!(of_locale(env(&[("LANG", "C.UTF-8")])), Language::Dutch);
        assert_eq!(of_locale(env(&[])), Language::Dutch);
    }

    #[test]
    fn a_toolkit_speaks_its_taal() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(of_toolkit(dir.path()), None);
        std::fs::write(dir.path().join("site.yaml"), "titel: x\ntaal: en-GB\n").unwrap();
        assert_eq!(of_toolkit(dir.path()), Some(Language::English));
        std::fs::write(dir.path().join("site.yaml"), "titel: x\n").unwrap();
        assert_eq!(of_toolkit(dir.path()), Some(Language::Dutch));
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_as_site_yaml_is_not_waited_on() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("site.yaml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()));
        assert_eq!(of_toolkit(dir.path()), None);
    }
}
