//! A theme: Tera templates, UI strings and static files from `themes/<name>/`.
//!
//! Templates are parsed once per build. A template error names the template and,
//! where Tera knows it, the line, so a theme author can find it like a content error.

mod inline;

use crate::diagnostics::{Problem, Problems, SourceTexts};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// A loaded theme.
pub struct Theme {
    pub tera: tera::Tera,
    /// UI strings for the site's language (`i18n/<taal>.yaml`).
    pub strings: BTreeMap<String, String>,
    /// `static/`, copied as is into the output.
    pub static_dir: PathBuf,
    /// Theme folder relative to the toolkit root, for messages.
    pub dir: PathBuf,
    /// Whether a template still reads the strings as `t` from its context;
    /// the default theme's strings are written into the templates (`inline`).
    pub strings_in_context: bool,
}

impl Theme {
    /// The strings to put in a template context as `t`, when a template needs them.
    pub fn context_strings(&self) -> Option<&BTreeMap<String, String>> {
        self.strings_in_context.then_some(&self.strings)
    }
}

impl Theme {
    /// Loads theme `name` below `root/themes/`, with strings for `language`.
    pub fn load(
        root: &Path,
        name: &str,
        language: &str,
        texts: &mut SourceTexts,
    ) -> Result<Theme, Problems> {
        let dir = Path::new("themes").join(name);
        let abs = root.join(&dir);
        let mut problems = Problems::default();
        if !abs.is_dir() {
            problems.push(
                Problem::error(
                    "site.yaml",
                    0,
                    format!(
                        "het thema \"{name}\" bestaat niet ({} ontbreekt)",
                        dir.display()
                    ),
                )
                .hint("zet `thema:` in site.yaml op een map onder themes/, bijvoorbeeld default"),
            );
            return Err(problems);
        }
        let strings_file = dir.join("i18n").join(format!("{language}.yaml"));
        let strings = match std::fs::read_to_string(root.join(&strings_file)) {
            Ok(text) => {
                texts.insert(&strings_file, &text);
                match serde_yaml::from_str::<BTreeMap<String, String>>(&text) {
                    Ok(s) => s,
                    Err(e) => {
                        let line = e.location().map_or(0, |l| l.line());
                        problems.push(Problem::error(
                            &strings_file,
                            line,
                            format!("ongeldige YAML: {e}"),
                        ));
                        BTreeMap::new()
                    }
                }
            }
            Err(_) => {
                problems.push(
                    Problem::error(
                        &strings_file,
                        0,
                        format!("er zijn geen teksten voor de taal \"{language}\""),
                    )
                    .hint(format!(
                        "maak {} aan (kopieer nl.yaml en vertaal)",
                        strings_file.display()
                    )),
                );
                BTreeMap::new()
            }
        };
        let mut sources = Vec::new();
        let mut inlined_sources = Vec::new();
        let mut strings_in_context = false;
        let templates = abs.join("templates");
        for entry in WalkDir::new(&templates)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            if !entry.file_type().is_file() {
                continue;
            }
            let Ok(name) = entry.path().strip_prefix(&templates) else {
                continue;
            };
            let name = name.to_string_lossy().replace('\\', "/");
            let rel = dir.join("templates").join(&name);
            match std::fs::read_to_string(entry.path()) {
                Ok(text) => {
                    texts.insert(&rel, &text);
                    let inlined = inline::inline(&text, &strings);
                    strings_in_context |= inlined.needs_table;
                    inlined_sources.push((name.clone(), inlined.source));
                    sources.push((name, text));
                }
                Err(e) => problems.push(Problem::error(
                    &rel,
                    0,
                    format!("kan de template niet lezen: {e}"),
                )),
            }
        }
        // One template that uses `t` any other way (a variable of its own, say,
        // that templates it includes see too) keeps the table for all; and if
        // the templates do not parse with the strings written in, they are
        // parsed as written, so that an error points at what the author wrote.
        let mut tera = new_tera();
        if strings_in_context || tera.add_raw_templates(inlined_sources).is_err() {
            strings_in_context = true;
            tera = new_tera();
            if let Err(e) = tera.add_raw_templates(sources) {
                problems.push(template_problem(&dir, &e));
            }
        }
        if problems.has_errors() {
            return Err(problems);
        }
        Ok(Theme {
            tera,
            strings,
            static_dir: abs.join("static"),
            dir,
            strings_in_context,
        })
    }
}

