//! YAML parsing with positions an editor can use: the one entry point for all YAML.
//!
//! Every YAML text the program reads goes through [`parse`] (or [`try_parse`] when
//! no message is wanted), so this is the only module that knows the parser crate;
//! swapping it is a change to this file. The parser (serde-saphyr) counts lines
//! from the start of the YAML text; the caller passes where that text starts in
//! the file so the reported line is the file's line. It refuses a key written
//! twice in any map, and its budgets refuse alias bombs and deep nesting before
//! they cost time or stack. Its errors arrive as values; this module turns them
//! into Dutch messages, with a "did you mean" hint for unknown fields and values.

use super::yaml_syntax as syntax;
use crate::diagnostics::Problem;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_saphyr::Error;
use serde_saphyr::budget::BudgetBreach;
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
        p.hint = self.hint.map(Into::into);
        p
    }
}

/// Parses `text` whose first line is line `first_line` of its file.
pub fn parse<T: DeserializeOwned>(text: &str, first_line: usize) -> Result<T, YamlProblem> {
    // An empty document would otherwise read as "unexpected end of input", which says nothing.
    let source = if text.trim().is_empty() { "{}" } else { text };
    serde_saphyr::from_str_with_options(source, options())
        .map_err(|e| problem(&e, text, first_line))
}

/// Parses `text` as `T` when the caller needs the value or nothing: the preview
/// reading a theme's strings for an error page, a test helper. Hostile input is
/// refused as in [`parse`]; the reason is dropped.
pub fn try_parse<T: DeserializeOwned>(text: &str) -> Option<T> {
    parse(text, 1).ok()
}

/// A top-level map (`bronnen.yaml`, a theme's strings) whose keys are unique.
/// The parser refuses a key written twice in any map (a plain map would keep the
/// last one silently); the name keeps that promise visible where it matters.
#[derive(Debug, Deserialize)]
#[serde(transparent)]
pub struct UniqueKeys<V>(pub BTreeMap<String, V>);

/// How deep mappings and lists may nest. No content needs more than a few levels.
const MAX_DEPTH: usize = 64;

/// How many values aliases may expand to in one text: far more than any content
/// writes, few enough that a billion-laughs bomb is refused in milliseconds.
const MAX_EXPANDED: usize = 100_000;

/// The parser as the toolkit's content needs it.
fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        // `titel:` with nothing after it reads as empty text, which validation names.
        null_as_string: true,
        // Only `true` and `false` are booleans; `ja`, `yes` and `on` are refused.
        strict_booleans: true,
        // The report quotes the file's lines itself, counted from the top of the file.
        with_snippet: false,
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH,
            flow_nesting_limit: MAX_DEPTH,
            max_nodes: MAX_EXPANDED,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: MAX_EXPANDED,
        },
    }
}

/// The problem for a parser error, at the file's line.
fn problem(error: &Error, text: &str, first_line: usize) -> YamlProblem {
    let error = innermost(error);
    let (line, column) = error
        .location()
        .map(|l| (l.line() as usize, l.column() as usize))
        .filter(|&(l, _)| l > 0)
        .unwrap_or((1, 0));
    let at = Spot {
        text,
        first_line,
        line,
        column,
    };
    let (message, mut hint) = describe(error, &at);
    let mut message = match at.key() {
        Some(key) if is_about_a_value(error) => format!("{message} (bij `{key}`)"),
        _ => message,
    };
    // A quote or bracket left open is where the editor has to look, not the
    // later line where the parser gave up; else the line the text shows as
    // the cause (indentation, a missing space, an unquoted colon).
    // The budgets' own messages (nesting, aliases) are syntax errors too.
    let generic = message.starts_with("ongeldige YAML");
    let cause = match error {
        e if is_syntax(e) && !generic => {
            unclosed_before(text, line, column).map(|(line, column)| syntax::Cause {
                line,
                column,
                message: None,
                hint: hint.clone().unwrap_or_default(),
            })
        }
        e if is_syntax(e) => match unclosed_before(text, line, column) {
            Some((line, column)) => Some(syntax::unclosed(text, line, column)),
            None => syntax::syntax_cause(text, line, first_line),
        },
        e if is_about_a_value(e) => syntax::type_cause(text, line, first_line),
        // The parser notices a missing field at the end of the map; a top-level
        // map starts at the text's first line, where the editor looks for it.
        Error::SerdeMissingField { .. } if column <= 1 => Some(syntax::Cause {
            line: 1,
            column: 1,
            message: None,
            hint: hint.clone().unwrap_or_default(),
        }),
        _ => None,
    };
    let (line, column) = match cause {
        Some(cause) => {
            message = cause.message.unwrap_or(message);
            hint = Some(cause.hint);
            (cause.line, cause.column)
        }
        None => (line, column),
    };
    YamlProblem {
        line: first_line + line - 1,
        column,
        message,
        hint,
    }
}

