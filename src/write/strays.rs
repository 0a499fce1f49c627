//! Finds what someone else put into an output werkplaats owns: entries its
//! manifest does not list.
//!
//! Reading every folder of a large output (tens of thousands) would cost about
//! as much again as bringing the new tree up to date, so only the folders that
//! changed after the manifest was written are read. Adding, removing or
//! renaming an entry updates a folder's change time (ctime), which, unlike its
//! modification time, no tool can set back (`rsync -a`, `touch -d`); werkplaats
//! never changes a live output's folders, only swaps a new tree in. A folder
//! changed at the same tick as the marker is read too. Where change times are
//! unknown, every folder is read.

use super::WriteError;
use super::marker::{MARKER, is_marker_name};
use rayon::prelude::*;
use std::collections::HashSet;
use std::fs;
use std::path::Path;

/// The paths below `out` that `files` (its manifest) does not account for,
/// sorted; a foreign folder is listed once, with a trailing `/`.
pub(super) fn strays(out: &Path, files: &[String]) -> Result<Vec<String>, WriteError> {
    let wanted: HashSet<&str> = files.iter().map(String::as_str).collect();
    let mut dirs = HashSet::from([""]);
    for file in files {
        let mut rel = file.as_str();
        while let Some((dir, _)) = rel.rsplit_once('/') {
            if !dirs.insert(dir) {
                break;
            }
            rel = dir;
        }
    }
    let since = fs::symlink_metadata(out.join(MARKER))
        .ok()
        .and_then(|m| changed(&m));
    let listed: Vec<&str> = dirs.iter().copied().collect();
    let found = listed
        .par_iter()
        .map(|rel| {
            let path = out.join(rel);
            let Ok(meta) = fs::symlink_metadata(&path) else {
                // Gone: not a stray; whatever replaced it is in its parent.
                return Ok(Vec::new());
            };
            let unchanged =
                !rel.is_empty() && since.is_some_and(|t| changed(&meta).is_some_and(|c| c < t));
            if !meta.is_dir() || unchanged {
                return Ok(Vec::new());
            }
            strays_in(&path, rel, &wanted, &dirs)
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut found: Vec<String> = found.into_iter().flatten().collect();
    found.sort();
    Ok(found)
}

/// The entries of one folder (`rel` below the output) that are neither a file
/// nor a folder of the manifest. Only their kinds are read.
fn strays_in(
    dir: &Path,
    rel: &str,
    files: &HashSet<&str>,
    dirs: &HashSet<&str>,
) -> Result<Vec<String>, WriteError> {
    let read_err = |source| WriteError::Read {
        path: dir.to_path_buf(),
        source,
    };
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).map_err(read_err)? {
        let entry = entry.map_err(read_err)?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let child = match rel {
            "" if is_marker_name(&name) => continue,
            "" => name.into_owned(),
            _ => format!("{rel}/{name}"),
        };
        let kind = entry.file_type().map_err(read_err)?;
        if kind.is_dir() {
            if !dirs.contains(child.as_str()) {
                found.push(format!("{child}/"));
            }
        } else if !(kind.is_file() && files.contains(child.as_str())) {
            found.push(child);
        }
    }
    Ok(found)
}

/// When an entry last changed (its ctime), where the system says.
#[cfg(unix)]
fn changed(meta: &fs::Metadata) -> Option<(i64, i64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.ctime(), meta.ctime_nsec())).filter(|t| *t != (0, 0))
}

#[cfg(not(unix))]
fn changed(_: &fs::Metadata) -> Option<(i64, i64)> {
    None
}
