//! Write: puts a rendered site on disk without ever leaving a half-written one.
//!
//! Everything goes into a staging folder beside the output; only when that is
//! complete is it swapped in. A failed or interrupted build leaves the previous
//! output as it was, and the output folder may never be one that holds the
//! toolkit itself (deleting it would delete the content).

use crate::render::RenderedSite;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use walkdir::WalkDir;

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
    let staging = parent.join(format!(".{name}.staging-{}", std::process::id()));
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    remove_stale(&parent, &name);
    let result = fill(site, &staging).and_then(|()| swap(&staging, &out, &old));
    if result.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    result
}

/// Removes staging and old folders left behind by builds that were interrupted
/// (Ctrl-C, power loss): they are never the live output.
fn remove_stale(parent: &Path, name: &str) {
    let prefixes = [format!(".{name}.staging-"), format!(".{name}.old-")];
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if prefixes.iter().any(|p| file_name.starts_with(p)) && entry.path().is_dir() {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

fn fill(site: &RenderedSite, staging: &Path) -> Result<(), WriteError> {
    fs::create_dir_all(staging).map_err(io_err(staging))?;
    for file in &site.files {
        let path = staging.join(&file.path);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(io_err(dir))?;
        }
        fs::write(&path, &file.bytes).map_err(io_err(&path))?;
    }
    if site.static_dir.is_dir() {
        copy_dir(&site.static_dir, &staging.join("static"))?;
    }
    for (from, to) in &site.assets {
        let target = staging.join(to);
        if let Some(dir) = target.parent() {
            fs::create_dir_all(dir).map_err(io_err(dir))?;
        }
        fs::copy(from, &target).map_err(io_err(from))?;
    }
    Ok(())
}

/// Copies regular files only: a symlink in a theme must not pull in files from
/// elsewhere on the machine.
fn copy_dir(from: &Path, to: &Path) -> Result<(), WriteError> {
    for entry in WalkDir::new(from).into_iter().filter_map(Result::ok) {
        let Ok(rel) = entry.path().strip_prefix(from) else {
            continue;
        };
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).map_err(io_err(&target))?;
        } else if entry.file_type().is_file() {
            fs::copy(entry.path(), &target).map_err(io_err(&target))?;
        }
    }
    Ok(())
}

/// Moves the old output aside, the new one in, and removes the old one.
fn swap(staging: &Path, out: &Path, old: &Path) -> Result<(), WriteError> {
    let had_old = out.exists();
    if had_old {
        let _ = fs::remove_dir_all(old);
        fs::rename(out, old).map_err(io_err(out))?;
    }
    if let Err(e) = fs::rename(staging, out) {
        if had_old {
            let _ = fs::rename(old, out);
        }
        return Err(io_err(out)(e));
    }
    if had_old {
        let _ = fs::remove_dir_all(old);
    }
    Ok(())
}
