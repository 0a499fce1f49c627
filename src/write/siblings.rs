//! The output's hidden siblings: its lock, this build's staging folder, the
//! spare, and what interrupted builds left behind.
//!
//! A sibling is removed only when it is werkplaats' own (it carries the marker,
//! or is empty) and, for a staging or old folder, only when the build whose
//! process id it is named with is gone. Anything else of such a name is left
//! alone, unless `--force` takes over the spare.

use super::{WriteError, owner, remove_any, sync};
use std::fs;
use std::path::{Path, PathBuf};

/// The hidden siblings of the output folder `<name>`.
pub(super) struct Folders {
    /// `.<name>.staging-<pid>`: this build's new tree.
    pub staging: PathBuf,
    /// `.<name>.old-<pid>`: the previous output while it is swapped out without
    /// an atomic exchange.
    pub old: PathBuf,
    /// `.<name>.spare`: the tree that was live before the last swap.
    pub spare: PathBuf,
    /// `.<name>.lock`: held by the build that writes the output. It is never
    /// removed: a build that removed it could not know whether another one had
    /// just opened it.
    pub lock: PathBuf,
    /// The output folder.
    pub out: PathBuf,
}

impl Folders {
    pub fn new(out: &Path) -> Folders {
        let pid = std::process::id();
        let parent = out.parent().unwrap_or(Path::new("/"));
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        Folders {
            staging: parent.join(format!(".{name}.staging-{pid}")),
            old: parent.join(format!(".{name}.old-{pid}")),
            spare: parent.join(format!(".{name}.spare")),
            lock: parent.join(format!(".{name}.lock")),
            out: out.to_path_buf(),
        }
    }
}

/// Waits until no other build writes this output, and keeps it so until the
/// returned file is dropped. Where the file system cannot lock (some network
/// file systems), builds are not kept apart, as before locks existed.
///
/// The lock is never followed through a symbolic link: a link planted in its
/// place would make the build create or open a file outside what it owns.
/// Anything but a regular file there is refused.
pub(super) fn lock(folders: &Folders) -> Result<Option<fs::File>, WriteError> {
    let path = &folders.lock;
    let refused = |kind| WriteError::BadLock {
        path: path.clone(),
        kind,
    };
    let mut options = fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(any(target_os = "linux", target_os = "macos"))]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // NONBLOCK: a named pipe there would otherwise hold the open.
        let flags = rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK;
        options.custom_flags(flags.bits() as i32);
    }
    // Elsewhere, ask first; this leaves a window the flag above closes.
    #[cfg(not(any(target_os = "linux", target_os = "macos")))]
    if let Ok(meta) = fs::symlink_metadata(path) {
        if !meta.is_file() {
            return Err(refused(lock_kind(meta.file_type())));
        }
    }
    let file = options
        .open(path)
        .map_err(|source| match fs::symlink_metadata(path) {
            Ok(meta) if !meta.is_file() => refused(lock_kind(meta.file_type())),
            _ => WriteError::Write {
                path: path.clone(),
                source,
            },
        })?;
    match file.metadata() {
        Ok(meta) if !meta.is_file() => return Err(refused(lock_kind(meta.file_type()))),
        _ => {}
    }
    Ok(file.lock().is_ok().then_some(file))
}

/// What a lock that is not a regular file is, for the message.
fn lock_kind(kind: fs::FileType) -> &'static str {
    if kind.is_symlink() {
        "een symbolische link"
    } else if kind.is_dir() {
        "een map"
    } else {
        "een bijzonder bestand (zoals een pipe of apparaat)"
    }
}

/// Cleans up after builds that were interrupted (Ctrl-C, power loss). Their
/// staging and old folders are never the live output, so the first one becomes
/// the spare when there is none (its files are compared like any spare's) and
/// the rest are removed. An old folder with no output beside it is a previous
/// output caught between the two renames of a swap: it is put back.
///
/// A folder is a leftover when the build named in it is gone. With the lock
/// held (`locked`) that is known without asking: a build writes only while it
/// holds the lock, and one that has let go of it is done, even while its
/// process is still exiting. Without a lock, the process id is asked after.
pub(super) fn remove_stale(folders: &Folders, locked: bool) {
    let out = &folders.out;
    let (Some(parent), Some(name)) = (out.parent(), out.file_name()) else {
        return;
    };
    let name = name.to_string_lossy();
    let prefixes = [format!(".{name}.staging-"), format!(".{name}.old-")];
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    // (is an old folder, path) for every leftover of a build that is gone.
    let mut stale: Vec<(bool, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let file_name = e.file_name().to_string_lossy().into_owned();
            let (kind, pid) = prefixes
                .iter()
                .enumerate()
                .find_map(|(kind, p)| Some((kind, file_name.strip_prefix(p.as_str())?)))?;
            let pid: u32 = pid.parse().ok()?;
            let gone = locked || pid == std::process::id() || !is_running(pid);
            gone.then(|| (kind == 1, e.path()))
        })
        .collect();
    // Old folders first: one of them may have to become the output again.
    stale.sort_by_key(|(is_old, _)| !is_old);
    for (is_old, path) in stale {
        if !owner::is_ours(&path) {
            continue;
        }
        if is_old && fs::symlink_metadata(out).is_err() && fs::rename(&path, out).is_ok() {
            continue;
        }
        if fs::symlink_metadata(&folders.spare).is_err()
            && fs::rename(&path, &folders.spare).is_ok()
        {
            continue;
        }
        let _ = remove_any(&path);
    }
}

