//! Reading one file as text: the size limit, UTF-8, the byte-order mark and the
//! rule that a symbolic link must stay inside the toolkit.
//!
//! Functions here are free of shared state so that content files can be read on
//! all cores; each returns the file's single problem rather than pushing it.

use super::MAX_FILE_BYTES;
use crate::diagnostics::Problem;
use std::fs::File;
use std::io::Read;
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

/// The file's bytes, refusing a file over [`MAX_FILE_BYTES`] before reading it.
fn bytes(rel: &Path, path: &Path) -> Result<Vec<u8>, Problem> {
    let mut file = match File::open(path) {
        Ok(file) => file,
        // Rare: ask again by path so the message is the one for a missing file,
        // a file that is too big, or one that cannot be read, in that order.
        Err(open_error) => {
            let meta = std::fs::metadata(path).map_err(|e| not_found_or_denied(rel, e))?;
            too_big(rel, meta.len())?;
            return Err(unreadable(rel, open_error));
        }
    };
    let len = file
        .metadata()
        .map_err(|e| not_found_or_denied(rel, e))?
        .len();
    too_big(rel, len)?;
    let mut bytes = Vec::with_capacity(len as usize + 1);
    file.read_to_end(&mut bytes)
        .map_err(|e| unreadable(rel, e))?;
    Ok(bytes)
}

fn not_found_or_denied(rel: &Path, e: std::io::Error) -> Problem {
    let hint = if e.kind() == std::io::ErrorKind::NotFound {
        format!("maak {} aan (zie docs/content.md)", rel.display())
    } else {
        "controleer de rechten van het bestand".to_string()
    };
    Problem::error(rel, 0, format!("kan het bestand niet lezen: {e}")).hint(hint)
}

fn unreadable(rel: &Path, e: std::io::Error) -> Problem {
    Problem::error(rel, 0, format!("kan het bestand niet lezen: {e}"))
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
            let column = valid.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
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
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    if target.starts_with(&root) {
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