/// The error itself, without the wrappers that add a snippet or an alias's use.
fn innermost(error: &Error) -> &Error {
    match error {
        Error::WithSnippet { error, .. } | Error::AliasError { error, .. } => innermost(error),
        other => other,
    }
}

/// Errors the parser raises about the text itself, not about what it means.
fn is_syntax(error: &Error) -> bool {
    matches!(
        error,
        Error::ExternalMessage { .. } | Error::Message { .. } | Error::Eof { .. }
    )
}

/// Where the innermost quote, `[` or `{` that is still open at (`line`,
/// `column`) was opened, 1-based. Only a quote or bracket that starts a value
/// counts: `it's` and `x[1]` in plain text open nothing.
fn unclosed_before(text: &str, line: usize, column: usize) -> Option<(usize, usize)> {
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut quote: Option<(char, usize, usize)> = None;
    for (i, raw) in text.lines().enumerate().take(line) {
        // The last character that is not a space, and the one just before.
        let (mut prev, mut before) = (None, None);
        let mut chars = raw.chars().enumerate().peekable();
        while let Some((col, c)) = chars.next() {
            if i + 1 == line && col + 1 >= column {
                break;
            }
            if let Some((q, ..)) = quote {
                match c {
                    '\\' if q == '"' => {
                        chars.next();
                    }
                    '\'' if q == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') => {
                        chars.next();
                    }
                    c if c == q => quote = None,
                    _ => {}
                }
                before = Some(c);
                continue;
            }
            let starts_value = matches!(prev, None | Some(':' | '-' | ',' | '[' | '{' | '?'));
            match c {
                '#' if before.is_none_or(char::is_whitespace) => break,
                '"' | '\'' if starts_value => quote = Some((c, i + 1, col + 1)),
                '[' | '{' if starts_value => open.push((i + 1, col + 1)),
                ']' | '}' => {
                    open.pop();
                }
                _ => {}
            }
            if !c.is_whitespace() {
                prev = Some(c);
            }
            before = Some(c);
        }
    }
    quote
        .map(|(_, l, c)| (l, c))
        .or_else(|| open.last().copied())
}

/// Errors about a value that stands after a key on its line.
fn is_about_a_value(error: &Error) -> bool {
    matches!(
        error,
        Error::InvalidScalar { .. }
            | Error::Unexpected { .. }
            | Error::SerdeInvalidType { .. }
            | Error::SerdeInvalidValue { .. }
            | Error::SerdeUnknownVariant { .. }
            | Error::InvalidBooleanStrict { .. }
    )
}

/// Where in the YAML text (1-based, counted from its start) an error points.
struct Spot<'a> {
    text: &'a str,
    /// The file's line where the text starts.
    first_line: usize,
    line: usize,
    column: usize,
}

