//! Copying and comparing files of the new site, telling read errors (the
//! source: an asset, a theme file) from write errors (the output).
//!
//! A source is opened without blocking and used only if, once open, it is a
//! regular file: a pipe swapped in for an asset after the walk would otherwise
//! hang the build, and a device could feed it forever.

use super::WriteError;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::Path;

/// Bytes read and compared at a time, so that large files are never read whole.
const CHUNK: u64 = 256 * 1024;

/// `O_NONBLOCK`: opening a pipe does not wait for a writer.
#[cfg(any(target_os = "linux", target_os = "macos"))]
const NONBLOCK: i32 = rustix::fs::OFlags::NONBLOCK.bits() as i32;
#[cfg(not(any(target_os = "linux", target_os = "macos")))]
const NONBLOCK: i32 = 0;

/// Opens the source file `path` for reading; anything but a regular file is
/// refused.
pub(super) fn open_source(path: &Path) -> Result<File, WriteError> {
    let read_err = |source| WriteError::Read {
        path: path.to_path_buf(),
        source,
    };
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, NONBLOCK);
    let file = options.open(path).map_err(read_err)?;
    if !file.metadata().map_err(read_err)?.is_file() {
        return Err(WriteError::NotAFile(path.to_path_buf()));
    }
    Ok(file)
}

/// Creates the new file `to` (it must not exist: the file it replaces was
/// unlinked, so hard links to it keep their bytes). `shown` is the output path
/// it stands for, named in errors.
fn create(to: &Path, shown: &Path) -> Result<File, WriteError> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(to)
        .map_err(write_err(shown))
}

/// Writes `bytes` to the new file `to`.
pub(super) fn write_new(to: &Path, bytes: &[u8], shown: &Path) -> Result<(), WriteError> {
    create(to, shown)?
        .write_all(bytes)
        .map_err(write_err(shown))
}

/// Copies the source file `from` to the new file `to`, chunk by chunk, so that
/// a failing read names the source and a failing write (a full disk) names the
/// output path `shown`.
pub(super) fn copy_new(from: &Path, to: &Path, shown: &Path) -> Result<(), WriteError> {
    let mut source = open_source(from)?;
    let len = source.metadata().map(|m| m.len()).unwrap_or(CHUNK);
    let mut dest = create(to, shown)?;
    let mut buf = vec![0; len.clamp(1, CHUNK) as usize];
    loop {
        let n = match source.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(source) => {
                return Err(WriteError::Read {
                    path: from.to_path_buf(),
                    source,
                });
            }
        };
        dest.write_all(&buf[..n]).map_err(write_err(shown))?;
    }
}

fn write_err(shown: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError::Write {
        path: shown.to_path_buf(),
        source,
    }
}

/// Whether the file at `path` holds exactly `bytes`.
pub(super) fn same_as_bytes(path: &Path, bytes: &[u8]) -> io::Result<bool> {
    let len = fs::metadata(path)?.len();
    if len != bytes.len() as u64 {
        return Ok(false);
    }
    same_stream(File::open(path)?, &mut &bytes[..], len)
}

/// Whether the file at `path` holds exactly what the source file `from` does.
/// A source that cannot be opened as a regular file is never the same.
pub(super) fn same_as_file(path: &Path, from: &Path) -> io::Result<bool> {
    let Ok(mut source) = open_source(from) else {
        return Ok(false);
    };
    let len = fs::metadata(path)?.len();
    if len != source.metadata()?.len() {
        return Ok(false);
    }
    same_stream(File::open(path)?, &mut source, len)
}

/// Whether two readers give the same first `len` bytes (both files are known
/// to be `len` bytes long), compared chunk by chunk, and without the extra read
/// that would only find the end.
fn same_stream(mut a: impl Read, b: &mut impl Read, len: u64) -> io::Result<bool> {
    let size = len.min(CHUNK) as usize;
    let mut left = vec![0; size];
    let mut right = vec![0; size];
    let mut rest = len;
    while rest > 0 {
        let n = rest.min(CHUNK) as usize;
        a.read_exact(&mut left[..n])?;
        b.read_exact(&mut right[..n])?;
        if left[..n] != right[..n] {
            return Ok(false);
        }
        rest -= n as u64;
    }
    Ok(true)
}
