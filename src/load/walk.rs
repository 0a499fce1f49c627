//! Finding content: walks `content/` once, in file-name order, and sorts what it
//! finds into the sections, assets and files that belong nowhere.
//!
//! Nothing is read here; the walk only decides which files the load stage reads.

use super::read::inside_root;
use crate::diagnostics::{Problem, Problems};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// The content folders and what each holds.
pub const SECTIONS: [&str; 4] = ["elementen", "in-gesprek", "procesontwerp", "paginas"];

/// A Markdown file of a section.
pub struct Found {
    /// Path relative to the toolkit root.
    pub rel: PathBuf,
    /// The walk saw a symbolic link here, to be checked when the file is read.
    pub is_link: bool,
}

/// What the walk found, in walk order.
#[derive(Default)]
pub struct Walk {
    /// Per section, in the order of [`SECTIONS`].
    pub files: [Vec<Found>; 4],
    /// Files below `content/bestanden/`, relative to that folder.
    pub assets: Vec<String>,
    pub problems: Problems,
}

/// Finds the Markdown files of each section; anything else is reported.
pub fn walk_content(root: &Path) -> Walk {
    let mut found = Walk::default();
    let problems = &mut found.problems;
    let content = root.join("content");
    let walker = WalkDir::new(&content).sort_by_file_name().into_iter();
    for entry in walker.filter_entry(|e| !is_ignored(e.file_name().to_string_lossy().as_ref())) {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let rel = e
                    .path()
                    .and_then(|p| p.strip_prefix(root).ok())
                    .unwrap_or(Path::new("content"))
                    .to_path_buf();
                problems.push(
                    Problem::error(rel, 0, format!("kan de map niet doorlopen: {e}"))
                        .hint("verwijder de kapotte of rondlopende symbolische link"),
                );
                continue;
            }
        };
        let Ok(rel) = entry.path().strip_prefix(root) else {
            continue;
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let is_link = entry.path_is_symlink();
        if is_link && entry.path().is_dir() {
            problems.push(
                Problem::error(rel, 0, "symbolische links naar mappen worden niet gevolgd")
                    .hint("zet de map zelf in content/"),
            );
            continue;
        }
        match classify(rel) {
            Placement::Known => {}
            Placement::Asset(name) if !is_link => found.assets.push(name),
            Placement::Asset(name) => match inside_root(root, rel, entry.path()) {
                Ok(()) => found.assets.push(name),
                Err(p) => problems.push(p),
            },
            Placement::Section(i) => match check_slug(rel) {
                Ok(()) => found.files[i].push(Found {
                    rel: rel.to_path_buf(),
                    is_link,
                }),
                Err(p) => problems.push(p),
            },
            Placement::Unknown => problems.push(
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
    found
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
