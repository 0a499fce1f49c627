//! Makes a folder tree equal to a rendered site, writing only what differs.
//!
//! The tree is a former output (the spare), so its files may be hard links
//! shared with the live output or open in a reader: a file that must change is
//! removed and written anew, never truncated or rewritten in place. Its marker
//! stays until the new manifest replaces it, so that the tree is always marked
//! as werkplaats' own, even when the build is interrupted.

use super::{WriteError, copy, marker, owner, remove_any};
use crate::render::RenderedSite;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Where a file of the new site comes from.
enum Source<'a> {
    Bytes(&'a [u8]),
    /// A regular file, copied as it is (theme static files, assets).
    File(PathBuf),
}

/// The new site as relative paths (with `/`): its files and its folders.
struct Wanted<'a> {
    files: HashMap<String, Source<'a>>,
    dirs: HashSet<String>,
}

/// Makes `tree` (an existing, marked folder) hold exactly `site`, and writes
/// its manifest. Errors name the path below `out` that a file stands for.
/// Returns what changed compared with the live output at `out`, which the
/// editor sees, not with the spare the tree started from.
pub(super) fn sync(site: &RenderedSite, tree: &Path, out: &Path) -> Result<Written, WriteError> {
    let wanted = wanted(site);
    let removed = owner::listed(out)
        .iter()
        .filter(|f| !wanted.files.contains_key(*f))
        .count();
    let shown = |path: &Path| out.join(path.strip_prefix(tree).unwrap_or(path));
    let write_err = |path: &Path| {
        let path = shown(path);
        move |source| WriteError::Write { path, source }
    };
    let kept = prune(tree, &wanted).map_err(|(path, e)| write_err(&path)(e))?;
    // Missing folders, level by level so that parents exist before children.
    let mut missing: Vec<&String> = wanted.dirs.iter().filter(|d| !kept.contains(*d)).collect();
    missing.sort_by_key(|d| d.matches('/').count());
    for level in missing.chunk_by(|a, b| a.matches('/').count() == b.matches('/').count()) {
        level.par_iter().try_for_each(|dir| {
            let path = tree.join(dir);
            fs::create_dir(&path).map_err(write_err(&path))
        })?;
    }
    let files: Vec<(&String, &Source)> = wanted.files.iter().collect();
    let unchanged: Vec<bool> = files
        .par_iter()
        .map(|(rel, source)| {
            let path = tree.join(rel);
            let live = out.join(rel);
            let kept = kept.contains(*rel) && same(&path, source).unwrap_or(false);
            if !kept {
                put(&path, source, &live)?;
            }
            Ok(kept && same_file(&path, &live) || same(&live, source).unwrap_or(false))
        })
        .collect::<Result<_, WriteError>>()?;
    let unchanged = unchanged.into_iter().filter(|&u| u).count();
    let summary = Written {
        written: wanted.files.len() - unchanged,
        unchanged,
        removed,
    };
    let mut written: Vec<String> = wanted.files.into_keys().collect();
    written.sort_unstable();
    owner::mark(tree, written).map_err(write_err(&tree.join(owner::MARKER)))?;
    Ok(summary)
}

/// What a build changed in the output, file by file, for its closing line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    /// New files and files whose bytes changed.
    pub written: usize,
    /// Files that hold what they held.
    pub unchanged: usize,
    /// Files of the previous output that the site no longer has.
    pub removed: usize,
}

/// Whether two paths are one file (hard links): then comparing the live
/// output's bytes again would only repeat the comparison with the spare.
#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::symlink_metadata(a), fs::symlink_metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &Path, _: &Path) -> bool {
    false
}

/// Lists the new site. Later entries win, as when files were written in order:
/// rendered pages, then the built-in theme's static files, then the
/// toolkit's theme's static folder, then assets.
fn wanted(site: &RenderedSite) -> Wanted<'_> {
    let mut files = HashMap::with_capacity(site.files.len() + site.assets.len());
    let mut dirs = HashSet::new();
    for file in &site.files {
        files.insert(file.path.clone(), Source::Bytes(&file.bytes));
    }
    for (rel, bytes) in &site.builtin_static {
        files.insert(rel.clone(), Source::Bytes(bytes));
    }
    if site.static_dir.is_dir() {
        dirs.insert("static".to_string());
        // walkdir does not follow symlinks: only regular files are copied, so a
        // symlink in a theme cannot pull in files from elsewhere on the machine.
        for entry in WalkDir::new(&site.static_dir).min_depth(1) {
            let Ok(entry) = entry else { continue };
            let Ok(rel) = entry.path().strip_prefix(&site.static_dir) else {
                continue;
            };
            let rel = format!("static/{}", slashed(rel));
            if entry.file_type().is_dir() {
                dirs.insert(rel);
            } else if entry.file_type().is_file() {
                files.insert(rel, Source::File(entry.path().to_path_buf()));
            }
        }
    }
    for (from, to) in &site.assets {
        files.insert(to.clone(), Source::File(from.clone()));
    }
    for rel in files.keys() {
        let mut rel = rel.as_str();
        while let Some((dir, _)) = rel.rsplit_once('/') {
            if !dirs.insert(dir.to_string()) {
                break;
            }
            rel = dir;
        }
    }
    Wanted { files, dirs }
}

