//! `werkplaats clean`: removes the output folder, and its spare, when they are
//! werkplaats' own.
//!
//! The same rule as a build's: only a folder that carries the marker and
//! holds nothing its manifest does not list (or an empty one) is removed. A
//! folder someone else made, or one with a file dropped in it, is refused and
//! left untouched; `clean` has no `--force`, since deleting is for good. The
//! lock beside the output stays (see `siblings::Folders::lock`).

use super::siblings::Folders;
use super::{WriteError, owner, remove_any};
use std::fs;
use std::path::Path;

/// What `clean` did.
#[derive(Debug, PartialEq, Eq)]
pub enum Cleaned {
    /// The output was not there.
    Nothing,
    Removed,
}

/// Removes `out` and its spare, if werkplaats wrote them.
pub fn clean(out: &Path) -> Result<Cleaned, WriteError> {
    let Ok(meta) = fs::symlink_metadata(out) else {
        return Ok(Cleaned::Nothing);
    };
    if meta.file_type().is_symlink() {
        return Err(WriteError::CleanLink(out.to_path_buf()));
    }
    if !meta.is_dir() {
        return Err(WriteError::NotAFolder(out.to_path_buf()));
    }
    owner::claim(out, false).map_err(|e| match e {
        WriteError::NotOurs(out) => WriteError::CleanForeign(out),
        WriteError::Strays { out, list } => WriteError::CleanStrays { out, list },
        other => other,
    })?;
    let folders = Folders::new(out);
    fn write(path: &Path) -> impl FnOnce(std::io::Error) -> WriteError + '_ {
        move |source| WriteError::Write {
            path: path.to_path_buf(),
            source,
        }
    }
    remove_any(out).map_err(write(out))?;
    if owner::is_ours(&folders.spare) {
        remove_any(&folders.spare).map_err(write(&folders.spare))?;
    }
    Ok(Cleaned::Removed)
}
