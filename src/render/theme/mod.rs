//! A theme: Tera templates, UI strings and static files, in two layers: the
//! built-in theme (`builtin`) and the toolkit's `themes/<name>/` on top of it,
//! file by file and, for the strings, key by key.
//!
//! Templates are parsed once per build. A template error names the template and,
//! where Tera knows it, the line, so a theme author can find it like a content error.
//! Templates show UI strings with the function `t(k="key")` (`strings`); what
//! they ask for is checked once the templates are parsed (`uses`).

pub mod builtin;
mod errors;
mod hyphenate;
mod strings;
mod uses;

pub use errors::template_problem;
pub use strings::Strings;

use crate::diagnostics::{Problem, Problems, SourceTexts};
use crate::load::{What, resolves_inside_root, text_resolved, walk_problem, what_is, yaml};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use walkdir::WalkDir;

/// A loaded theme.
pub struct Theme {
    pub tera: tera::Tera,
    /// UI strings for the site's language (`i18n/<taal>.yaml`); the templates'
    /// `t(k="key")` reads the same table.
    pub strings: Arc<Strings>,
    /// The toolkit's `static/` (which need not exist), copied as is into the
    /// output over the built-in theme's static files.
    pub static_dir: PathBuf,
    /// The toolkit's theme folder relative to its root (which need not exist).
    pub dir: PathBuf,
    /// Which layer each template comes from, for messages.
    pub files: TemplateFiles,
    /// What loading found to warn about: keys the templates ask for that the
    /// strings lack.
    load_warnings: Vec<Problem>,
    /// The keys those warnings name, so that a render does not name them again.
    reported: BTreeSet<String>,
    /// Some template reads the strings the old way, as `t.key`.
    old_form: bool,
    /// Each template's text by name, to find the line a render error is about.
    sources: BTreeMap<String, String>,
}

impl Theme {
    /// The theme `valid`'s site config names, in its language; on failure,
    /// the validation warnings and the theme's problems together.
    pub fn of_site(valid: &crate::Validated) -> Result<Theme, crate::Failure> {
        let mut texts = valid.texts.clone();
        let site = &valid.toolkit.site;
        Theme::load(&valid.toolkit.root, &site.thema, &site.taal, &mut texts).map_err(|problems| {
            let mut all = valid.warnings.clone();
            all.extend(problems);
            crate::Failure {
                problems: all,
                texts,
            }
        })
    }

    /// The theme's warnings for a render: those of loading, and every key
    /// looked up since that the strings lack.
    pub fn warnings(&self) -> Vec<Problem> {
        let mut all = self.load_warnings.clone();
        all.extend(self.strings.missing_problems(&self.reported));
        all
    }

    /// The strings as a table for every template context, only for a theme
    /// whose templates still read them as `t.key` (see `uses::check`).
    pub fn context_strings(&self) -> Option<&std::collections::BTreeMap<String, String>> {
        self.old_form.then(|| self.strings.table())
    }
}

impl Theme {
    /// Loads theme `name` below `root/themes/`, with strings for `language`.
    ///
    /// Theme files are read like content files (size limit, UTF-8, links that
    /// stay inside the toolkit), and the theme, its strings and its static
    /// folder must resolve inside the toolkit: a build copies `static/` into
    /// the output, so a theme linked in from elsewhere would publish it.
    pub fn load(
        root: &Path,
        name: &str,
        language: &str,
        texts: &mut SourceTexts,
    ) -> Result<Theme, Problems> {
        let dir = Path::new("themes").join(name);
        let abs = root.join(&dir);
        let mut problems = Problems::default();
        // Validation names the line; this guards every other caller.
        for p in crate::content::names_problems(name, language) {
            problems.push(Problem::error("site.yaml", 0, p.message).hint(p.hint));
        }
        if problems.has_errors() {
            return Err(problems);
        }
        // The built-in theme needs no folder; any other name is a layer the
        // toolkit must have.
        if name != DEFAULT && !abs.is_dir() {
            problems.push(
                Problem::error(
                    "site.yaml",
                    0,
                    format!(
                        "het thema \"{name}\" bestaat niet ({} ontbreekt)",
                        dir.display()
                    ),
                )
                .hint("maak de map aan met alleen wat je anders wilt (de rest komt uit het ingebouwde thema), of laat `thema:` weg"),
            );
            return Err(problems);
        }
        for folder in [dir.clone(), dir.join("static")] {
            if let Err(p) = resolves_inside_root(root, &folder, &root.join(&folder)) {
                problems.push(p);
            }
        }
        let file = dir.join("i18n").join(format!("{language}.yaml"));
        let table = load_strings(root, &file, language, texts, &mut problems);
        let strings = Arc::new(Strings::new(table, file));
        let (sources, files) = layered_templates(root, &dir, texts, &mut problems);
        let mut tera = new_tera(&strings, language);
        if let Err(e) = tera.add_raw_templates(sources.iter().map(|(n, s)| (n, s))) {
            problems.push(template_problem(&files, &e));
        }
        if problems.has_errors() {
            return Err(problems);
        }
        let checked = uses::check(&tera, &sources, &files, &strings);
        problems.extend(checked.errors);
        if problems.has_errors() {
            return Err(problems);
        }
        Ok(Theme {
            tera,
            strings,
            static_dir: abs.join("static"),
            dir,
            files,
            load_warnings: checked.warnings,
            reported: checked.reported,
            old_form: checked.old_form,
            sources: sources.into_iter().collect(),
        })
    }
}

