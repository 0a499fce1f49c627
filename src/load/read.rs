//! Reading one file as text: the size limit, UTF-8, the byte-order mark and the
//! rule that a symbolic link must stay inside the toolkit.
//!
//! Only regular files are read. A named pipe opened for reading waits for a
//! writer that never comes, and a device can stream without end, so the file is
//! opened without blocking and checked once open: a file swapped for a pipe
//! after the walk saw it cannot hang the build either.
//!
//! Functions here are free of shared state so that content files can be read on
//! all cores; each returns the file's single problem rather than pushing it.

use super::MAX_FILE_BYTES;
use crate::diagnostics::Problem;
use std::fs::{File, FileType, OpenOptions};
use std::io::{ErrorKind, Read};
use std::path::Path;

/// Reads `rel` below `root` as UTF-8 text without a byte-order mark.
///
/// `maybe_link` is false when the caller already knows the path is no symbolic
/// link (the directory walk tells), which saves a system call per file.
pub fn text(root: &Path, rel: &Path, maybe_link: bool) -> Result<String, Problem> {
    let path = root.join(rel);
    if maybe_link {
        inside_root(root, rel, &path)?;
    }
    decode(rel, bytes(rel, &path)?)
}

/// [`text`] for a file whose folders may be links too (a theme folder linked
/// in from elsewhere): the whole path, not just its last part, must resolve
/// inside the toolkit. One more system call per file; themes have few.
pub fn text_resolved(root: &Path, rel: &Path) -> Result<String, Problem> {
    let path = root.join(rel);
    inside_root(root, rel, &path)?;
    resolves_inside_root(root, rel, &path)?;
    decode(rel, bytes(rel, &path)?)
}

/// The file's bytes, refusing a file over [`MAX_FILE_BYTES`] or one that is no
/// regular file before reading it.
fn bytes(rel: &Path, path: &Path) -> Result<Vec<u8>, Problem> {
    let file = match open(path) {
        Ok(file) => file,
        // Rare: ask again by path so the message is the one for a missing file,
        // a file that is too big, or one that cannot be read, in that order.
        Err(open_error) => {
            let meta = std::fs::metadata(path).map_err(|e| unreadable(rel, &e))?;
            regular(rel, meta.file_type())?;
            too_big(rel, meta.len())?;
            return Err(unreadable(rel, &open_error));
        }
    };
    let meta = file.metadata().map_err(|e| unreadable(rel, &e))?;
    regular(rel, meta.file_type())?;
    too_big(rel, meta.len())?;
    // The length is read again through the limit: a file that grows while it is
    // read (or one whose size the system does not know) still stops at it.
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(rel, &e))?;
    too_big(rel, bytes.len() as u64)?;
    Ok(bytes)
}

/// Opens for reading without waiting: on a named pipe `open` would block until
/// a writer appears. Reading a regular file is not affected by the flag.
fn open(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(any(target_os = "linux", target_os = "macos"))]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    // Elsewhere, ask first; this leaves a window between the question and the
    // open, which the flag above closes where it is available.
    #[cfg(not(any(target_os = "linux", target_os = "macos")))]
    regular(Path::new(""), std::fs::metadata(path)?.file_type())
        .map_err(|_| std::io::Error::from(ErrorKind::InvalidInput))?;
    options.open(path)
}

/// Refuses anything but a regular file: pipes, sockets and devices are never
/// content, and reading them can block or never end.
fn regular(rel: &Path, kind: FileType) -> Result<(), Problem> {
    if kind.is_file() {
        return Ok(());
    }
    Err(Problem::error(
        rel,
        0,
        format!("dit is geen gewoon bestand maar {}", special_kind(kind)),
    )
    .hint("vervang het door een gewoon bestand met dezelfde naam, of haal het weg"))
}

/// What a file that is not a regular file is, for messages.
pub fn special_kind(kind: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "een named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "een socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "een apparaat";
        }
    }
    if kind.is_dir() {
        "een map"
    } else {
        "een bijzonder bestand"
    }
}

/// A read error told apart by its cause, with what to do about each.
fn unreadable(rel: &Path, e: &std::io::Error) -> Problem {
    let (message, hint) = match e.kind() {
        ErrorKind::NotFound => (
            "het bestand ontbreekt".to_string(),
            format!("maak {} aan (zie docs/content.md)", rel.display()),
        ),
        ErrorKind::PermissionDenied => (
            "geen toegang tot het bestand".to_string(),
            "geef jezelf leesrechten op het bestand (bijvoorbeeld chmod u+r) en op de mappen erboven"
                .to_string(),
        ),
        _ => (
            format!("kan het bestand niet lezen: {e}"),
            "controleer het bestand en de schijf, en probeer het opnieuw".to_string(),
        ),
    };
    Problem::error(rel, 0, message).hint(hint)
}

fn too_big(rel: &Path, len: u64) -> Result<(), Problem> {
    if len <= MAX_FILE_BYTES {
        return Ok(());
    }
    Err(Problem::error(
        rel,
        0,
        format!(
            "het bestand is te groot ({} MB; de grens is {} MB)",
            len / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ),
    )
    .hint("splits de inhoud over meer bestanden of verwijder wat er niet hoort"))
}

/// UTF-8 text with a leading byte-order mark removed; invalid bytes are reported
/// at the line and column where they start.
fn decode(rel: &Path, bytes: Vec<u8>) -> Result<String, Problem> {
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            Ok(text)
        }
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            // Characters, not bytes: the valid part before the bad byte is text.
            let last_line = valid.rsplit(|&b| b == b'\n').next().unwrap_or_default();
            let column = String::from_utf8_lossy(last_line).chars().count() + 1;
            Err(
                Problem::error(rel, line, "het bestand is geen geldige UTF-8-tekst")
                    .column(column)
                    .hint("sla het bestand op als UTF-8 (in de meeste editors: Opslaan als → codering UTF-8)"),
            )
        }
    }
}

/// A symbolic link is followed only when it ends inside the toolkit: content
/// must not pull in files from elsewhere on the machine.
pub fn inside_root(root: &Path, rel: &Path, path: &Path) -> Result<(), Problem> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return Ok(());
    }
    let target = std::fs::canonicalize(path).map_err(|_| {
        Problem::error(rel, 0, "de symbolische link loopt rond of wijst naar niets")
            .hint("verwijder de link of laat hem naar een bestaand bestand in de toolkit wijzen")
    })?;
    if target.starts_with(canonical_root(root)) {
        Ok(())
    } else {
        Err(Problem::error(
            rel,
            0,
            format!(
                "de symbolische link wijst buiten de toolkit ({})",
                target.display()
            ),
        )
        .hint("kopieer het bestand naar de toolkit in plaats van ernaar te linken"))
    }
}

/// Whether `path` as a whole, folders included, resolves inside the toolkit. A
/// path that does not resolve at all is left to the read, which names the cause.
pub fn resolves_inside_root(root: &Path, rel: &Path, path: &Path) -> Result<(), Problem> {
    let Ok(target) = std::fs::canonicalize(path) else {
        return Ok(());
    };
    if target.starts_with(canonical_root(root)) {
        return Ok(());
    }
    Err(Problem::error(
        rel,
        0,
        format!(
            "een map op dit pad is een symbolische link die buiten de toolkit wijst ({})",
            target.display()
        ),
    )
    .hint("kopieer de map naar de toolkit in plaats van ernaar te linken"))
}

fn canonical_root(root: &Path) -> std::path::PathBuf {
    std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf())
}

#[cfg(test)]
#[path = "read_tests.rs"]
mod tests;
