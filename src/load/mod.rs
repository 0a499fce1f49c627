//! Load: reads `site.yaml` and `content/` into typed values.
//!
//! Only reading and parsing happens here; whether references between files hold is
//! the validate stage's business. Loading goes on past a broken file so that all
//! broken files are reported in one run.

mod frontmatter;
pub mod yaml;

pub use frontmatter::{Split, SplitError, split};

use crate::content::{
    Bibliography, Checklist, Doc, Element, Model, Page, Prompt, SiteConfig, Toolkit,
};
use crate::diagnostics::{Problem, Problems, SourceTexts};
use crate::{Failure, Loaded};
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Files larger than this are refused: no real content file comes near it, and
/// reading a huge file would stall the preview.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The content folders and what each holds.
const SECTIONS: [&str; 4] = ["elementen", "in-gesprek", "procesontwerp", "paginas"];

/// Reads the toolkit at `root`.
pub fn load(root: &Path) -> Result<Loaded, Failure> {
    let mut reader = Reader {
        root: root.to_path_buf(),
        problems: Problems::default(),
        texts: SourceTexts::default(),
    };
    let site = reader.yaml_file::<SiteConfig>(Path::new("site.yaml"));
    let model = reader.doc::<Model>(Path::new("content/model.md"));
    let bibliography = reader.yaml_file::<Bibliography>(Path::new("content/bronnen.yaml"));

    let mut files: [Vec<PathBuf>; 4] = Default::default();
    let mut assets = Vec::new();
    reader.walk_content(&mut files, &mut assets);
    let [elements, prompts, checklists, pages] = files;
    let mut elements: Vec<Doc<Element>> = reader.docs(&elements);
    let mut prompts: Vec<Doc<Prompt>> = reader.docs(&prompts);
    let mut checklists: Vec<Doc<Checklist>> = reader.docs(&checklists);
    let mut pages: Vec<Doc<Page>> = reader.docs(&pages);

    elements.sort_by(|a, b| (a.meta.order, &a.meta.code).cmp(&(b.meta.order, &b.meta.code)));
    prompts.sort_by(|a, b| a.meta.title.cmp(&b.meta.title));
    checklists.sort_by(|a, b| a.meta.title.cmp(&b.meta.title));
    pages.sort_by(|a, b| {
        let key = |p: &Doc<Page>| (p.meta.order.unwrap_or(u32::MAX), p.meta.title.clone());
        key(a).cmp(&key(b))
    });

    let Reader {
        problems, texts, ..
    } = reader;
    match (site, model, bibliography) {
        (Some(site), Some(model), Some(bibliography)) if !problems.has_errors() => Ok(Loaded {
            toolkit: Toolkit {
                root: root.to_path_buf(),
                site,
                model,
                bibliography_text: texts
                    .get(Path::new("content/bronnen.yaml"))
                    .unwrap_or_default()
                    .to_string(),
                bibliography,
                elements,
                prompts,
                checklists,
                pages,
                assets,
            },
            warnings: problems,
            texts,
        }),
        _ => Err(Failure { problems, texts }),
    }
}

/// Reads files, remembering their text for diagnostics and collecting problems.
struct Reader {
    root: PathBuf,
    problems: Problems,
    texts: SourceTexts,
}

