//! Swaps a complete staging folder in as the output, and keeps the output it
//! replaces as the spare for the next build.

use super::siblings::Folders;
use super::{WriteError, owner, remove_any};
use std::fs;
use std::io;
use std::path::Path;

/// Makes `folders.staging` the output; the previous output becomes
/// `folders.spare`. Where the system can exchange two folders in one step, a
/// reader sees either the old or the new tree, never none. `adopted`: the
/// previous output is not werkplaats' own, but `--force` made it so.
pub(super) fn swap(folders: &Folders, adopted: bool) -> Result<(), WriteError> {
    let out = &folders.out;
    if fs::symlink_metadata(out).is_err() {
        // First build: nothing to swap with.
        return fs::rename(&folders.staging, out).map_err(write_err(out));
    }
    match exchange(&folders.staging, out) {
        Ok(true) => {
            keep_as_spare(&folders.staging, &folders.spare, adopted);
            Ok(())
        }
        Ok(false) => by_renames(folders, adopted),
        Err(e) => Err(write_err(out)(e)),
    }
}

fn write_err(out: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError::Write {
        path: out.to_path_buf(),
        source,
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
pub(super) fn by_renames(folders: &Folders, adopted: bool) -> Result<(), WriteError> {
    let (old, out) = (&folders.old, &folders.out);
    if owner::is_ours(old) {
        let _ = remove_any(old);
    }
    fs::rename(out, old).map_err(write_err(out))?;
    if let Err(e) = fs::rename(&folders.staging, out) {
        let _ = fs::rename(old, out);
        return Err(write_err(out)(e));
    }
    keep_as_spare(old, &folders.spare, adopted);
    Ok(())
}

/// The replaced output becomes the spare; if it cannot, it goes (it is
/// werkplaats' own, or adopted). A spare that is not werkplaats' own is left
/// alone.
fn keep_as_spare(previous: &Path, spare: &Path, adopted: bool) {
    if adopted {
        // Marked, so that the next build may reuse it like any spare.
        let _ = owner::ensure_marked(previous);
    }
    let free = match fs::symlink_metadata(spare) {
        Err(_) => true,
        Ok(_) => owner::is_ours(spare) && remove_any(spare).is_ok(),
    };
    if !free || fs::rename(previous, spare).is_err() {
        let _ = remove_any(previous);
    }
}
