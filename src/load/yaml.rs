//! YAML parsing with positions an editor can use: the one entry point for all YAML.
//!
//! Every YAML text the program reads goes through [`parse`] (or [`try_parse`] when
//! no message is wanted), so this is the only module that knows the parser crate;
//! swapping it is a change to this file. serde_yaml counts lines from the start of
//! the YAML text; the caller passes where that text starts in the file so the
//! reported line is the file's line. Unknown fields and variants get a "did you
//! mean" hint.

use crate::diagnostics::Problem;
use serde::de::{self, DeserializeOwned};
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;
use std::path::Path;

/// A YAML problem before the file name is known.
pub struct YamlProblem {
    line: usize,
    column: usize,
    message: String,
    hint: Option<String>,
}

impl YamlProblem {
    pub fn into_problem(self, file: &Path) -> Problem {
        let mut p = Problem::error(file, self.line, self.message).column(self.column);
        p.hint = self.hint;
        p
    }
}

/// Parses `text` whose first line is line `first_line` of its file.
pub fn parse<T: DeserializeOwned>(text: &str, first_line: usize) -> Result<T, YamlProblem> {
    too_deep(text, first_line)?;
    // An empty document would otherwise read as "invalid type: unit", which says nothing.
    let source = if text.trim().is_empty() { "{}" } else { text };
    serde_yaml::from_str(source).map_err(|e| {
        let (mut line, mut column) = e
            .location()
            .map(|l| (first_line + l.line() - 1, l.column()))
            .unwrap_or((first_line, 0));
        let raw = e.to_string();
        // "…, while scanning a quoted scalar at line 2 column 8": the place where the
        // unfinished construct began is where the editor has to look.
        if let Some((l, c)) = raw
            .split_once(", while ")
            .and_then(|(_, ctx)| position(ctx))
        {
            line = first_line + l - 1;
            column = c;
        }
        // serde_yaml appends " at line N column M"; the position is reported separately.
        let message = raw.split(" at line ").next().unwrap_or(&raw).to_string();
        if let Some(twice) = duplicate(text, first_line, &message) {
            return twice;
        }
        let hint = hint_for(&message);
        YamlProblem {
            line,
            column,
            message: translate(&message),
            hint,
        }
    })
}

/// Parses `text` as `T` when the caller needs the value or nothing: the preview
/// reading a theme's strings for an error page, a test helper. Hostile input is
/// refused as in [`parse`]; the reason is dropped.
pub fn try_parse<T: DeserializeOwned>(text: &str) -> Option<T> {
    parse(text, 1).ok()
}

/// A top-level map (`bronnen.yaml`, a theme's strings) that refuses a key
/// written twice: into a plain map serde_yaml keeps the last one silently.
#[derive(Debug)]
pub struct UniqueKeys<V>(pub BTreeMap<String, V>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for UniqueKeys<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> de::Visitor<'de> for Visitor<V> {
            type Value = UniqueKeys<V>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = BTreeMap::new();
                while let Some(key) = map.next_key::<String>()? {
                    if out.contains_key(&key) {
                        return Err(de::Error::custom(format!("{DUPLICATE_KEY}`{key}`")));
                    }
                    out.insert(key, map.next_value()?);
                }
                Ok(UniqueKeys(out))
            }
        }
        deserializer.deserialize_map(Visitor(std::marker::PhantomData))
    }
}

/// How [`UniqueKeys`] starts its error; serde's derive says "duplicate field ".
const DUPLICATE_KEY: &str = "duplicate key ";

/// A key or field written twice, at the line of its second top-level
/// occurrence: serde_yaml places it at the start of the whole map.
fn duplicate(text: &str, first_line: usize, message: &str) -> Option<YamlProblem> {
    let rest = message
        .strip_prefix(DUPLICATE_KEY)
        .or_else(|| message.strip_prefix("duplicate field "))?;
    let key = rest.trim().trim_matches('`');
    let lines: Vec<usize> = super::locate::top_level_keys(text)
        .into_iter()
        .filter(|(k, _)| k == key)
        .map(|(_, i)| first_line + i)
        .collect();
    let (line, earlier) = match lines[..] {
        [first, second, ..] => (second, format!(" (ook op regel {first})")),
        _ => (first_line, String::new()),
    };
    Some(YamlProblem {
        line,
        column: 1,
        message: format!("\"{key}\" staat er twee keer{earlier}"),
        hint: Some(
            "elke sleutel mag maar één keer voorkomen: voeg de twee samen of geef er een een andere naam"
                .into(),
        ),
    })
}

