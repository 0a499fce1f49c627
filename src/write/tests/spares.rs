//! Spares that cannot be used, sources that cannot be read, and outputs that
//! cannot be written: each named for what it is.

use super::*;
use std::cell::Cell;

#[test]
fn a_spare_that_is_not_a_folder_is_left_alone_and_the_build_works() {
    let place = Place::new();
    place.write(&site(SITE)).expect("written");
    place.write(&site(SITE)).expect("written");
    fs::remove_dir_all(place.spare()).expect("spare removed");
    fs::write(place.spare(), "not a folder").expect("spare is a file");
    let changed = [("index.html", "other")];
    place.write(&site(&changed)).expect("written");
    assert_eq!(tree(&place.out), expected(&changed));
    assert_eq!(fs::read_to_string(place.spare()).unwrap(), "not a folder");
    fs::remove_file(place.spare()).expect("removed");
    std::os::unix::fs::symlink("nergens", place.spare()).expect("dangling");
    place.write(&site(SITE)).expect("written");
    assert_eq!(tree(&place.out), expected(SITE));
    assert!(fs::symlink_metadata(place.spare()).unwrap().is_symlink());
    // --force takes the spare's name over.
    let force = WriteOptions { force: true };
    write_with(&site(SITE), &place.root, &place.out, force).expect("written");
    assert!(place.spare().is_dir());
}

#[test]
fn a_spare_that_cannot_be_brought_up_to_date_is_discarded() {
    let place = Place::new();
    place.write(&site(SITE)).expect("written");
    place.write(&site(SITE)).expect("written");
    let folders = Folders::new(&place.out);
    let calls = Cell::new(0);
    let result = stage(&folders, false, |tree| {
        calls.set(calls.get() + 1);
        if calls.get() == 1 {
            // As a read-only spare fails.
            return Err(WriteError::Write {
                path: tree.join("index.html"),
                source: io::Error::from(io::ErrorKind::PermissionDenied),
            });
        }
        // The second try starts from hard links to the live output.
        assert_eq!(tree, folders.staging);
        assert_eq!(super::tree(tree), expected(SITE));
        Ok(Written::default())
    });
    result.expect("staged");
    assert_eq!(calls.get(), 2);
    assert!(fs::symlink_metadata(&folders.spare).is_err());
}

#[test]
fn a_source_that_cannot_be_read_fails_without_a_second_try() {
    let place = Place::new();
    place.write(&site(SITE)).expect("written");
    place.write(&site(SITE)).expect("written");
    let folders = Folders::new(&place.out);
    let calls = Cell::new(0);
    let result = stage(&folders, false, |_| {
        calls.set(calls.get() + 1);
        Err(WriteError::NotAFile(PathBuf::from(
            "content/bestanden/pijp",
        )))
    });
    assert!(matches!(result, Err(WriteError::NotAFile(_))));
    assert_eq!(calls.get(), 1);
}

#[test]
fn read_errors_name_the_source_and_write_errors_the_output() {
    let place = Place::new();
    place.write(&site(SITE)).expect("written");
    let mut broken = site(SITE);
    let missing = place.root.join("bestanden/weg.png");
    broken
        .assets
        .push((missing.clone(), "bestanden/weg.png".into()));
    let err = place.write(&broken).expect_err("fails").to_string();
    assert!(err.contains("niet lezen"), "{err}");
    assert!(err.contains(&missing.display().to_string()), "{err}");

    // A destination that cannot be written: named by the output path it
    // stands for, not by the staging path or the source.
    let from = place.root.join("film.bin");
    fs::write(&from, "film").expect("source");
    let staging = place.root.join("staging");
    let shown = place.out.join("bestanden/film.bin");
    let err = copy::copy_new(&from, &staging.join("nergens/film.bin"), &shown)
        .expect_err("fails")
        .to_string();
    assert!(err.contains("niet schrijven"), "{err}");
    assert!(err.contains(&shown.display().to_string()), "{err}");
}

#[test]
fn a_failed_write_removes_the_new_tree_and_keeps_the_output() {
    let place = Place::new();
    place.write(&site(SITE)).expect("written");
    place.write(&site(SITE)).expect("written");
    // `index.html` as a file and as a folder: the write fails on the disk side.
    let err = place
        .write(&site(&[("index.html", "x"), ("index.html/a.html", "a")]))
        .expect_err("fails");
    assert!(matches!(err, WriteError::Write { .. }), "{err}");
    assert!(err.to_string().contains("niet schrijven"), "{err}");
    assert!(!err.to_string().contains(".public.staging"), "{err}");
    assert_eq!(tree(&place.out), expected(SITE));
    // No staging folder holds on to the space.
    assert_eq!(place.siblings(), Vec::<String>::new());
    place.write(&site(SITE)).expect("written");
    assert_eq!(tree(&place.out), expected(SITE));
}

/// Makes a named pipe at `path`.
fn fifo(path: &Path) {
    use rustix::fs::{CWD, FileType, Mode, mknodat};
    mknodat(CWD, path, FileType::Fifo, Mode::RUSR | Mode::WUSR, 0).expect("fifo");
}

/// Runs `f` on a thread and fails if it takes longer than a hang would.
fn within_seconds<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(std::time::Duration::from_secs(20))
        .expect("the write hangs")
}

#[test]
fn a_pipe_in_place_of_a_source_is_refused_without_hanging() {
    let place = Place::new();
    place.write(&site(SITE)).expect("written");
    // An asset that became a pipe after the walk, and a theme file that did:
    // both with an output file of the same (empty) length to compare with.
    let pipe = place.root.join("pijp");
    fifo(&pipe);
    let theme = place.root.join("static");
    fs::create_dir_all(&theme).expect("theme");
    fs::write(theme.join("leeg.css"), "").expect("css");
    let mut s = site(SITE);
    s.static_dir = theme.clone();
    s.assets.push((pipe.clone(), "bestanden/pijp".into()));
    fs::write(place.root.join("leeg"), "").expect("empty");
    let mut first = site(SITE);
    first.static_dir = theme.clone();
    first
        .assets
        .push((place.root.join("leeg"), "bestanden/pijp".into()));
    place.write(&first).expect("written");
    place.write(&first).expect("written");
    let (root, out) = (place.root.clone(), place.out.clone());
    let err = within_seconds(move || write(&s, &root, &out).map_err(|e| e.to_string()))
        .expect_err("refused");
    assert!(err.contains("geen gewoon bestand"), "{err}");
    assert!(err.contains(&pipe.display().to_string()), "{err}");
    let copied = within_seconds(move || {
        copy::copy_new(&pipe, &theme.join("kopie"), Path::new("uit")).map_err(|e| e.to_string())
    });
    assert!(copied.expect_err("refused").contains("geen gewoon bestand"));
}
