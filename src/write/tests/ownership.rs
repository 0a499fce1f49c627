//! Which output folders werkplaats accepts, and what it will not delete.

use super::*;

fn refused(place: &Place, out: &Path) -> String {
    let err = write(&site(SITE), &place.root, out).expect_err("refused");
    err.to_string()
}

/// A toolkit's folders below the root, as the unsafe outputs need them.
fn kit(place: &Place) {
    for dir in ["content/paginas", "themes/default/static"] {
        fs::create_dir_all(place.root.join(dir)).expect("kit");
    }
    fs::write(place.root.join("site.yaml"), "titel: x\n").expect("site.yaml");
    fs::write(place.root.join("content/paginas/over.md"), "over").expect("page");
}

#[test]
fn an_output_in_or_around_the_toolkit_is_refused_after_resolving_links() {
    let place = Place::new();
    kit(&place);
    let r = &place.root;
    let link = place.root.with_file_name("link");
    std::os::unix::fs::symlink(r, &link).expect("link");
    let to_content = r.join("uit");
    std::os::unix::fs::symlink(r.join("content"), &to_content).expect("link");
    let outs = [
        r.clone(),
        r.join("content"),
        r.join("content/paginas"),
        r.join("content/nieuw"),
        r.join("themes"),
        r.join("themes/default/static"),
        r.join("site.yaml"),
        r.join("public/../content"),
        r.parent().expect("parent").to_path_buf(),
        link.clone(),
        link.join("content"),
        to_content.clone(),
        to_content.join("sub"),
    ];
    for out in outs {
        let err = refused(&place, &out);
        assert!(err.contains("uitvoermap"), "{}: {err}", out.display());
    }
    // Through a linked root: the folder that really holds the toolkit.
    let err = write(&site(SITE), &link, r.parent().expect("parent")).expect_err("refused");
    assert!(err.to_string().contains("uitvoermap"), "{err}");
    assert!(r.join("content/paginas/over.md").is_file());
    // The site's theme folder, wherever it is.
    let mut themed = site(SITE);
    let theme = place.out.with_file_name("thema");
    themed.static_dir = theme.join("static");
    fs::create_dir_all(&themed.static_dir).expect("theme");
    let err = write(&themed, r, &theme.join("public")).expect_err("refused");
    assert!(err.to_string().contains("uitvoermap"), "{err}");
}

#[test]
fn an_output_below_the_root_elsewhere_is_fine() {
    let place = Place::new();
    kit(&place);
    let docs = place.root.join("docs");
    write(&site(SITE), &place.root, &docs).expect("written");
    write(&site(SITE), &place.root, &docs).expect("written");
    assert_eq!(tree(&docs), expected(SITE));
}

#[test]
fn a_folder_werkplaats_did_not_make_is_refused_and_kept() {
    let place = Place::new();
    fs::create_dir_all(&place.out).expect("out");
    fs::write(place.out.join("notities.txt"), "mijn").expect("file");
    for _ in 0..2 {
        let err = place.write(&site(SITE)).expect_err("refused");
        assert!(matches!(err, WriteError::NotOurs(_)), "{err}");
        assert!(err.to_string().contains("--force"), "{err}");
    }
    assert_eq!(
        fs::read_to_string(place.out.join("notities.txt")).unwrap(),
        "mijn"
    );
    assert_eq!(place.siblings(), Vec::<String>::new());
    assert!(!place.out.with_file_name(".public.lock").exists());
    // A marker that is not werkplaats' manifest does not make it so.
    fs::write(place.out.join(owner::MARKER), "iets anders").expect("marker");
    assert!(matches!(
        place.write(&site(SITE)),
        Err(WriteError::NotOurs(_))
    ));
}

#[test]
fn an_empty_folder_is_taken() {
    let place = Place::new();
    fs::create_dir_all(&place.out).expect("out");
    place.write(&site(SITE)).expect("written");
    assert_eq!(tree(&place.out), expected(SITE));
}

#[test]
fn force_adopts_a_folder_and_keeps_its_files_in_the_spare_for_one_build() {
    let place = Place::new();
    fs::create_dir_all(place.out.join("oud")).expect("out");
    fs::write(place.out.join("oud/notities.txt"), "mijn").expect("file");
    let force = WriteOptions { force: true };
    write_with(&site(SITE), &place.root, &place.out, force).expect("written");
    assert_eq!(tree(&place.out), expected(SITE));
    assert!(place.spare().join("oud/notities.txt").is_file());
    // Adopted: the next build needs no --force, and reuses the spare.
    place.write(&site(SITE)).expect("written");
    assert_eq!(tree(&place.out), expected(SITE));
    assert_eq!(tree(&place.spare()), expected(SITE));
}