/// How deep `[` and `{` may nest. No content needs more than a few levels; the
/// YAML parser slows down quadratically on very deep flow nesting, so hostile
/// input is refused before it reaches the parser.
const MAX_FLOW_DEPTH: usize = 64;

/// Refuses flow collections nested deeper than [`MAX_FLOW_DEPTH`].
fn too_deep(text: &str, first_line: usize) -> Result<(), YamlProblem> {
    let mut depth = 0usize;
    let (mut single, mut double) = (false, false);
    for (i, line) in text.lines().enumerate() {
        let mut prev = ' ';
        for (col, c) in line.chars().enumerate() {
            match c {
                '#' if !single && !double && (prev == ' ' || prev == '\t') => break,
                '\'' if !double => single = !single,
                '"' if !single && prev != '\\' => double = !double,
                '[' | '{' if !single && !double => {
                    depth += 1;
                    if depth > MAX_FLOW_DEPTH {
                        return Err(YamlProblem {
                            line: first_line + i,
                            column: col + 1,
                            message: format!("de YAML is dieper dan {MAX_FLOW_DEPTH} niveaus genest"),
                            hint: Some("schrijf lijsten en velden onder elkaar in plaats van tussen haakjes in elkaar".into()),
                        });
                    }
                }
                ']' | '}' if !single && !double => depth = depth.saturating_sub(1),
                _ => {}
            }
            prev = c;
        }
    }
    Ok(())
}

/// Reads "… at line N column M".
fn position(text: &str) -> Option<(usize, usize)> {
    let rest = &text[text.find(" at line ")? + 9..];
    let (l, rest) = rest.split_once(" column ")?;
    let c: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((l.trim().parse().ok()?, c.parse().ok()?))
}

/// Known serde message starts; what comes before them is the path of the field.
const KINDS: [&str; 4] = [
    "unknown field ",
    "missing field ",
    "unknown variant ",
    "invalid type: ",
];

/// Splits "stappen[0].minuten: invalid type: …" into the field path and the message.
fn split_path(message: &str) -> (Option<&str>, &str) {
    for kind in KINDS {
        if let Some(i) = message.find(kind)
            && i >= 2
            && &message[i - 2..i] == ": "
        {
            return (Some(&message[..i - 2]), &message[i..]);
        }
    }
    (None, message)
}

/// Turns serde's English messages into Dutch ones, keeping the field names.
fn translate(message: &str) -> String {
    match split_path(message) {
        (Some(path), rest) => format!("{} (bij `{path}`)", translate_kind(rest)),
        (None, rest) => translate_kind(rest),
    }
}

fn translate_kind(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let field = rest.split(',').next().unwrap_or(rest).trim_matches('`');
        return format!("onbekend veld \"{field}\"");
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!("verplicht veld \"{}\" ontbreekt", rest.trim_matches('`'));
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let value = rest.split(',').next().unwrap_or(rest).trim_matches('`');
        return format!("onbekende waarde \"{value}\"");
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let rest = rest
            .replace("expected u32", "verwacht een geheel getal")
            .replace("expected a sequence", "verwacht een lijst")
            .replace("expected a string", "verwacht tekst")
            .replace("expected a boolean", "verwacht true of false")
            .replace("expected struct ", "verwacht de velden van ")
            .replace("expected a map", "verwacht velden")
            .replace("string ", "tekst ");
        return format!("verkeerd type: {rest}");
    }
    format!("ongeldige YAML: {message}")
}

