//! What werkplaats says about a toolkit, in each language it speaks.
//!
//! A problem's message and hint are said through a catalogue of Fluent
//! messages (`nl.ftl`, `en.ftl`, built into the binary), by an id and named
//! arguments, so the report can be given in the site's language: Fluent
//! because its messages carry their own plurals and word order, which
//! `format!` strings in the code cannot, and translators know its files.
//!
//! A [`Text`] keeps the Dutch wording it was made with (what tests and the
//! `Display` of a problem read) and, when it was said through the catalogue,
//! the [`Message`] to say it again in another language. Texts not yet moved
//! to the catalogue are plain and read the same in every language.

use crate::language::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

/// The catalogue of one language.
const DUTCH: &str = include_str!("nl.ftl");
const ENGLISH: &str = include_str!("en.ftl");

/// One message of the catalogue with its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// An argument of a message: words as given (a field name, a path), a count
/// (for the message's plurals), or a text said in the same language.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Arg {
    Words(String),
    Count(u64),
    Text(Text),
}

impl Message {
    /// The message `id` of the catalogue; a test checks that each id the
    /// code says is in every language's file.
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// Adds the argument `$name`, shown as given.
    pub fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Message {
        self.args.push((name, Arg::Words(value.to_string())));
        self
    }

    /// Adds the count `$name`, which the message may choose its plural by.
    pub fn count(mut self, name: &'static str, n: usize) -> Message {
        self.args.push((name, Arg::Count(n as u64)));
        self
    }

    /// Adds `$name`, a text of its own said in the message's language.
    pub fn text(mut self, name: &'static str, text: impl Into<Text>) -> Message {
        self.args.push((name, Arg::Text(text.into())));
        self
    }

    /// The message in `language`.
    pub fn say(&self, language: Language) -> String {
        let bundle = bundle(language);
        let Some(pattern) = bundle.get_message(self.id).and_then(|m| m.value()) else {
            // Only when a language's file lacks an id, which a test prevents.
            return match language {
                Language::Dutch => self.id.to_string(),
                _ => self.say(Language::Dutch),
            };
        };
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            let value = match value {
                Arg::Words(w) => FluentValue::from(w.as_str()),
                Arg::Count(n) => FluentValue::from(*n),
                Arg::Text(t) => FluentValue::from(t.say(language).into_owned()),
            };
            args.set(*name, value);
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned()
    }
}

/// The catalogue of `language`, parsed once.
fn bundle(language: Language) -> &'static FluentBundle<FluentResource> {
    static DUTCH_BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static ENGLISH_BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let (cell, source, tag) = match language {
        Language::Dutch => (&DUTCH_BUNDLE, DUTCH, "nl"),
        Language::English => (&ENGLISH_BUNDLE, ENGLISH, "en"),
    };
    cell.get_or_init(|| {
        let tag = tag.parse().expect("a language tag");
        let mut bundle = FluentBundle::new_concurrent(vec![tag]);
        // No Unicode isolation marks around arguments: reports are plain text.
        bundle.set_use_isolating(false);
        let resource =
            FluentResource::try_new(source.to_string()).unwrap_or_else(|(resource, _)| resource);
        let _ = bundle.add_resource(resource);
        bundle
    })
}

/// A text for the reader of a report: plain, or said through the catalogue.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    /// The text in Dutch, the default language.
    dutch: String,
    /// How to say it in another language; `None` for a plain text.
    said: Option<Box<Message>>,
}

impl Text {
    /// The text in `language`.
    pub fn say(&self, language: Language) -> Cow<'_, str> {
        match (&self.said, language) {
            (Some(message), Language::English) => Cow::Owned(message.say(language)),
            _ => Cow::Borrowed(&self.dutch),
        }
    }

    /// The text in Dutch.
    pub fn as_str(&self) -> &str {
        &self.dutch
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.dutch
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.dutch)
    }
}

impl From<Message> for Text {
    fn from(message: Message) -> Text {
        Text {
            dutch: message.say(Language::Dutch),
            said: Some(Box::new(message)),
        }
    }
}

impl From<String> for Text {
    fn from(dutch: String) -> Text {
        Text { dutch, said: None }
    }
}

impl From<&str> for Text {
    fn from(dutch: &str) -> Text {
        Text::from(dutch.to_string())
    }
}

impl From<&String> for Text {
    fn from(dutch: &String) -> Text {
        Text::from(dutch.clone())
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.dutch == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.dutch == *other
    }
}

#[cfg(test)]
mod tests;