impl Reader {
    /// Reads a file as UTF-8 text without a byte-order mark.
    fn text(&mut self, rel: &Path) -> Option<String> {
        let path = self.root.join(rel);
        if let Err(problem) = self.inside_root(rel, &path) {
            self.problems.push(problem);
            return None;
        }
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                let hint = if e.kind() == std::io::ErrorKind::NotFound {
                    format!("maak {} aan (zie docs/content.md)", rel.display())
                } else {
                    "controleer de rechten van het bestand".to_string()
                };
                self.problems.push(
                    Problem::error(rel, 0, format!("kan het bestand niet lezen: {e}")).hint(hint),
                );
                return None;
            }
        };
        if meta.len() > MAX_FILE_BYTES {
            self.problems.push(
                Problem::error(
                    rel,
                    0,
                    format!(
                        "het bestand is te groot ({} MB; de grens is {} MB)",
                        meta.len() / (1024 * 1024),
                        MAX_FILE_BYTES / (1024 * 1024)
                    ),
                )
                .hint("splits de inhoud over meer bestanden of verwijder wat er niet hoort"),
            );
            return None;
        }
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                self.problems.push(Problem::error(
                    rel,
                    0,
                    format!("kan het bestand niet lezen: {e}"),
                ));
                return None;
            }
        };
        match String::from_utf8(bytes) {
            Ok(mut text) => {
                if text.starts_with('\u{feff}') {
                    text.drain(..3);
                }
                self.texts.insert(rel, &text);
                Some(text)
            }
            Err(e) => {
                let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
                let column = valid.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
                self.problems.push(
                    Problem::error(rel, line, "het bestand is geen geldige UTF-8-tekst")
                        .column(column)
                        .hint("sla het bestand op als UTF-8 (in de meeste editors: Opslaan als → codering UTF-8)"),
                );
                None
            }
        }
    }

    /// A symbolic link is followed only when it ends inside the toolkit: content
    /// must not pull in files from elsewhere on the machine.
    fn inside_root(&self, rel: &Path, path: &Path) -> Result<(), Problem> {
        let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            return Ok(());
        }
        let target = std::fs::canonicalize(path).map_err(|_| {
            Problem::error(rel, 0, "de symbolische link loopt rond of wijst naar niets").hint(
                "verwijder de link of laat hem naar een bestaand bestand in de toolkit wijzen",
            )
        })?;
        let root = std::fs::canonicalize(&self.root).unwrap_or_else(|_| self.root.clone());
        if target.starts_with(&root) {
            Ok(())
        } else {
            Err(Problem::error(
                rel,
                0,
                format!(
                    "de symbolische link wijst buiten de toolkit ({})",
                    target.display()
                ),
            )
            .hint("kopieer het bestand naar de toolkit in plaats van ernaar te linken"))
        }
    }

    /// Reads a whole YAML file into `T`.
    fn yaml_file<T: DeserializeOwned>(&mut self, rel: &Path) -> Option<T> {
        let text = self.text(rel)?;
        match yaml::parse::<T>(&text, 1) {
            Ok(value) => Some(value),
            Err(problem) => {
                self.problems.push(problem.into_problem(rel));
                None
            }
        }
    }

    /// Reads a Markdown file with front matter into a `Doc<T>`.
    fn doc<T: DeserializeOwned>(&mut self, rel: &Path) -> Option<Doc<T>> {
        let text = self.text(rel)?;
        let parts = match split(&text) {
            Ok(parts) => parts,
            Err(SplitError::Missing) => {
                self.problems.push(
                    Problem::error(rel, 1, "het bestand begint niet met front matter")
                        .hint("zet de velden bovenaan tussen twee regels met alleen `---`"),
                );
                return None;
            }
            Err(SplitError::Unclosed) => {
                self.problems.push(
                    Problem::error(rel, 1, "de front matter wordt niet afgesloten")
                        .hint("zet na de laatste YAML-regel een regel met alleen `---`"),
                );
                return None;
            }
        };
        let meta = match yaml::parse::<T>(parts.front_matter, parts.front_matter_line) {
            Ok(meta) => meta,
            Err(problem) => {
                self.problems.push(problem.into_problem(rel));
                return None;
            }
        };
        let slug = rel
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        Some(Doc {
            meta,
            body: parts.body.to_string(),
            body_line: parts.body_line,
            front_matter: parts.front_matter.to_string(),
            front_matter_line: parts.front_matter_line,
            file: rel.to_path_buf(),
            slug,
        })
    }

    fn docs<T: DeserializeOwned>(&mut self, files: &[PathBuf]) -> Vec<Doc<T>> {
        files.iter().filter_map(|f| self.doc(f)).collect()
    }

    /// Finds the Markdown files of each section; anything else is reported.
    fn walk_content(&mut self, files: &mut [Vec<PathBuf>; 4], assets: &mut Vec<String>) {
        let content = self.root.join("content");
        let walker = WalkDir::new(&content).sort_by_file_name().into_iter();
        for entry in walker.filter_entry(|e| !is_ignored(e.file_name().to_string_lossy().as_ref()))
        {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let rel = e
                        .path()
                        .and_then(|p| p.strip_prefix(&self.root).ok())
                        .unwrap_or(Path::new("content"))
                        .to_path_buf();
                    self.problems.push(
                        Problem::error(rel, 0, format!("kan de map niet doorlopen: {e}"))
                            .hint("verwijder de kapotte of rondlopende symbolische link"),
                    );
                    continue;
                }
            };
            let Ok(rel) = entry.path().strip_prefix(&self.root) else {
                continue;
            };
            if entry.file_type().is_dir() {
                continue;
            }
            if entry.path_is_symlink() && entry.path().is_dir() {
                self.problems.push(
                    Problem::error(rel, 0, "symbolische links naar mappen worden niet gevolgd")
                        .hint("zet de map zelf in content/"),
                );
                continue;
            }
            match classify(rel) {
                Placement::Known => {}
                Placement::Asset(name) => match self.inside_root(rel, entry.path()) {
                    Ok(()) => assets.push(name),
                    Err(p) => self.problems.push(p),
                },
                Placement::Section(i) => match check_slug(rel) {
                    Ok(()) => files[i].push(rel.to_path_buf()),
                    Err(p) => self.problems.push(p),
                },
                Placement::Unknown => self.problems.push(
                    Problem::warning(
                        rel,
                        0,
                        "dit bestand hoort bij geen enkel inhoudstype en wordt overgeslagen",
                    )
                    .hint(format!(
                        "zet Markdown-bestanden in content/{{{}}}/ (zie docs/content.md)",
                        SECTIONS.join(",")
                    )),
                ),
            }
        }
    }
}