/// For unknown fields and values: the closest allowed one, and the full list.
fn hint_for(message: &str) -> Option<String> {
    let message = split_path(message).1;
    let (given, expected) = if let Some(rest) = message.strip_prefix("unknown field ") {
        split_expected(rest)?
    } else if let Some(rest) = message.strip_prefix("unknown variant ") {
        split_expected(rest)?
    } else if message.starts_with("missing field ") {
        return Some("voeg het veld toe (zie docs/content.md)".into());
    } else if message.starts_with("invalid type") {
        return Some("controleer de waarde: tekst, getal of lijst (zie docs/content.md)".into());
    } else {
        return Some(
            "controleer inspringing, dubbele punten en aanhalingstekens op deze regel".into(),
        );
    };
    // Close means at most a third of the longer word differs (a swapped pair
    // of letters counting once): `draft` is not a typo of `wat`.
    let best = expected
        .iter()
        .map(|c| (strsim::osa_distance(&given, c), c))
        .min_by_key(|(d, _)| *d)
        .filter(|(d, c)| *d * 3 <= given.chars().count().max(c.chars().count()));
    let list = expected.join(", ");
    Some(match best {
        Some((_, c)) => format!("bedoel je \"{c}\"? Toegestaan: {list}"),
        None => format!("toegestaan: {list}"),
    })
}

/// Reads "`x`, expected one of `a`, `b`" (or "expected `a`").
fn split_expected(rest: &str) -> Option<(String, Vec<String>)> {
    let (given, tail) = rest.split_once(", expected ")?;
    let tail = tail.strip_prefix("one of ").unwrap_or(tail);
    let expected = tail
        .split([','])
        .flat_map(|s| s.split(" or "))
        .map(|s| s.trim().trim_matches('`').to_string())
        .filter(|s| !s.is_empty())
        .collect();
    Some((given.trim_matches('`').to_string(), expected))
}

#[cfg(test)]
mod tests {

    #[test]
    fn suggests_only_a_field_that_is_close() {
        let hint = |given: &str| {
            hint_for(&format!(
                "unknown field `{given}`, expected one of `wat`, `doel`, `titel`"
            ))
            .unwrap()
        };
        assert!(
            hint("titl").contains("bedoel je \"titel\"?"),
            "{}",
            hint("titl")
        );
        assert!(
            hint("wta").contains("bedoel je \"wat\"?"),
            "{}",
            hint("wta")
        );
        for far in ["draft", "concept"] {
            let h = hint(far);
            assert!(!h.contains("bedoel je"), "{far}: {h}");
            assert!(h.contains("toegestaan: wat, doel, titel"), "{far}: {h}");
        }
    }

    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        doel: String,
        naam: String,
    }

    #[test]
    fn unknown_field_names_line_and_suggests() {
        let err = parse::<T>("naam: x\ndoell: y\n", 5).err().unwrap();
        assert_eq!(err.line, 6);
        assert_eq!(err.message, "onbekend veld \"doell\"");
        assert!(err.hint.unwrap().contains("bedoel je \"doel\"?"));
    }

    #[test]
    fn missing_field_is_named() {
        let err = parse::<T>("naam: x\n", 2).err().unwrap();
        assert!(
            err.message.contains("\"doel\" ontbreekt"),
            "{}",
            err.message
        );
    }

    #[test]
    fn deep_flow_nesting_is_refused_before_parsing() {
        let deep = format!("a: {}{}", "[".repeat(100), "]".repeat(100));
        let err = parse::<serde_json::Value>(&deep, 2).err().unwrap();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("genest"));
        assert!(parse::<serde_json::Value>("a: \"[[[[\"\nb: [[1], {c: [2]}]\n", 1).is_ok());
    }

    #[test]
    fn a_key_twice_is_refused_at_its_second_line() {
        let text = "a: x\nb: y\na: z\n";
        let err = parse::<UniqueKeys<String>>(text, 3).err().unwrap();
        assert_eq!(err.line, 5);
        assert!(
            err.message
                .contains("\"a\" staat er twee keer (ook op regel 3)")
        );
        let flow = parse::<UniqueKeys<String>>("{a: x, a: y}", 1)
            .err()
            .unwrap();
        assert!(flow.message.contains("twee keer"), "{}", flow.message);
        let field = parse::<T>("doel: x\nnaam: y\ndoel: z\n", 2).err().unwrap();
        assert_eq!((field.line, field.message.contains("\"doel\"")), (4, true));
    }

    #[test]
    fn syntax_error_names_the_line() {
        let err = parse::<T>("naam: x\ndoel: [a\n", 2).err().unwrap();
        assert!(err.line >= 3, "line {}", err.line);
    }
}
