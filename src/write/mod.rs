//! Write: puts a rendered site on disk without ever leaving a half-written one,
//! and without touching what werkplaats did not write.
//!
//! Everything goes into a staging folder beside the output; only when that is
//! complete is it swapped in, atomically where the system can exchange two
//! folders. A failed or interrupted build leaves the previous output as it was.
//!
//! The output folder is werkplaats' own ([`owner`]): every tree it writes holds
//! a manifest of its files, `.werkplaats`, and a folder without one that is not
//! empty is refused unless `--force` adopts it. Before deciding, paths are
//! resolved ([`place`]): the output may never be the toolkit, lie inside it
//! (`content/`, `themes/`, `site.yaml`) or hold it. A symlinked output is
//! followed and the folder it points to is updated; the link stays.
//!
//! One build at a time writes an output: each holds `.<name>.lock` beside it,
//! and a second build waits for the first ([`siblings`]).
//!
//! Rebuilds are fast because the output is double-buffered: the tree that was
//! live before the last swap stays beside it as `.<name>.spare`, becomes the next
//! staging folder, and only files whose bytes differ are written again — always
//! as new files, never changed in place, since the spare's files may be hard
//! links into, or open readers of, an older output. The cost is disk space: up to
//! twice the output. The spare may be deleted at any time; the next build then
//! starts from hard links to the live output (or from nothing).

mod clean;
mod copy;
mod marker;
mod owner;
mod place;
mod siblings;
mod strays;
mod swap;
mod sync;
#[cfg(test)]
mod tests;

use crate::render::RenderedSite;
pub use clean::{Cleaned, clean};
pub use owner::MARKER;
use siblings::Folders;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
pub use sync::Written;

/// Why the output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(
        "de uitvoermap {out} {why}; een build vervangt wat erin staat. Kies een eigen map, zoals public/"
    )]
    UnsafeOutput { out: PathBuf, why: &'static str },
    #[error("de uitvoermap {0} is een bestand, geen map; kies een map, zoals public/")]
    NotAFolder(PathBuf),
    #[error(
        "de uitvoermap {link} is een symbolische link naar {target}, dat niet bestaat; maak die map aan of kies een andere uitvoermap"
    )]
    DanglingLink { link: PathBuf, target: PathBuf },
    #[error(
        "de uitvoermap {0} is niet leeg en niet door werkplaats gemaakt; kies een andere map, maak hem leeg, of geef --force om hem over te nemen (wat erin staat, wordt dan vervangen door de site)"
    )]
    NotOurs(PathBuf),
    #[error(
        "in de uitvoermap {out} staat wat werkplaats niet heeft geschreven: {list}; de volgende builds zouden het weghalen. Zet wat op de site hoort in content/bestanden/ of in static/ van het thema, verplaats de rest, of geef --force om het te laten vervangen"
    )]
    Strays { out: PathBuf, list: String },
    #[error(
        "de reservemap {spare} van een vorige build is onbruikbaar en kan niet worden verwijderd ({source}); verwijder hem zelf, de volgende build maakt een nieuwe"
    )]
    BrokenSpare { spare: PathBuf, source: io::Error },
    #[error("kan {path} niet lezen: {source}")]
    Read { path: PathBuf, source: io::Error },
    #[error(
        "kan {0} niet lezen: het is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat); vervang het door een gewoon bestand of haal het weg"
    )]
    NotAFile(PathBuf),
    #[error("kan {path} niet schrijven: {source}")]
    Write { path: PathBuf, source: io::Error },
    #[error(
        "het slot {path} van de uitvoermap is {kind}, geen gewoon bestand; werkplaats volgt het niet. Haal het weg, de volgende build maakt een nieuw slot"
    )]
    BadLock { path: PathBuf, kind: &'static str },
    #[error(
        "clean haalt {0} niet weg: werkplaats heeft die map niet gemaakt (er staat geen .werkplaats in); verwijder hem zelf als hij weg moet"
    )]
    CleanForeign(PathBuf),
    #[error(
        "clean haalt {out} niet weg: er staat in wat werkplaats niet heeft geschreven: {list}; verplaats dat eerst"
    )]
    CleanStrays { out: PathBuf, list: String },
    #[error(
        "clean haalt {0} niet weg: het is een symbolische link, en clean volgt geen links; verwijder zelf wat hij aanwijst"
    )]
    CleanLink(PathBuf),
}

