//! Files served as they are: downloads from `content/bestanden/` and the
//! theme's static files, read as `build` copies them.

use super::passes::Files;
use crate::Failure;
use crate::diagnostics::{Problem, Problems, SourceTexts};
use axum::body::Bytes;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Asset bytes by source path, reused until an event names the file.
#[derive(Debug, Default)]
pub struct AssetCache(HashMap<PathBuf, Bytes>);

impl AssetCache {
    /// Forgets every file read, so that the next rebuild reads all again.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// Reads the files `build` would copy from `content/bestanden/`, reusing
    /// those no event named since they were read. Like the loader, it serves a
    /// symbolic link only when it points inside the toolkit.
    pub fn read(
        &mut self,
        root: &Path,
        list: &[(PathBuf, String)],
        changed: &BTreeSet<PathBuf>,
    ) -> Result<Files, Failure> {
        let mut kept = HashMap::new();
        let mut files = Files::new();
        let mut problems = Problems::default();
        for (source, key) in list {
            let rel = source.strip_prefix(root).unwrap_or(source);
            let is_plain_file =
                std::fs::symlink_metadata(source).is_ok_and(|m| m.file_type().is_file());
            let cached = self.0.remove(source);
            let bytes = match cached {
                Some(b) if is_plain_file && !changed.contains(rel) => b,
                _ => match read_inside(root, source) {
                    Ok(b) => b,
                    Err(message) => {
                        problems.push(Problem::error(rel, 0, message));
                        continue;
                    }
                },
            };
            if is_plain_file {
                kept.insert(source.clone(), bytes.clone());
            }
            files.insert(key.clone(), bytes);
        }
        self.0 = kept;
        if problems.has_errors() {
            return Err(Failure {
                problems,
                texts: SourceTexts::default(),
            });
        }
        Ok(files)
    }
}

/// Reads `path` after making sure that, links resolved, it lies inside `root`.
fn read_inside(root: &Path, path: &Path) -> Result<Bytes, String> {
    let real =
        std::fs::canonicalize(path).map_err(|e| format!("kan het bestand niet lezen: {e}"))?;
    if !real.starts_with(root) {
        return Err(format!(
            "de symbolische link wijst buiten de toolkit ({})",
            real.display()
        ));
    }
    std::fs::read(&real)
        .map(Bytes::from)
        .map_err(|e| format!("kan het bestand niet lezen: {e}"))
}

/// Reads the theme's static files as `build` copies them: the built-in
/// theme's, then those of `dir` over them; regular files only, so a symbolic
/// link (to anywhere) is never served.
pub fn read_statics(dir: &Path) -> Result<Files, Failure> {
    let mut files = Files::new();
    for (rel, bytes) in crate::render::theme::builtin::files("static") {
        files.insert(rel, Bytes::from_static(bytes));
    }
    let mut problems = Problems::default();
    if !dir.is_dir() {
        return Ok(files);
    }
    for entry in WalkDir::new(dir).into_iter().filter_map(Result::ok) {
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(dir) else {
            continue;
        };
        let Some(rel) = rel.to_str() else {
            continue;
        };
        match std::fs::read(entry.path()) {
            Ok(bytes) => {
                files.insert(
                    format!("static/{}", rel.replace('\\', "/")),
                    Bytes::from(bytes),
                );
            }
            Err(e) => problems.push(Problem::error(
                entry.path(),
                0,
                format!("kan het bestand niet lezen: {e}"),
            )),
        }
    }
    if problems.has_errors() {
        return Err(Failure {
            problems,
            texts: SourceTexts::default(),
        });
    }
    Ok(files)
}
