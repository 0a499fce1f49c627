//! Template errors as problems: the template, the line and, for a variable
//! the context lacks, the name it has that comes closest.
//!
//! Tera's parse errors carry a line; its render errors name only the
//! template and the variable, so the line is found in the template's text.
//! Tera's English for the common render errors is said in the site's language
//! (through the catalogue); other messages stay as Tera gives them.

use super::{TemplateFiles, Theme};
use crate::diagnostics::{Message, Problem, SourceTexts, Text};

impl Theme {
    /// A render error of `ctx`'s page as a problem. For a variable the
    /// context lacks: the template and line that use it (the one rendered,
    /// else a template it includes, extends or imports), and "bedoel je …"
    /// from the keys the context has.
    pub fn render_problem(&self, error: &tera::Error, ctx: &tera::Context) -> Problem {
        let problem = template_problem(&self.files, error);
        let text = chain(error).join("\n");
        let Some(var) = between(&text, "Variable `", "` not found in context") else {
            return problem;
        };
        let rendering = quoted_after(&text, "while rendering '");
        let (file, line, column) = match self.find_use(var, rendering.as_deref()) {
            Some((name, line, column)) => (self.files.file(&name), line, column),
            None => (problem.file.clone(), 0, 0),
        };
        Problem::error(
            file,
            line,
            Message::new("template-onbekende-variabele").arg("var", var),
        )
        .column(column)
        .hint(variable_hint(var, &ctx.clone().into_json()))
    }

    /// `texts` and the templates' texts, so that a report can quote the
    /// line of a render error.
    pub fn with_texts(&self, texts: &SourceTexts) -> SourceTexts {
        let mut all = texts.clone();
        for (name, text) in &self.sources {
            all.insert(&self.files.file(name), text);
        }
        all
    }

    /// The first use of `var` in a template: its name, line and column.
    fn find_use(&self, var: &str, first: Option<&str>) -> Option<(String, usize, usize)> {
        let own = first.and_then(|name| self.sources.get_key_value(name));
        own.into_iter()
            .chain(self.sources.iter())
            .find_map(|(name, text)| {
                text.lines().enumerate().find_map(|(i, line)| {
                    let at = uses_at(line, var)?;
                    Some((name.clone(), i + 1, line[..at].chars().count() + 1))
                })
            })
    }
}

/// Where `var` stands in `line` as a whole name (not part of a longer one).
fn uses_at(line: &str, var: &str) -> Option<usize> {
    let part = |c: char| c.is_alphanumeric() || c == '_';
    line.match_indices(var).map(|(i, _)| i).find(|&i| {
        let before = line[..i].chars().next_back();
        let after = line[i + var.len()..].chars().next();
        !before.is_some_and(|c| part(c) || c == '.') && !after.is_some_and(part)
    })
}

/// "bedoel je …" for a variable the context lacks: the path is followed as
/// far as the context has it, and the next part compared with the keys there.
fn variable_hint(var: &str, context: &serde_json::Value) -> Message {
    let mut here = context;
    let mut path: Vec<&str> = Vec::new();
    for part in var.split('.') {
        let Some(map) = here.as_object() else { break };
        match map.get(part) {
            Some(next) => {
                here = next;
                path.push(part);
            }
            None => {
                let prefix = path.iter().map(|p| format!("{p}.")).collect::<String>();
                let best = map
                    .keys()
                    .map(|k| (strsim::osa_distance(part, k), k))
                    .min_by_key(|(d, _)| *d)
                    .filter(|(d, k)| *d <= 2.max(k.chars().count() / 3));
                return match best {
                    Some((_, k)) => {
                        Message::new("template-bedoel-je").arg("naam", format!("{prefix}{k}"))
                    }
                    None if path.is_empty() => {
                        Message::new("template-niet-in-context").arg("deel", part)
                    }
                    None => {
                        let keys: Vec<&str> = map.keys().map(String::as_str).take(15).collect();
                        Message::new("template-heeft")
                            .arg("pad", path.join("."))
                            .arg("sleutels", keys.join(", "))
                    }
                };
            }
        }
    }
    Message::new("template-controleer-naam")
}

/// The messages of an error and its sources, outermost first.
fn chain(error: &tera::Error) -> Vec<String> {
    let mut messages = vec![error.to_string()];
    let mut source = std::error::Error::source(error);
    while let Some(s) = source {
        messages.push(s.to_string());
        source = s.source();
    }
    messages
}

/// The text between `start` and `end`, where `start` first occurs.
fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let len = text[from..].find(end)?;
    Some(&text[from..from + len])
}

/// Tera's English for the common render errors, through the catalogue;
/// other messages stay as Tera gives them.
fn said(message: &str) -> Text {
    let named = |what: &str, pattern: &str| {
        let name = between(message, &format!("{pattern} '"), "' not found")?;
        Some(
            Message::new("template-bestaat-niet")
                .arg("wat", what)
                .arg("naam", name),
        )
    };
    if let Some(var) = between(message, "Variable `", "` not found in context") {
        return Message::new("template-variabele").arg("var", var).into();
    }
    named("filter", "Filter")
        .or_else(|| named("functie", "Function"))
        .or_else(|| named("test", "Test"))
        .or_else(|| named("template", "Template"))
        .map_or_else(|| message.into(), Text::from)
}

/// Turns a Tera error into a problem naming the template (in the layer it
/// comes from) and line.
pub fn template_problem(files: &TemplateFiles, error: &tera::Error) -> Problem {
    let messages = chain(error);
    let text = messages.join("\n");
    let template = quoted_after(&text, "template '")
        .or_else(|| quoted_after(&text, "Failed to parse '"))
        .or_else(|| quoted_after(&text, "Failed to render '"));
    let file = template
        .as_ref()
        .map(|t| files.file(t))
        .unwrap_or_else(|| files.folder());
    let (line, column) = position(&text).unwrap_or((0, 0));
    let last = messages
        .iter()
        .rev()
        .find(|m| !m.trim().is_empty())
        .cloned()
        .unwrap_or_default();
    // Tera's parse errors quote the line themselves; the report quotes it already,
    // so keep only the "= expected …" part.
    let message = last
        .lines()
        .find_map(|l| l.trim().strip_prefix("= "))
        .map(str::to_string)
        .unwrap_or(last);
    Problem::error(
        file,
        line,
        Message::new("template-fout").text("melding", said(message.trim())),
    )
    .column(column)
    .hint(Message::new("template-syntaxis-hint"))
}

fn quoted_after(text: &str, marker: &str) -> Option<String> {
    let start = text.find(marker)? + marker.len();
    let end = text[start..].find('\'')?;
    Some(text[start..start + end].to_string())
}

/// Tera's parse errors contain `--> line:column`.
fn position(text: &str) -> Option<(usize, usize)> {
    let start = text.find("--> ")? + 4;
    let rest = &text[start..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ':'))
        .unwrap_or(rest.len());
    let (l, c) = rest[..end].split_once(':')?;
    Some((l.parse().ok()?, c.parse().ok()?))
}