/// Whether the process `pid` is still running (one of another user counts).
/// A process that has ended but is not yet waited for (a zombie) has not: it
/// has already let go of the lock.
#[cfg(any(target_os = "linux", target_os = "macos"))]
fn is_running(pid: u32) -> bool {
    use rustix::process::{Pid, test_kill_process};
    let Some(id) = i32::try_from(pid).ok().and_then(Pid::from_raw) else {
        return false;
    };
    !matches!(test_kill_process(id), Err(rustix::io::Errno::SRCH)) && !is_zombie(pid)
}

/// Whether `pid` has ended and waits to be reaped (state `Z` or `X` in
/// `/proc/<pid>/stat`, after the parenthesised command name).
#[cfg(target_os = "linux")]
fn is_zombie(pid: u32) -> bool {
    fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        stat.rsplit_once(')')
            .is_some_and(|(_, rest)| matches!(rest.trim_start().chars().next(), Some('Z' | 'X')))
    })
}

#[cfg(target_os = "macos")]
fn is_zombie(_: u32) -> bool {
    false
}

/// Elsewhere the output's lock is what keeps builds apart: a folder left by
/// another build while this one holds the lock is a leftover.
#[cfg(not(any(target_os = "linux", target_os = "macos")))]
fn is_running(_: u32) -> bool {
    false
}

/// Moves the spare to the staging path, to start from. Returns false when there
/// is no spare to use: none, or one that is not werkplaats' own (left alone,
/// unless `force` takes it over). A spare of its own that cannot be moved is
/// discarded.
pub(super) fn take_spare(folders: &Folders, force: bool) -> Result<bool, WriteError> {
    let spare = &folders.spare;
    let Ok(meta) = fs::symlink_metadata(spare) else {
        return Ok(false);
    };
    if !(meta.is_dir() && (force || owner::is_ours(spare))) {
        if force {
            discard(spare, spare)?;
        }
        return Ok(false);
    }
    let _ = remove_any(&folders.staging);
    if fs::rename(spare, &folders.staging).is_ok() {
        return Ok(true);
    }
    discard(spare, spare)?;
    Ok(false)
}

/// Gives up on a spare that is at the staging path and could not be brought up
/// to date. If it cannot be removed either, it is put back and named.
pub(super) fn reject_spare(folders: &Folders) -> Result<(), WriteError> {
    let result = discard(&folders.staging, &folders.spare);
    if result.is_err() {
        let _ = fs::rename(&folders.staging, &folders.spare);
    }
    result
}

/// Removes `path`, a spare (`spare` is how the user knows it). What cannot be
/// removed is marked again (the marker may have gone first), so that it stays
/// werkplaats' own and a later build can remove it.
fn discard(path: &Path, spare: &Path) -> Result<(), WriteError> {
    remove_any(path).map_err(|source| {
        let _ = owner::ensure_marked(path);
        WriteError::BrokenSpare {
            spare: spare.to_path_buf(),
            source,
        }
    })
}

/// Puts a marked starting tree at the staging path: hard links to the live
/// output if there is one, else an empty folder.
pub(super) fn fresh_staging(folders: &Folders) -> Result<(), WriteError> {
    let (staging, out) = (&folders.staging, &folders.out);
    let error = |source| WriteError::Write {
        path: out.clone(),
        source,
    };
    let _ = remove_any(staging);
    fs::create_dir(staging).map_err(error)?;
    // The live marker first, so that the tree is marked from the start and an
    // unchanged manifest is shared like any unchanged file.
    let marker = out.join(owner::MARKER);
    if fs::hard_link(&marker, staging.join(owner::MARKER)).is_err() {
        owner::ensure_marked(staging).map_err(error)?;
    }
    let live = fs::symlink_metadata(out).is_ok_and(|m| m.is_dir());
    if !live || sync::link_tree(out, staging, true).is_ok() {
        return Ok(());
    }
    // Links that cannot be made (another file system, a limit): start empty.
    let _ = remove_any(staging);
    fs::create_dir(staging).map_err(error)?;
    owner::ensure_marked(staging).map_err(error)
}
