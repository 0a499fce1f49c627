//! Where the output really is, and whether werkplaats may put a site there.
//!
//! Paths are compared only after symlinks and `..` are resolved: as written,
//! `--root link/kit --out <the folder that holds kit>` looks harmless, and
//! replacing that folder would take the toolkit with it. A symlinked output is
//! followed: the folder it points to is the output, staged and swapped beside
//! itself, and the link stays a link (`public -> ../www` updates `www/`).

use super::WriteError;
use std::fs;
use std::path::{Component, Path, PathBuf};

/// Resolves `out` and refuses it when replacing it could destroy the toolkit at
/// `root`: the root itself, a folder that holds it, anything inside `content/`,
/// `themes/`, the site's theme folder or `site.yaml`, or a folder that holds
/// another toolkit. Returns the resolved output folder (it may not exist yet).
pub(super) fn output_folder(root: &Path, out: &Path, theme: &Path) -> Result<PathBuf, WriteError> {
    let root = resolve(root)?;
    let resolved = resolve(out)?;
    if let Some(why) = danger(&root, &resolved, theme) {
        return Err(WriteError::UnsafeOutput {
            out: shown(out, &resolved),
            why,
        });
    }
    match fs::metadata(&resolved) {
        Ok(m) if !m.is_dir() => Err(WriteError::NotAFolder(shown(out, &resolved))),
        _ => Ok(resolved),
    }
}

/// Why replacing the (resolved) output `out` would harm the toolkit at the
/// (resolved) `root`, if it would.
fn danger(root: &Path, out: &Path, theme: &Path) -> Option<&'static str> {
    let inside = |dir: &Path| resolve(dir).is_ok_and(|dir| out.starts_with(dir));
    let theme_dir = theme.parent().filter(|dir| !dir.as_os_str().is_empty());
    if out == root {
        Some("is de toolkit zelf")
    } else if root.starts_with(out) {
        Some("bevat de toolkit")
    } else if inside(&root.join("content")) {
        Some("ligt in content/")
    } else if inside(&root.join("themes")) || theme_dir.is_some_and(inside) {
        Some("ligt in het thema")
    } else if inside(&root.join("site.yaml")) {
        Some("is site.yaml")
    } else if ["content", "themes", "site.yaml"]
        .iter()
        .any(|name| fs::symlink_metadata(out.join(name)).is_ok())
    {
        Some("bevat een toolkit (content/, themes/ of site.yaml)")
    } else {
        None
    }
}

/// The output as the user wrote it, with what it resolves to when that differs.
fn shown(out: &Path, resolved: &Path) -> PathBuf {
    if out == resolved {
        out.to_path_buf()
    } else {
        PathBuf::from(format!("{} (= {})", out.display(), resolved.display()))
    }
}

/// An absolute path with every symlink and `..` resolved as the system would,
/// as far as the path exists; the part that does not exist yet is appended as
/// written (without `.` and with `..` applied). A link that points nowhere is
/// refused: what it would become is unclear.
pub(super) fn resolve(p: &Path) -> Result<PathBuf, WriteError> {
    let absolute = std::path::absolute(p).map_err(|source| WriteError::Read {
        path: p.to_path_buf(),
        source,
    })?;
    let mut done = PathBuf::new();
    let mut exists = true;
    for c in absolute.components() {
        match c {
            Component::CurDir => {}
            // `done` is already resolved, so its parent is the real `..`.
            Component::ParentDir => {
                done.pop();
            }
            Component::Normal(name) if exists => {
                let next = done.join(name);
                match fs::symlink_metadata(&next) {
                    Ok(meta) => {
                        done = fs::canonicalize(&next).map_err(|source| {
                            if meta.is_symlink() {
                                dangling(&next)
                            } else {
                                WriteError::Read { path: next, source }
                            }
                        })?;
                    }
                    Err(_) => {
                        exists = false;
                        done = next;
                    }
                }
            }
            other => done.push(other),
        }
    }
    Ok(done)
}

fn dangling(link: &Path) -> WriteError {
    WriteError::DanglingLink {
        link: link.to_path_buf(),
        target: fs::read_link(link).unwrap_or_default(),
    }
}