/// How to treat an output folder that werkplaats did not make.
#[derive(Debug, Clone, Copy, Default)]
pub struct WriteOptions {
    /// Adopt it: its files are replaced by the site. What it held stays in
    /// `.<name>.spare` until the next build, which reuses that folder and
    /// removes what the site does not have. A `.<name>.spare` that is not
    /// werkplaats' own is taken over too.
    pub force: bool,
}

/// Writes `site` to `out` through a staging folder, then swaps it in, and says
/// how many files were written, left as they were and removed. Refuses an
/// output folder that werkplaats did not make.
pub fn write(site: &RenderedSite, root: &Path, out: &Path) -> Result<Written, WriteError> {
    write_with(site, root, out, WriteOptions::default())
}

/// [`write`], with options.
pub fn write_with(
    site: &RenderedSite,
    root: &Path,
    out: &Path,
    options: WriteOptions,
) -> Result<Written, WriteError> {
    let out = place::output_folder(root, out, &site.static_dir)?;
    owner::precheck(&out, options.force)?;
    let folders = Folders::new(&out);
    if let Some(parent) = out.parent() {
        fs::create_dir_all(parent).map_err(|source| WriteError::Write {
            path: parent.to_path_buf(),
            source,
        })?;
    }
    let lock = siblings::lock(&folders)?;
    siblings::remove_stale(&folders, lock.is_some());
    // Again, now that no other build can change it.
    let adopted = owner::claim(&out, options.force)?;
    let result =
        stage(&folders, options.force, |tree| sync::sync(site, tree, &out)).and_then(|written| {
            halt_for_tests();
            swap::swap(&folders, adopted).map(|()| written)
        });
    if let Err(e) = &result {
        clean_up_after(e, &folders);
    }
    drop(lock);
    result
}

/// Puts the complete new tree at the staging path. It starts from the spare
/// when there is one; a spare that cannot be brought up to date is discarded
/// and the tree is made again from the live output (or from nothing). Only a
/// source that cannot be read fails at once: that fails any tree.
fn stage(
    folders: &Folders,
    force: bool,
    sync: impl Fn(&Path) -> Result<Written, WriteError>,
) -> Result<Written, WriteError> {
    if siblings::take_spare(folders, force)? {
        match sync(&folders.staging) {
            Ok(written) => return Ok(written),
            Err(e @ (WriteError::Read { .. } | WriteError::NotAFile(_))) => return Err(e),
            Err(_) => siblings::reject_spare(folders)?,
        }
    }
    siblings::fresh_staging(folders)?;
    sync(&folders.staging)
}

/// After a failed build: a tree that failed to be written (a full disk, say) is
/// removed, so that the space comes back; one that failed on a source is a
/// fine start for the next build and becomes the spare.
fn clean_up_after(error: &WriteError, folders: &Folders) {
    let staging = &folders.staging;
    if !owner::is_ours(staging) {
        return;
    }
    let keep = matches!(error, WriteError::Read { .. } | WriteError::NotAFile(_))
        && fs::symlink_metadata(&folders.spare).is_err()
        && fs::rename(staging, &folders.spare).is_ok();
    if !keep {
        let _ = remove_any(staging);
    }
}

/// A test hook, for tests/interrupt.rs and tests/output.rs: with the variable
/// `WERKPLAATS_TEST_HALT` set to a path, a build creates that file when its
/// new tree is complete, just before the swap, and then waits until it is
/// killed; a test can so interrupt a build, or hold its lock, at a known point.
fn halt_for_tests() {
    let Some(path) = std::env::var_os("WERKPLAATS_TEST_HALT") else {
        return;
    };
    let _ = fs::write(path, "");
    loop {
        std::thread::park();
    }
}

/// Removes a file, symlink or folder tree, whichever `path` is.
fn remove_any(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => fs::remove_dir_all(path),
        Ok(_) => fs::remove_file(path),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}
