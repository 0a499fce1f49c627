//! Ownership: werkplaats replaces and deletes only what it wrote.
//!
//! Every tree it writes carries a marker file, `.werkplaats`, at its top: a
//! manifest holding the format version and the relative paths of the files
//! the build wrote. A folder with the marker is werkplaats' own. An existing
//! output is accepted when it is missing, empty, or carries the marker and
//! holds nothing else than what its manifest lists; a file a user dropped in
//! it would be gone two builds later, so it is refused with the list of what
//! is foreign, unless `--force` adopts the folder.

use super::{WriteError, strays};
use serde::{Deserialize, Serialize};
use std::fs;
use std::io;
use std::path::Path;

pub use super::marker::MARKER;
use super::marker::TEMP;

/// The manifest's format version.
const VERSION: u32 = 1;

/// How many foreign entries an error lists before it says how many more.
const LISTED: usize = 10;

/// What the marker file holds.
#[derive(Serialize, Deserialize)]
struct Manifest {
    /// The format version, and a name that says who wrote the file.
    werkplaats: u32,
    /// Relative paths, with `/`, of the files the build wrote.
    files: Vec<String>,
}

/// Whether `dir` is a folder werkplaats made: it carries the marker, or is empty
/// (removing an empty folder loses nothing).
pub(super) fn is_ours(dir: &Path) -> bool {
    let is_dir = fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir());
    is_dir
        && (fs::symlink_metadata(dir.join(MARKER)).is_ok_and(|m| m.is_file())
            || fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none()))
}

/// What is at the output's place now.
enum Found {
    /// Nothing, or an empty folder.
    Free,
    Ours(Manifest),
    Foreign,
}

fn found(out: &Path) -> Result<Found, WriteError> {
    let mut entries = match fs::read_dir(out) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Found::Free),
        Err(source) => {
            return Err(WriteError::Read {
                path: out.to_path_buf(),
                source,
            });
        }
    };
    if entries.next().is_none() {
        return Ok(Found::Free);
    }
    Ok(read_manifest(out).map_or(Found::Foreign, Found::Ours))
}

/// The quick part of [`claim`], before anything is written beside `out` (its
/// lock): refuses a folder that werkplaats did not make.
pub(super) fn precheck(out: &Path, force: bool) -> Result<(), WriteError> {
    match found(out)? {
        Found::Foreign if !force => Err(WriteError::NotOurs(out.to_path_buf())),
        _ => Ok(()),
    }
}

/// Checks that werkplaats may replace the folder at `out`. Returns whether it is
/// adopted: forced while it holds what werkplaats did not write.
pub(super) fn claim(out: &Path, force: bool) -> Result<bool, WriteError> {
    let manifest = match found(out)? {
        Found::Free => return Ok(false),
        Found::Foreign if force => return Ok(true),
        Found::Foreign => return Err(WriteError::NotOurs(out.to_path_buf())),
        Found::Ours(manifest) => manifest,
    };
    let strays = strays::strays(out, &manifest.files)?;
    match strays.len() {
        0 => Ok(false),
        _ if force => Ok(true),
        n => {
            let mut list = strays[..n.min(LISTED)].join(", ");
            if n > LISTED {
                list.push_str(&format!(" en {} meer", n - LISTED));
            }
            Err(WriteError::Strays {
                out: out.to_path_buf(),
                list,
            })
        }
    }
}

/// The files the manifest in `dir` lists; none when there is no manifest.
pub(super) fn listed(dir: &Path) -> Vec<String> {
    read_manifest(dir).map(|m| m.files).unwrap_or_default()
}

/// The manifest in `dir`, when there is one werkplaats can read.
fn read_manifest(dir: &Path) -> Option<Manifest> {
    let text = fs::read(dir.join(MARKER)).ok()?;
    serde_json::from_slice::<Manifest>(&text)
        .ok()
        .filter(|m| m.werkplaats == VERSION)
}

/// Marks `dir` as werkplaats' own with a manifest of `files`. The marker is
/// always a new file, renamed into place: never changed in place, since the
/// old one may be a hard link shared with the live output, and its change time
/// tells [`strays`] which folders changed after it was written.
pub(super) fn mark(dir: &Path, files: Vec<String>) -> io::Result<()> {
    let manifest = Manifest {
        werkplaats: VERSION,
        files,
    };
    let bytes = serde_json::to_vec(&manifest).map_err(io::Error::other)?;
    let temp = dir.join(TEMP);
    let _ = fs::remove_file(&temp);
    fs::write(&temp, bytes)?;
    fs::rename(&temp, dir.join(MARKER))
}

/// Marks `dir` as werkplaats' own unless it already is.
pub(super) fn ensure_marked(dir: &Path) -> io::Result<()> {
    if fs::symlink_metadata(dir.join(MARKER)).is_ok_and(|m| m.is_file()) {
        return Ok(());
    }
    mark(dir, Vec::new())
}