impl Spot<'_> {
    /// The text of the line, before and from the error's column.
    fn halves(&self) -> Option<(&str, &str)> {
        let line = self.text.lines().nth(self.line.checked_sub(1)?)?;
        let at = line
            .char_indices()
            .nth(self.column.saturating_sub(1))
            .map_or(line.len(), |(i, _)| i);
        Some(line.split_at(at))
    }

    /// The key whose value the error points at: the last `key:` before it on its
    /// line, or else the key of the block the line stands in.
    fn key(&self) -> Option<String> {
        let (before, after) = self.halves()?;
        if let Some(key) = last_key(before) {
            return Some(key);
        }
        // `groepsgrootte:` with nothing after it: the error points at its end.
        let line = format!("{before}{after}");
        if matches!(after.trim(), "" | ":")
            && line.trim_end().ends_with(':')
            && let Some(key) = last_key(&format!("{} ", line.trim_end()))
        {
            return Some(key);
        }
        let indent = |l: &str| l.len() - l.trim_start().len();
        let own = indent(before);
        self.text
            .lines()
            .take(self.line.saturating_sub(1))
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .find(|l| indent(l) < own || (indent(l) == own && !l.trim_start().starts_with('-')))
            .and_then(|l| last_key(&format!("{} ", l.trim_end())))
    }

    /// What stands where the error points, in words, when its first character says.
    fn found(&self) -> Option<&'static str> {
        let after = self.halves()?.1.trim_start();
        let after = match after.strip_prefix(['&', '!']) {
            Some(rest) => rest.split_once(' ').map_or("", |(_, r)| r).trim_start(),
            None => after,
        };
        match after.chars().next()? {
            '[' | '-' => Some("een lijst"),
            '{' => Some("velden"),
            _ => None,
        }
    }

    /// The value the error points at, as written, for "verkeerd type: …".
    fn value(&self) -> Option<String> {
        let after = self.halves()?.1;
        let value = after.split(" #").next().unwrap_or(after).trim();
        let value = value.trim_end_matches([',', ']', '}']).trim();
        (!value.is_empty() && value.chars().count() <= 60).then(|| value.to_string())
    }

    /// The file's line before this one where `key` starts at the same column, if any.
    fn earlier(&self, key: &str) -> Option<usize> {
        let indent = self.column.saturating_sub(1);
        self.text
            .lines()
            .take(self.line.saturating_sub(1))
            .enumerate()
            .filter(|(_, l)| {
                let rest = l.get(indent..).unwrap_or("");
                l[..indent.min(l.len())].trim_matches([' ', '-']).is_empty()
                    && rest
                        .strip_prefix(key)
                        .is_some_and(|r| r.trim_start().starts_with(':'))
            })
            .map(|(i, _)| self.first_line + i)
            .last()
    }
}

/// The last key before a value on a line: `naam` in `  - naam: ` or in
/// `werkvorm: [duos, ` (anchors and tags after the colon are skipped).
fn last_key(before: &str) -> Option<String> {
    let (head, _) = before.rsplit_once(": ")?;
    let key = head
        .rsplit([' ', '[', '{', ','])
        .next()
        .unwrap_or(head)
        .trim_matches(['"', '\'']);
    (!key.is_empty() && !key.contains(':')).then(|| key.to_string())
}

/// Why a hint about types is given.
const TYPE_HINT: &str = "controleer de waarde: tekst, getal of lijst (zie docs/content.md)";

/// The Dutch message and hint for one parser error.
fn describe(error: &Error, at: &Spot) -> (String, Option<String>) {
    let wrong = |expected: &str| {
        let message = match at.value() {
            Some(value) => format!("verkeerd type: \"{value}\", {expected}"),
            None => format!("verkeerd type: {expected}"),
        };
        (message, Some(TYPE_HINT.to_string()))
    };
    match error {
        Error::SerdeUnknownField {
            field, expected, ..
        } => (
            format!("onbekend veld \"{field}\""),
            Some(suggest(field, expected)),
        ),
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => (
            format!("onbekende waarde \"{variant}\""),
            Some(suggest(variant, expected)),
        ),
        Error::SerdeMissingField { field, .. } => (
            format!("verplicht veld \"{field}\" ontbreekt"),
            Some("voeg het veld toe (zie docs/content.md)".into()),
        ),
        Error::DuplicateMappingKey { key, .. } => twice(key.as_deref().unwrap_or("?"), at),
        Error::InvalidScalar { ty, .. } => wrong(&expected_scalar(ty)),
        Error::InvalidBooleanStrict { .. } => wrong("verwacht true of false"),
        Error::Unexpected { expected, .. } => {
            let found = at.found().map(|f| format!("{f}, ")).unwrap_or_default();
            (
                format!("verkeerd type: {found}{}", expected_shape(expected)),
                Some(TYPE_HINT.into()),
            )
        }
        Error::SerdeInvalidType {
            unexpected,
            expected,
            ..
        }
        | Error::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => (
            format!(
                "verkeerd type: {}, {}",
                unexpected.replace("string ", "tekst "),
                expected_shape(expected)
            ),
            Some(TYPE_HINT.into()),
        ),
        Error::Budget { breach, .. } => too_much(breach),
        Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => {
            too_much(&BudgetBreach::Aliases { aliases: 0 })
        }
        other if other.to_string().starts_with("recursion limit exceeded") => {
            too_much(&BudgetBreach::Depth { depth: MAX_DEPTH })
        }
        other => (
            format!("ongeldige YAML: {}", syntax::translate(&other.to_string())),
            Some(syntax::GENERAL_HINT.into()),
        ),
    }
}

