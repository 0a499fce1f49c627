//! Finding content: walks `content/` once, in file-name order, and sorts what it
//! finds into the sections, assets and files that belong nowhere.
//!
//! Nothing is read here; the walk only decides which files the load stage reads.
//! Pipes, sockets and devices are passed over with a warning, never opened.

use super::read::{inside_root, special_kind};
use crate::content::registry;
use crate::diagnostics::{Problem, Problems};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// A Markdown file of a section.
pub struct Found {
    /// Path relative to the toolkit root.
    pub rel: PathBuf,
    /// The walk saw a symbolic link here, to be checked when the file is read.
    pub is_link: bool,
}

/// What the walk found, in walk order.
pub struct Walk {
    /// Per kind of content, in registry order (see [`registry::folders`]).
    pub files: Vec<Vec<Found>>,
    /// Overview introductions (`_index.md`): the kind's index, and the file.
    pub intros: Vec<(usize, Found)>,
    /// Files below `content/bestanden/`, relative to that folder.
    pub assets: Vec<String>,
    pub problems: Problems,
}

/// Finds the Markdown files of each section; anything else is reported.
pub fn walk_content(root: &Path) -> Walk {
    let folders = registry::folders();
    let mut found = Walk {
        files: folders.iter().map(|_| Vec::new()).collect(),
        intros: Vec::new(),
        assets: Vec::new(),
        problems: Problems::default(),
    };
    let content = root.join("content");
    let walker = WalkDir::new(&content).sort_by_file_name().into_iter();
    for entry in walker.filter_entry(|e| !is_ignored(e.file_name().to_string_lossy().as_ref())) {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let rel = e
                    .path()
                    .and_then(|p| p.strip_prefix(root).ok())
                    .unwrap_or(Path::new("content"));
                found
                    .problems
                    .push(walk_problem(rel, e.loop_ancestor().is_some(), e.io_error()));
                continue;
            }
        };
        let Ok(rel) = entry.path().strip_prefix(root) else {
            continue;
        };
        let is_link = entry.path_is_symlink();
        match what_is(&entry) {
            What::Dir => continue,
            What::File => {}
            What::LinkToDir => {
                found.problems.push(
                    Problem::error(rel, 0, "symbolische links naar mappen worden niet gevolgd")
                        .hint("zet de map zelf in content/"),
                );
                continue;
            }
            What::Special(kind) => {
                found.problems.push(special_file(rel, kind));
                continue;
            }
        }
        place(&mut found, &folders, root, rel, entry.path(), is_link);
    }
    found
}

/// Puts a regular file where it belongs: a section, the assets, or a warning.
fn place(found: &mut Walk, folders: &[&str], root: &Path, rel: &Path, path: &Path, is_link: bool) {
    match classify(rel, folders) {
        Placement::Known => {}
        Placement::Asset(name) if !is_link => found.assets.push(name),
        Placement::Asset(name) => match inside_root(root, rel, path) {
            Ok(()) => found.assets.push(name),
            Err(p) => found.problems.push(p),
        },
        Placement::Intro(i) => found.intros.push((
            i,
            Found {
                rel: rel.to_path_buf(),
                is_link,
            },
        )),
        Placement::Section(i) => match check_slug(rel) {
            Ok(()) => found.files[i].push(Found {
                rel: rel.to_path_buf(),
                is_link,
            }),
            Err(p) => found.problems.push(p),
        },
        Placement::Unknown => found.problems.push(
            Problem::warning(
                rel,
                0,
                "dit bestand hoort bij geen enkel inhoudstype en wordt overgeslagen",
            )
            .hint(format!(
                "zet Markdown-bestanden in content/{{{}}}/ (zie docs/content.md)",
                folders.join(",")
            )),
        ),
    }
}

