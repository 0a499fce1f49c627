//! Swaps a complete staging folder in as the output, and keeps the output it
//! replaces as the spare for the next build.

use super::{Folders, WriteError, io_err, remove_any};
use std::fs;
use std::io;
use std::path::Path;

/// Makes `folders.staging` the output at `out`; the previous output becomes
/// `folders.spare`. Where the system can exchange two folders in one step, a
/// reader sees either the old or the new tree, never none.
pub(super) fn swap(folders: &Folders, out: &Path) -> Result<(), WriteError> {
    if fs::symlink_metadata(out).is_err() {
        // First build: nothing to swap with.
        return fs::rename(&folders.staging, out).map_err(io_err(out));
    }
    match exchange(&folders.staging, out) {
        Ok(true) => {
            keep_as_spare(&folders.staging, &folders.spare);
            Ok(())
        }
        Ok(false) => by_renames(folders, out),
        Err(e) => Err(io_err(out)(e)),
    }
}

/// Exchanges two paths atomically; `Ok(false)` when this system or file system
/// cannot.
#[cfg(any(target_os = "linux", target_os = "macos"))]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    use rustix::io::Errno;
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(Errno::INVAL | Errno::NOSYS | Errno::NOTSUP) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(any(target_os = "linux", target_os = "macos")))]
fn exchange(_: &Path, _: &Path) -> io::Result<bool> {
    Ok(false)
}

/// Swaps with two renames, for systems without an exchange: for a moment there
/// is no output. If the second rename fails, the previous output is put back.
pub(super) fn by_renames(folders: &Folders, out: &Path) -> Result<(), WriteError> {
    let old = &folders.old;
    let _ = remove_any(old);
    fs::rename(out, old).map_err(io_err(out))?;
    if let Err(e) = fs::rename(&folders.staging, out) {
        let _ = fs::rename(old, out);
        return Err(io_err(out)(e));
    }
    keep_as_spare(old, &folders.spare);
    Ok(())
}

/// The replaced output becomes the spare; if it cannot, it goes.
fn keep_as_spare(previous: &Path, spare: &Path) {
    let _ = remove_any(spare);
    if fs::rename(previous, spare).is_err() {
        let _ = remove_any(previous);
    }
}