/// The name of the built-in theme, whose folder a toolkit need not have.
pub const DEFAULT: &str = "default";

/// Which layer each template comes from: the toolkit's theme folder, or the
/// built-in theme for those it does not override.
#[derive(Debug, Clone, Default)]
pub struct TemplateFiles {
    /// The toolkit's theme folder, relative to its root.
    dir: PathBuf,
    /// The templates that come from the built-in theme.
    builtin: BTreeSet<String>,
}

impl TemplateFiles {
    /// The file a message names for template `name`: the override's path,
    /// or the built-in theme's.
    pub fn file(&self, name: &str) -> PathBuf {
        if self.builtin.contains(name) {
            builtin::shown(&format!("templates/{name}"))
        } else {
            self.dir.join("templates").join(name)
        }
    }

    /// The templates folder of the toolkit's theme, for a message about no
    /// template in particular.
    pub fn folder(&self) -> PathBuf {
        self.dir.join("templates")
    }
}

/// The UI strings of `language` in theme `name`, both layers, read without
/// reporting anything: for the preview's notice when the toolkit does not
/// build (and so never loaded its theme).
pub fn strings_without_build(root: &Path, name: &str, language: &str) -> BTreeMap<String, String> {
    if crate::content::names_problems(name, language)
        .into_iter()
        .next()
        .is_some()
    {
        return BTreeMap::new();
    }
    let file = Path::new("themes")
        .join(name)
        .join("i18n")
        .join(format!("{language}.yaml"));
    let (mut texts, mut problems) = (SourceTexts::default(), Problems::default());
    load_strings(root, &file, language, &mut texts, &mut problems)
}

/// The UI strings of `language`: the built-in theme's, with each key the
/// toolkit's `file` has replacing the built-in one. Read as content is read.
fn load_strings(
    root: &Path,
    file: &Path,
    language: &str,
    texts: &mut SourceTexts,
    problems: &mut Problems,
) -> BTreeMap<String, String> {
    let rel = format!("i18n/{language}.yaml");
    let mut table = BTreeMap::new();
    let built_in = builtin::file(&rel).map(String::from_utf8_lossy);
    if let Some(text) = &built_in {
        let shown = builtin::shown(&rel);
        texts.insert(&shown, text);
        table = parse_strings(text, &shown, problems);
    }
    let own = std::fs::symlink_metadata(root.join(file)).is_ok();
    if own {
        match text_resolved(root, file) {
            Ok(text) => {
                texts.insert(file, &text);
                table.extend(parse_strings(&text, file, problems));
            }
            Err(p) => problems.push(p),
        }
    }
    if built_in.is_none() && !own {
        problems.push(
            Problem::error(
                file,
                0,
                format!("er zijn geen teksten voor de taal \"{language}\""),
            )
            .hint(format!(
                "het ingebouwde thema heeft nl en en; voor een andere taal: `werkplaats theme eject i18n/en.yaml`, hernoem het bestand naar {} en vertaal",
                file.display()
            )),
        );
    }
    table
}