/// A key written twice, at the line of its second occurrence.
fn twice(key: &str, at: &Spot) -> (String, Option<String>) {
    let earlier = at
        .earlier(key)
        .map(|l| format!(" (ook op regel {l})"))
        .unwrap_or_default();
    (
        format!("\"{key}\" staat er twee keer{earlier}"),
        Some(
            "elke sleutel mag maar één keer voorkomen: voeg de twee samen of geef er een een andere naam"
                .into(),
        ),
    )
}

/// Hostile or runaway input the budgets refused.
fn too_much(breach: &BudgetBreach) -> (String, Option<String>) {
    match breach {
        BudgetBreach::Depth { .. } => (
            format!("de YAML is dieper dan {MAX_DEPTH} niveaus genest"),
            Some(
                "schrijf lijsten en velden onder elkaar in plaats van tussen haakjes in elkaar"
                    .into(),
            ),
        ),
        _ => (
            "de YAML is te groot: aliassen (`*naam`) vouwen uit tot te veel waarden".into(),
            Some("schrijf de waarden uit in plaats van ze met `&` en `*` te herhalen".into()),
        ),
    }
}

/// What a scalar should have been, for the Rust type the field has.
fn expected_scalar(ty: &str) -> String {
    match ty {
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" => {
            "verwacht een geheel getal".into()
        }
        "f32" | "f64" => "verwacht een getal".into(),
        "bool" | "boolean" => "verwacht true of false".into(),
        other => format!("verwacht {other}"),
    }
}

/// What a value should have been, in the parser's or serde's words.
fn expected_shape(expected: &str) -> String {
    let shape = expected
        .trim_start_matches("expected ")
        .trim_end_matches(" start");
    match shape {
        "string scalar" | "a string" | "scalar" => "verwacht tekst".into(),
        "sequence" | "a sequence" => "verwacht een lijst".into(),
        "mapping" | "a map" => "verwacht velden".into(),
        "a boolean" => "verwacht true of false".into(),
        "u32" | "u16" | "u64" | "usize" => "verwacht een geheel getal".into(),
        other => match other.strip_prefix("struct ") {
            Some(name) => format!("verwacht de velden van {name}"),
            None => format!("verwacht {other}"),
        },
    }
}

/// For unknown fields and values: the closest allowed one, and the full list.
fn suggest(given: &str, expected: &[&str]) -> String {
    // Close means at most a third of the longer word differs (a swapped pair
    // of letters counting once): `draft` is not a typo of `wat`.
    let best = expected
        .iter()
        .map(|c| (strsim::osa_distance(given, c), c))
        .min_by_key(|(d, _)| *d)
        .filter(|(d, c)| *d * 3 <= given.chars().count().max(c.chars().count()));
    let list = expected.join(", ");
    match best {
        Some((_, c)) => format!("bedoel je \"{c}\"? Toegestaan: {list}"),
        None => format!("toegestaan: {list}"),
    }
}

#[cfg(test)]
#[path = "yaml_tests.rs"]
mod tests;