/// What a walked entry is, looking through a symbolic link at what it points to.
pub enum What {
    Dir,
    /// A regular file, or a link to one (or a broken link: reading it says so).
    File,
    LinkToDir,
    /// A named pipe, socket or device, or a link to one: never opened.
    Special(&'static str),
}

pub fn what_is(entry: &walkdir::DirEntry) -> What {
    let kind = entry.file_type();
    if kind.is_dir() {
        return What::Dir;
    }
    if kind.is_symlink() {
        return match std::fs::metadata(entry.path()) {
            Ok(m) if m.is_dir() => What::LinkToDir,
            Ok(m) if !m.is_file() => What::Special(special_kind(m.file_type())),
            _ => What::File,
        };
    }
    if kind.is_file() {
        What::File
    } else {
        What::Special(special_kind(kind))
    }
}

/// A pipe, socket or device is skipped: opening a pipe waits for a writer, so
/// it must never be read, but it need not stop the build either.
pub fn special_file(rel: &Path, kind: &str) -> Problem {
    Problem::warning(
        rel,
        0,
        format!("dit is geen gewoon bestand maar {kind}; het wordt overgeslagen"),
    )
    .hint("vervang het door een gewoon bestand, of haal het weg")
}

/// A folder the walk could not enter, told apart by its cause: a loop of links,
/// missing rights, a folder that is gone, or anything else the system says.
pub fn walk_problem(rel: &Path, is_loop: bool, io: Option<&std::io::Error>) -> Problem {
    let (message, hint) = match io.map(std::io::Error::kind) {
        _ if is_loop => (
            "de symbolische link loopt rond".to_string(),
            "verwijder de rondlopende symbolische link".to_string(),
        ),
        Some(ErrorKind::PermissionDenied) => (
            "geen toegang tot de map".to_string(),
            "geef jezelf lees- en openrechten op de map (bijvoorbeeld chmod u+rx)".to_string(),
        ),
        Some(ErrorKind::NotFound) => (
            "de map ontbreekt of verdween tijdens het lezen".to_string(),
            format!("maak {} aan, of bouw opnieuw", rel.display()),
        ),
        _ => (
            match io {
                Some(e) => format!("kan de map niet doorlopen: {e}"),
                None => "kan de map niet doorlopen".to_string(),
            },
            "controleer de map en de rechten erop".to_string(),
        ),
    };
    Problem::error(rel, 0, message).hint(hint)
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
    /// The introduction of a kind's overview page.
    Intro(usize),
    Unknown,
}

fn classify(rel: &Path, folders: &[&str]) -> Placement {
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    match parts.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["content", "model.md"] | ["content", "bronnen.yaml"] => Placement::Known,
        ["content", "bestanden", ref rest @ ..] if !rest.is_empty() => {
            Placement::Asset(rest.join("/"))
        }
        ["content", section, "_index.md"] if registry::has_list(section) => folders
            .iter()
            .position(|s| *s == section)
            .map_or(Placement::Unknown, Placement::Intro),
        ["content", section, file] if file.ends_with(".md") => folders
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

    /// A toolkit root with `content/` and the given (empty) files in it.
    fn content_with(files: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        for f in files {
            let path = dir.path().join("content").join(f);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, "").expect("write");
        }
        dir
    }

    fn mkfifo(path: &Path) {
        let made = std::process::Command::new("mkfifo").arg(path).status();
        assert!(made.expect("mkfifo runs").success());
    }

    #[test]
    fn pipes_and_links_to_pipes_are_skipped_with_a_warning() {
        let dir = content_with(&["paginas/over.md"]);
        let content = dir.path().join("content");
        mkfifo(&content.join("paginas/pijp.md"));
        std::fs::create_dir(content.join("bestanden")).expect("mkdir");
        mkfifo(&content.join("bestanden/pijp.pdf"));
        mkfifo(&dir.path().join("pijp"));
        std::os::unix::fs::symlink("../../pijp", content.join("paginas/link.md")).expect("link");
        let walk = walk_content(dir.path());
        let pages: Vec<_> = walk.files[3].iter().map(|f| f.rel.clone()).collect();
        assert_eq!(pages, [Path::new("content/paginas/over.md")]);
        assert!(walk.assets.is_empty(), "{:?}", walk.assets);
        let skipped: Vec<_> = walk.problems.iter().map(|p| p.file.clone()).collect();
        assert_eq!(
            skipped,
            [
                "content/bestanden/pijp.pdf",
                "content/paginas/link.md",
                "content/paginas/pijp.md"
            ]
            .map(PathBuf::from)
        );
        for p in walk.problems.iter() {
            assert!(!p.is_error() && p.message.contains("named pipe"), "{p}");
        }
    }

    #[test]
    fn walk_errors_are_told_apart() {
        let rel = Path::new("content/paginas");
        let denied = std::io::Error::from(ErrorKind::PermissionDenied);
        let p = walk_problem(rel, false, Some(&denied));
        assert_eq!(p.message, "geen toegang tot de map");
        assert!(p.hint.expect("hint").contains("chmod"));
        let p = walk_problem(rel, true, None);
        assert!(p.message.contains("loopt rond"));
        let gone = std::io::Error::from(ErrorKind::NotFound);
        assert!(
            walk_problem(rel, false, Some(&gone))
                .message
                .contains("ontbreekt")
        );
        for p in [
            walk_problem(rel, false, Some(&denied)),
            walk_problem(rel, false, Some(&gone)),
        ] {
            assert!(!p.hint.expect("hint").contains("symbolische link"));
        }
    }

    #[test]
    fn a_missing_content_folder_is_named_as_missing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let walk = walk_content(dir.path());
        let p = walk.problems.iter().next().expect("a problem");
        assert_eq!(p.file, Path::new("content"));
        assert!(p.message.contains("ontbreekt"), "{p}");
    }

    #[test]
    fn a_backslash_is_part_of_the_file_name() {
        let dir = content_with(&["paginas/a\\b.md"]);
        let walk = walk_content(dir.path());
        let p = walk.problems.iter().next().expect("a problem");
        assert_eq!(p.file, Path::new("content/paginas/a\\b.md"));
        assert!(p.message.contains("\"a\\b\" is geen geldige slug"), "{p}");
    }
}