/// A Tera instance that escapes what HTML, XML and SVG templates print.
fn new_tera() -> tera::Tera {
    let mut tera = tera::Tera::default();
    tera.autoescape_on(vec![".html", ".xml", ".svg"]);
    tera
}

/// Turns a Tera error into a problem naming the template and line.
pub fn template_problem(theme_dir: &Path, error: &tera::Error) -> Problem {
    let mut messages = vec![error.to_string()];
    let mut source = std::error::Error::source(error);
    while let Some(s) = source {
        messages.push(s.to_string());
        source = s.source();
    }
    let text = messages.join("\n");
    let template = quoted_after(&text, "template '")
        .or_else(|| quoted_after(&text, "Failed to parse '"))
        .or_else(|| quoted_after(&text, "Failed to render '"));
    let file = template
        .as_ref()
        .map(|t| theme_dir.join("templates").join(t))
        .unwrap_or_else(|| theme_dir.join("templates"));
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
    Problem::error(file, line, format!("templatefout: {}", message.trim()))
        .column(column)
        .hint("controleer de Tera-syntaxis en de namen van variabelen in de template")
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A theme below a temp folder with `templates` and the strings `nl.yaml`.
    fn theme_with(templates: &[(&str, &str)]) -> (tempfile::TempDir, Theme) {
        let dir = tempfile::tempdir().expect("temp dir");
        let t = dir.path().join("themes/eigen");
        std::fs::create_dir_all(t.join("templates")).expect("mkdir");
        std::fs::create_dir_all(t.join("i18n")).expect("mkdir");
        std::fs::write(t.join("i18n/nl.yaml"), "hallo: Hallo\n").expect("write");
        for (name, text) in templates {
            std::fs::write(t.join("templates").join(name), text).expect("write");
        }
        let theme = Theme::load(dir.path(), "eigen", "nl", &mut SourceTexts::default());
        let theme = theme.map_err(|p| p.0).expect("the theme loads");
        (dir, theme)
    }

    #[test]
    fn one_template_with_its_own_t_keeps_the_table_for_all() {
        let (_dir, theme) = theme_with(&[
            ("a.html", "{{ t.hallo }}"),
            ("b.html", "{% set t = 1 %}{% include \"a.html\" %}"),
        ]);
        assert!(theme.strings_in_context);
        let mut ctx = tera::Context::new();
        ctx.insert("t", theme.context_strings().expect("the table"));
        let html = theme.tera.render("a.html", &ctx).expect("renders");
        assert_eq!(html, "Hallo");
    }

    #[test]
    fn strings_are_written_in_where_tera_takes_a_literal() {
        let (_dir, theme) = theme_with(&[
            ("a.html", "{{ t.hallo | upper }}"),
            ("m.html", "{% macro m() %}{{ t.hallo }}{% endmacro %}"),
        ]);
        assert!(!theme.strings_in_context);
        let html = theme.tera.render("a.html", &tera::Context::new());
        assert_eq!(html.expect("renders"), "HALLO");
    }

    #[test]
    fn the_default_theme_has_its_strings_written_in() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let theme = Theme::load(root, "default", "nl", &mut SourceTexts::default());
        let theme = theme.map_err(|p| p.0).expect("the default theme loads");
        assert!(
            !theme.strings_in_context,
            "a template of the default theme reads `t` other than as `t.key`"
        );
        assert!(theme.context_strings().is_none());
    }
}