/// Editors' swap, backup and temp files and hidden files are never content.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"
        // Emacs auto-save files and JetBrains' "safe write" temp and old copies.
        || (name.starts_with('#') && name.ends_with('#'))
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
}

enum Placement {
    Known,
    /// A file below `content/bestanden/`, by its path inside that folder.
    Asset(String),
    Section(usize),
    Unknown,
}

fn classify(rel: &Path) -> Placement {
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    match parts.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["content", "model.md"] | ["content", "bronnen.yaml"] => Placement::Known,
        ["content", "bestanden", ref rest @ ..] if !rest.is_empty() => {
            Placement::Asset(rest.join("/"))
        }
        ["content", section, file] if file.ends_with(".md") => SECTIONS
            .iter()
            .position(|s| *s == section)
            .map_or(Placement::Unknown, Placement::Section),
        _ => Placement::Unknown,
    }
}

/// A slug becomes a URL path segment, so it must be plain.
fn check_slug(rel: &Path) -> Result<(), Problem> {
    let stem = rel
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    let ok = !stem.is_empty()
        && stem
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !stem.starts_with('-');
    if ok {
        Ok(())
    } else {
        Err(Problem::error(
            rel,
            0,
            format!("de bestandsnaam \"{stem}\" is geen geldige slug"),
        )
        .hint(format!(
            "gebruik alleen kleine letters, cijfers en '-', bijvoorbeeld \"{}\"",
            suggest_slug(&stem)
        )))
    }
}

/// A slug close to what the editor wrote.
pub fn suggest_slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let c = deaccent(c);
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "pagina".into() } else { out }
}

fn deaccent(c: char) -> char {
    match c {
        'á' | 'à' | 'ä' | 'â' | 'Á' | 'À' | 'Ä' | 'Â' => 'a',
        'é' | 'è' | 'ë' | 'ê' | 'É' | 'È' | 'Ë' | 'Ê' => 'e',
        'í' | 'ì' | 'ï' | 'î' | 'Í' | 'Ì' | 'Ï' | 'Î' => 'i',
        'ó' | 'ò' | 'ö' | 'ô' | 'Ó' | 'Ò' | 'Ö' | 'Ô' => 'o',
        'ú' | 'ù' | 'ü' | 'û' | 'Ú' | 'Ù' | 'Ü' | 'Û' => 'u',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_plain_slugs() {
        assert_eq!(suggest_slug("Over ons"), "over-ons");
        assert_eq!(suggest_slug("Één café 🎉"), "een-cafe");
    }

    #[test]
    fn ignores_editor_files() {
        for name in [
            ".los.md.swp",
            "los.md~",
            ".#los.md",
            "#los.md#",
            "4913",
            "los.md.swp",
            "los.md___jb_tmp___",
            "los.md___jb_old___",
        ] {
            assert!(is_ignored(name), "{name}");
        }
        assert!(!is_ignored("los.md"));
    }
}
