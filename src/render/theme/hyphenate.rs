//! Soft hyphens in long words, for the places where a word longer than its
//! box would otherwise be cut anywhere (a tile's or card's title, a heading):
//! the template filter `afbreken`.
//!
//! Chromium on Linux has no Dutch hyphenation patterns, so `hyphens: auto`
//! does nothing there for `lang="nl"`; the patterns come with the binary
//! instead (`hypher`, TeX's patterns, compiled in). The filter only inserts
//! U+00AD, which the browser shows as a hyphen where it breaks a line and
//! hides elsewhere. It is applied in templates to text that is shown, never
//! to attributes, URLs, code or the search index (those do not pass through
//! it), so searching and copying a title still find the plain word.

use hypher::Lang;
use std::collections::HashMap;

/// The name templates use: `{{ e.naam | afbreken }}`.
pub const FILTER: &str = "afbreken";

/// Words shorter than this always fit a box that holds any text at all.
const MIN_CHARS: usize = 10;

/// The `afbreken` filter for a site in `language` (its `taal`); a language
/// without patterns leaves the text as it is.
pub struct Hyphenate(Option<Lang>);

impl Hyphenate {
    pub fn for_language(language: &str) -> Hyphenate {
        let code: Option<[u8; 2]> = language.as_bytes().try_into().ok();
        Hyphenate(code.and_then(|c| Lang::from_iso(c.map(|b| b.to_ascii_lowercase()))))
    }
}

impl tera::Filter for Hyphenate {
    fn filter(
        &self,
        value: &tera::Value,
        _: &HashMap<String, tera::Value>,
    ) -> tera::Result<tera::Value> {
        let text = tera::try_get_value!(FILTER, "value", String, value);
        Ok(tera::Value::String(match self.0 {
            Some(lang) => soft_hyphens(&text, lang),
            None => text,
        }))
    }

    fn is_safe(&self) -> bool {
        false
    }
}

/// `text` with a soft hyphen between the syllables of each long word (a run
/// of letters: "(her)inrichten" is "her" and "inrichten").
pub fn soft_hyphens(text: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut word_start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_alphabetic(), word_start) {
            (true, None) => word_start = Some(i),
            (false, Some(start)) => {
                push_word(&mut out, &text[start..i], lang);
                word_start = None;
                if i < text.len() {
                    out.push(c);
                }
            }
            (false, None) if i < text.len() => out.push(c),
            _ => {}
        }
    }
    out
}

fn push_word(out: &mut String, word: &str, lang: Lang) {
    if word.chars().count() < MIN_CHARS {
        out.push_str(word);
        return;
    }
    for (i, syllable) in hypher::hyphenate(word, lang).enumerate() {
        if i > 0 {
            out.push('\u{AD}');
        }
        out.push_str(syllable);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nl(text: &str) -> String {
        soft_hyphens(text, Lang::Dutch)
    }

    #[test]
    fn long_dutch_compounds_get_soft_hyphens_and_read_the_same() {
        for text in [
            "Grensoverstijgende en ontwikkelingsgerichte cultuur",
            "Samen richten en (her)inrichten",
            "Leiderschap, autonomie – praktijkvoorbeelden!",
        ] {
            let out = nl(text);
            assert_eq!(out.replace('\u{AD}', ""), text);
        }
        assert_eq!(
            nl("Grensoverstijgende ontwikkelingsgerichte"),
            "Grens\u{AD}over\u{AD}stij\u{AD}gen\u{AD}de ont\u{AD}wik\u{AD}ke\u{AD}lings\u{AD}ge\u{AD}rich\u{AD}te"
        );
    }

    #[test]
    fn short_words_stay_whole() {
        assert_eq!(nl("Samen richten en leren"), "Samen richten en leren");
    }

    #[test]
    fn a_language_without_patterns_is_left_alone() {
        assert!(Hyphenate::for_language("xx").0.is_none());
        assert!(Hyphenate::for_language("nl").0.is_some());
        assert!(Hyphenate::for_language("en").0.is_some());
    }
}
