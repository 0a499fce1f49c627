//! The languages werkplaats itself speaks: in its command line and in the
//! problems it reports. (A site's own texts come from its theme's strings
//! and can be in any language.)

/// A language werkplaats speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    /// The default: the language of the toolkit werkplaats was made for.
    #[default]
    Dutch,
    English,
}

impl Language {
    /// For a language code or locale (`nl`, `en-GB`, `nl_NL.UTF-8`); `None`
    /// when it names no language (`C`, `POSIX`, empty). Any language but
    /// Dutch gets English, the one more people read.
    pub fn of_code(code: &str) -> Option<Language> {
        let lower = code.trim().to_ascii_lowercase();
        let base = lower.split(['_', '-', '.', '@']).next().unwrap_or("");
        match base {
            "nl" => Some(Language::Dutch),
            "" | "c" | "posix" => None,
            _ => Some(Language::English),
        }
    }

    /// The language of a site whose `taal:` is `code`; Dutch for a code
    /// that names none.
    pub fn of_site(code: &str) -> Language {
        Language::of_code(code).unwrap_or_default()
    }
}
