//! Write: puts a rendered site on disk without ever leaving a half-written one.
//!
//! Everything goes into a staging folder beside the output; only when that is
//! complete is it swapped in, atomically where the system can exchange two
//! folders. A failed or interrupted build leaves the previous output as it was,
//! and the output folder may never be one that holds the toolkit itself
//! (deleting it would delete the content).
//!
//! Rebuilds are fast because the output is double-buffered: the tree that was
//! live before the last swap stays beside it as `.<name>.spare`, becomes the next
//! staging folder, and only files whose bytes differ are written again — always
//! as new files, never changed in place, since the spare's files may be hard
//! links into, or open readers of, an older output. The cost is disk space: up to
//! twice the output. The spare may be deleted at any time; the next build then
//! starts from hard links to the live output (or from nothing).

mod swap;
mod sync;
#[cfg(test)]
mod tests;

use crate::render::RenderedSite;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

/// Why the output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(
        "de uitvoermap {0} is de toolkit zelf of bevat content/ of themes/; kies een eigen map, zoals public/"
    )]
    UnsafeOutput(PathBuf),
    #[error("kan {path} niet schrijven: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Refuses output folders whose replacement would destroy the toolkit.
pub fn check_output(root: &Path, out: &Path) -> Result<(), WriteError> {
    let root = absolute(root);
    let out = absolute(out);
    let holds_toolkit = out == root
        || root.starts_with(&out)
        || out.join("content").exists()
        || out.join("themes").exists()
        || out.join("site.yaml").exists()
        || out.parent().is_none();
    if holds_toolkit {
        return Err(WriteError::UnsafeOutput(out));
    }
    Ok(())
}

/// An absolute, lexically normalised path (the folder may not exist yet).
fn absolute(p: &Path) -> PathBuf {
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Writes `site` to `out` through a staging folder, then swaps it in.
pub fn write(site: &RenderedSite, root: &Path, out: &Path) -> Result<(), WriteError> {
    check_output(root, out)?;
    let out = absolute(out);
    let parent = out.parent().map(Path::to_path_buf).unwrap_or_default();
    fs::create_dir_all(&parent).map_err(io_err(&parent))?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    let folders = Folders::new(&parent, &name);
    remove_stale(&parent, &name, &folders);
    let result = prepare(&folders, &out)
        .and_then(|()| sync::sync(site, &folders.staging))
        .and_then(|()| swap::swap(&folders, &out));
    if result.is_err() {
        // Whatever staging holds is a fine start for the next build.
        if fs::rename(&folders.staging, &folders.spare).is_err() {
            let _ = fs::remove_dir_all(&folders.staging);
        }
    }
    result
}

/// The hidden siblings of the output folder `<name>`.
struct Folders {
    /// `.<name>.staging-<pid>`: this build's new tree.
    staging: PathBuf,
    /// `.<name>.old-<pid>`: the previous output while it is swapped out without
    /// an atomic exchange.
    old: PathBuf,
    /// `.<name>.spare`: the tree that was live before the last swap.
    spare: PathBuf,
}

impl Folders {
    fn new(parent: &Path, name: &str) -> Folders {
        let pid = std::process::id();
        Folders {
            staging: parent.join(format!(".{name}.staging-{pid}")),
            old: parent.join(format!(".{name}.old-{pid}")),
            spare: parent.join(format!(".{name}.spare")),
        }
    }
}

/// Cleans up after builds that were interrupted (Ctrl-C, power loss). Their
/// staging and old folders are never the live output, so the first one becomes
/// the spare when there is none (its files are compared like any spare's) and
/// the rest are removed. An old folder with no output beside it is a previous
/// output caught between the two renames of a swap: it is put back.
fn remove_stale(parent: &Path, name: &str, folders: &Folders) {
    let out = parent.join(name);
    let prefixes = [format!(".{name}.staging-"), format!(".{name}.old-")];
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    // (is an old folder, path) for every leftover.
    let mut stale: Vec<(bool, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let file_name = e.file_name().to_string_lossy().into_owned();
            let kind = prefixes.iter().position(|p| file_name.starts_with(p))?;
            Some((kind == 1, e.path()))
        })
        .collect();
    // Old folders first: one of them may have to become the output again.
    stale.sort_by_key(|(is_old, _)| !is_old);
    let is_dir = |p: &Path| fs::symlink_metadata(p).is_ok_and(|m| m.is_dir());
    for (is_old, path) in stale {
        if is_old && fs::symlink_metadata(&out).is_err() && fs::rename(&path, &out).is_ok() {
            continue;
        }
        if !is_dir(&folders.spare) && is_dir(&path) {
            let _ = remove_any(&folders.spare);
            if fs::rename(&path, &folders.spare).is_ok() {
                continue;
            }
        }
        let _ = remove_any(&path);
    }
}

/// Puts the starting tree at the staging path: the spare if there is one, else
/// hard links to the live output, else an empty folder.
fn prepare(folders: &Folders, out: &Path) -> Result<(), WriteError> {
    let staging = &folders.staging;
    let _ = remove_any(staging);
    let spare_is_dir = fs::symlink_metadata(&folders.spare).is_ok_and(|m| m.is_dir());
    if spare_is_dir && fs::rename(&folders.spare, staging).is_ok() {
        return Ok(());
    }
    // A spare that is not a folder (or cannot be moved) is useless.
    let _ = remove_any(&folders.spare);
    if fs::symlink_metadata(out).is_ok_and(|m| m.is_dir()) && sync::link_tree(out, staging).is_ok()
    {
        return Ok(());
    }
    let _ = remove_any(staging);
    fs::create_dir(staging).map_err(io_err(staging))
}

/// Removes a file, symlink or folder tree, whichever `path` is.
fn remove_any(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => fs::remove_dir_all(path),
        Ok(_) => fs::remove_file(path),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}
