//! A theme's UI strings (`i18n/<taal>.yaml`) and the one way to look one up.
//!
//! Rust asks with [`Strings::label`], templates with the Tera function
//! `t(k="key")` ([`Lookup`]). A function is global to Tera, so macros see it
//! without being handed anything, and no page copies the table (about 250
//! strings) into its context. A key the table lacks is shown as the key, as
//! it always was, but never silently: it is noted here and reported with the
//! render's warnings (keys written in a template are reported earlier, when
//! the theme loads, by `uses`).

use crate::diagnostics::{Message, Problem};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

/// The UI strings of one language, and the keys asked for that they lack.
#[derive(Debug, Default)]
pub struct Strings {
    table: BTreeMap<String, String>,
    /// The strings file relative to the toolkit root, for messages.
    file: PathBuf,
    /// Keys looked up since the theme loaded that the table lacks.
    missing: Mutex<BTreeSet<String>>,
}

impl Strings {
    pub fn new(table: BTreeMap<String, String>, file: PathBuf) -> Strings {
        Strings {
            table,
            file,
            missing: Mutex::default(),
        }
    }

    /// The string for `key`; the key itself when the table lacks it, noted
    /// so that the render reports it.
    pub fn label(&self, key: &str) -> String {
        match self.table.get(key) {
            Some(text) => text.clone(),
            None => {
                self.note_missing(key);
                key.to_string()
            }
        }
    }

    /// The string for `key`, for a caller with a fallback of its own.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.table.get(key).map(String::as_str)
    }

    /// Whether the table has `key`, without noting it as missing.
    pub fn contains(&self, key: &str) -> bool {
        self.table.contains_key(key)
    }

    /// Every string by key, in key order.
    pub fn table(&self) -> &BTreeMap<String, String> {
        &self.table
    }

    /// The strings file, relative to the toolkit root.
    pub fn file(&self) -> &Path {
        &self.file
    }

    fn note_missing(&self, key: &str) {
        let mut missing = self.missing.lock().unwrap_or_else(PoisonError::into_inner);
        if !missing.contains(key) {
            missing.insert(key.to_string());
        }
    }

    /// A warning for each key looked up that the table lacks, except those
    /// in `reported` (already named, with their template, at theme load).
    pub fn missing_problems(&self, reported: &BTreeSet<String>) -> Vec<Problem> {
        let missing = self.missing.lock().unwrap_or_else(PoisonError::into_inner);
        missing
            .iter()
            .filter(|key| !reported.contains(*key))
            .map(|key| self.missing_key(&self.file, 0, key, Message::new("vrager-site")))
            .collect()
    }

    /// The warning for a UI string `key` that `who` asks for and the table
    /// lacks; `file` and `line` are where it is asked for.
    pub fn missing_key(&self, file: &Path, line: usize, key: &str, who: Message) -> Problem {
        Problem::warning(
            file,
            line,
            Message::new("tekst-ontbreekt")
                .text("wie", who)
                .arg("sleutel", key),
        )
        .hint(
            Message::new("tekst-ontbreekt-hint")
                .arg("sleutel", key)
                .arg("bestand", self.file.display()),
        )
    }
}

/// Cards take their headings from the same strings as pages.
impl crate::cards::Labels for Strings {
    fn label(&self, key: &str) -> String {
        Strings::label(self, key)
    }
}

/// The template function `t(k="key")`: the string for `key`, escaped like a
/// variable (it is not marked safe).
pub struct Lookup(pub std::sync::Arc<Strings>);

impl tera::Function for Lookup {
    fn call(&self, args: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
        match args.get("k") {
            Some(tera::Value::String(key)) => Ok(tera::Value::String(self.0.label(key))),
            Some(other) => Err(tera::Error::msg(format!(
                "t: de sleutel moet tekst zijn, niet {other}"
            ))),
            None => Err(tera::Error::msg(
                "t: geef de sleutel mee, bijvoorbeeld t(k=\"zoeken\")",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings() -> Strings {
        let table = [("hallo".to_string(), "Hallo".to_string())].into();
        Strings::new(table, "themes/eigen/i18n/nl.yaml".into())
    }

    #[test]
    fn a_missing_key_shows_as_itself_and_is_reported_once() {
        let s = strings();
        assert_eq!(s.label("hallo"), "Hallo");
        assert!(s.missing_problems(&BTreeSet::new()).is_empty());
        assert_eq!(s.label("weg"), "weg");
        assert_eq!(s.label("weg"), "weg");
        let problems = s.missing_problems(&BTreeSet::new());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(!problems[0].is_error());
        assert!(problems[0].message.contains("\"weg\""), "{problems:?}");
        assert_eq!(problems[0].file, Path::new("themes/eigen/i18n/nl.yaml"));
        let reported = ["weg".to_string()].into();
        assert!(s.missing_problems(&reported).is_empty());
    }

    #[test]
    fn get_and_contains_do_not_note_a_key_missing() {
        let s = strings();
        assert_eq!(s.get("weg"), None);
        assert!(!s.contains("weg"));
        assert!(s.missing_problems(&BTreeSet::new()).is_empty());
    }
}