fn slashed(rel: &Path) -> String {
    let parts: Vec<_> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    parts.join("/")
}

/// A failed step on the tree, and the path it failed on.
type TreeError = (PathBuf, io::Error);

/// Removes from `tree` everything the new site does not have at that path with
/// that kind (file or folder), and returns the relative paths that remain. The
/// marker stays.
fn prune(tree: &Path, wanted: &Wanted) -> Result<HashSet<String>, TreeError> {
    Ok(prune_dir(tree, "", wanted)?.into_iter().collect())
}

/// [`prune`] for one folder; its subfolders are pruned in parallel.
fn prune_dir(dir: &Path, rel: &str, wanted: &Wanted) -> Result<Vec<String>, TreeError> {
    let at = |path: &Path| {
        let path = path.to_path_buf();
        move |e| (path, e)
    };
    let mut kept = Vec::new();
    let mut subdirs = Vec::new();
    for entry in fs::read_dir(dir).map_err(at(dir))? {
        let entry = entry.map_err(at(dir))?;
        let path = entry.path();
        let kind = entry.file_type().map_err(at(&path))?;
        // A name that is not UTF-8 is never one the site wants.
        let child = entry.file_name().to_str().map(|name| match rel {
            "" => name.to_string(),
            _ => format!("{rel}/{name}"),
        });
        let keep = child.as_ref().is_some_and(|c| {
            if rel.is_empty() && c == owner::MARKER {
                kind.is_file()
            } else if kind.is_dir() {
                wanted.dirs.contains(c)
            } else {
                kind.is_file() && wanted.files.contains_key(c)
            }
        });
        match child {
            Some(child) if keep && kind.is_dir() => subdirs.push((path, child)),
            Some(child) if keep => kept.push(child),
            _ => remove_any(&path).map_err(at(&path))?,
        }
    }
    let nested = subdirs
        .par_iter()
        .map(|(path, child)| prune_dir(path, child, wanted))
        .collect::<Result<Vec<_>, _>>()?;
    kept.extend(nested.into_iter().flatten());
    kept.extend(subdirs.into_iter().map(|(_, child)| child));
    Ok(kept)
}

/// Whether the file at `path` already holds exactly what `source` gives.
fn same(path: &Path, source: &Source) -> io::Result<bool> {
    match source {
        Source::Bytes(bytes) => copy::same_as_bytes(path, bytes),
        Source::File(from) => copy::same_as_file(path, from),
    }
}

/// Writes `source` to `path` as a new file: the old one is unlinked first, so
/// hard links to it and readers that have it open keep the old bytes. `shown`
/// is the output path it stands for.
fn put(path: &Path, source: &Source, shown: &Path) -> Result<(), WriteError> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => {
            return Err(WriteError::Write {
                path: shown.to_path_buf(),
                source: e,
            });
        }
        _ => {}
    }
    match source {
        Source::Bytes(bytes) => copy::write_new(path, bytes, shown),
        Source::File(from) => copy::copy_new(from, path, shown),
    }
}

/// Fills the existing folder `to` with hard links to every regular file below
/// `from`: a cheap copy of the live output to start from when there is no
/// spare. At the top (`top`), the marker is left out: `to` has its own.
pub(super) fn link_tree(from: &Path, to: &Path, top: bool) -> io::Result<()> {
    let mut subdirs = Vec::new();
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let name = entry.file_name();
        if top && marker::is_marker_name(&name.to_string_lossy()) {
            continue;
        }
        if kind.is_dir() {
            fs::create_dir(to.join(&name))?;
            subdirs.push(name);
        } else if kind.is_file() {
            fs::hard_link(entry.path(), to.join(&name))?;
        }
    }
    subdirs
        .par_iter()
        .try_for_each(|name| link_tree(&from.join(name), &to.join(name), false))
}