#[test]
fn a_file_dropped_into_the_output_is_refused_not_deleted() {
    let place = Place::new();
    place.write(&site(SITE)).expect("written");
    fs::write(place.out.join("CNAME"), "example.org").expect("dropped");
    fs::create_dir_all(place.out.join("a/extra")).expect("dropped");
    fs::write(place.out.join("a/extra/x.txt"), "x").expect("dropped");
    for _ in 0..2 {
        let err = place.write(&site(SITE)).expect_err("refused");
        let text = err.to_string();
        assert!(text.contains("CNAME, a/extra/"), "{text}");
        assert!(text.contains("content/bestanden/"), "{text}");
    }
    assert!(place.out.join("CNAME").is_file());
    assert!(place.out.join("a/extra/x.txt").is_file());
    // --force lets the site replace them.
    let force = WriteOptions { force: true };
    write_with(&site(SITE), &place.root, &place.out, force).expect("written");
    assert_eq!(tree(&place.out), expected(SITE));
}

#[test]
fn a_dropped_file_is_found_deep_down_even_with_its_folder_time_set_back() {
    use rustix::fs::{AtFlags, CWD, Timespec, Timestamps, utimensat};
    let place = Place::new();
    for _ in 0..2 {
        place.write(&site(SITE)).expect("written");
    }
    fs::write(place.out.join("a/b/stil.txt"), "x").expect("dropped");
    // As `rsync -a` or `touch -d` would leave it: an old modification time.
    let old = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    let times = Timestamps {
        last_access: old,
        last_modification: old,
    };
    utimensat(CWD, place.out.join("a/b"), &times, AtFlags::empty()).expect("times");
    let err = place.write(&site(SITE)).expect_err("refused").to_string();
    assert!(err.contains("a/b/stil.txt"), "{err}");
    // A folder replaced by a file is found through its parent.
    fs::remove_file(place.out.join("a/b/stil.txt")).expect("removed");
    fs::remove_dir_all(place.out.join("c")).expect("removed");
    fs::write(place.out.join("c"), "c").expect("file");
    let err = place.write(&site(SITE)).expect_err("refused").to_string();
    assert!(err.contains(": c;"), "{err}");
}

#[test]
fn the_manifest_lists_what_the_build_wrote() {
    let place = Place::new();
    place.write(&site(SITE)).expect("written");
    let text = fs::read_to_string(place.out.join(owner::MARKER)).expect("marker");
    let manifest: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(manifest["werkplaats"], 1);
    let mut files: Vec<&str> = SITE.iter().map(|(p, _)| *p).collect();
    files.sort();
    assert_eq!(manifest["files"], serde_json::json!(files));
}

#[test]
fn a_symlinked_output_is_followed_and_stays_a_link() {
    let place = Place::new();
    let www = place.out.with_file_name("www");
    fs::create_dir_all(&www).expect("www");
    std::os::unix::fs::symlink("www", &place.out).expect("link");
    for files in [SITE, &[("index.html", "other")], SITE] {
        place.write(&site(files)).expect("written");
        assert!(fs::symlink_metadata(&place.out).unwrap().is_symlink());
        assert_eq!(tree(&www), expected(files));
    }
    assert!(www.with_file_name(".www.spare").is_dir());
    // A link that points nowhere is refused, naming it.
    fs::remove_file(&place.out).expect("unlinked");
    std::os::unix::fs::symlink("nergens", &place.out).expect("link");
    let err = place.write(&site(SITE)).expect_err("refused").to_string();
    assert!(err.contains("public") && err.contains("nergens"), "{err}");
}

#[test]
fn an_output_that_is_a_file_is_refused() {
    let place = Place::new();
    fs::create_dir_all(place.out.parent().expect("parent")).expect("parent");
    fs::write(&place.out, "bestand").expect("file");
    let err = place.write(&site(SITE)).expect_err("refused");
    assert!(matches!(err, WriteError::NotAFolder(_)), "{err}");
    assert_eq!(fs::read_to_string(&place.out).unwrap(), "bestand");
}