fn parse_strings(text: &str, file: &Path, problems: &mut Problems) -> BTreeMap<String, String> {
    match yaml::parse::<yaml::UniqueKeys<String>>(text, 1) {
        Ok(strings) => strings.0,
        Err(p) => {
            problems.push(p.into_problem(file));
            BTreeMap::new()
        }
    }
}

/// The templates of both layers as (name, source) in name order: the
/// built-in theme's, each replaced by the toolkit's template of that name.
fn layered_templates(
    root: &Path,
    dir: &Path,
    texts: &mut SourceTexts,
    problems: &mut Problems,
) -> (Vec<(String, String)>, TemplateFiles) {
    let mut all: BTreeMap<String, String> = BTreeMap::new();
    let mut builtin_names = BTreeSet::new();
    for (rel, bytes) in builtin::files("templates") {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let name = rel.trim_start_matches("templates/").to_string();
        texts.insert(&builtin::shown(&rel), &text);
        builtin_names.insert(name.clone());
        all.insert(name, text);
    }
    if root.join(dir).join("templates").exists() {
        for (name, text) in load_templates(root, dir, texts, problems) {
            builtin_names.remove(&name);
            all.insert(name, text);
        }
    }
    let files = TemplateFiles {
        dir: dir.to_path_buf(),
        builtin: builtin_names,
    };
    (all.into_iter().collect(), files)
}

/// Reads every template below `templates/` as content is read, as (name,
/// source) in name order; pipes and sockets are refused unread, a folder the
/// walk cannot enter is named.
fn load_templates(
    root: &Path,
    dir: &Path,
    texts: &mut SourceTexts,
    problems: &mut Problems,
) -> Vec<(String, String)> {
    let mut sources = Vec::new();
    let templates = root.join(dir).join("templates");
    for entry in WalkDir::new(&templates).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let rel = e.path().and_then(|p| p.strip_prefix(root).ok());
                let rel = rel.unwrap_or(dir);
                problems.push(walk_problem(rel, e.loop_ancestor().is_some(), e.io_error()));
                continue;
            }
        };
        let (Ok(name), Ok(rel)) = (
            entry.path().strip_prefix(&templates),
            entry.path().strip_prefix(root),
        ) else {
            continue;
        };
        match what_is(&entry) {
            What::Dir => continue,
            What::File => {}
            What::LinkToDir => {
                problems.push(
                    Problem::error(rel, 0, "symbolische links naar mappen worden niet gevolgd")
                        .hint("zet de map zelf in templates/"),
                );
                continue;
            }
            // Refused, not passed over: a loaded theme has no place for warnings.
            What::Special(kind) => {
                let message = format!("dit is geen gewoon bestand maar {kind}");
                problems.push(Problem::error(rel, 0, message).hint(
                    "vervang het door een gewoon bestand, of haal het uit de templates/-map",
                ));
                continue;
            }
        }
        let name: Vec<_> = name.iter().map(|p| p.to_string_lossy()).collect();
        let name = name.join("/");
        match text_resolved(root, rel) {
            Ok(text) => {
                texts.insert(rel, &text);
                sources.push((name, text));
            }
            Err(p) => problems.push(p),
        }
    }
    sources
}

/// A Tera instance that escapes what HTML, XML and SVG templates print, with
/// the function `t` that shows `strings` and the filter `afbreken` that
/// hyphenates long words in `language`.
///
/// Tera's built-in `get_env` is replaced by one that always fails: a theme
/// could otherwise publish the build's environment (home folder, tokens) on
/// the site.
fn new_tera(strings: &Arc<Strings>, language: &str) -> tera::Tera {
    let mut tera = tera::Tera::default();
    tera.autoescape_on(vec![".html", ".xml", ".svg"]);
    tera.register_function("get_env", no_env);
    tera.register_function(uses::FUNCTION, strings::Lookup(strings.clone()));
    tera.register_filter(
        hyphenate::FILTER,
        hyphenate::Hyphenate::for_language(language),
    );
    tera
}

/// Stands in for Tera's `get_env`, see [`new_tera`].
fn no_env(_: &std::collections::HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
    Err(tera::Error::msg(
        "get_env: templates kunnen geen omgevingsvariabelen lezen; zet wat de site nodig heeft in site.yaml of in de teksten van het thema",
    ))
}

#[cfg(test)]
mod tests;
