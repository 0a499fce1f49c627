//! The output folder is werkplaats' own: a build never deletes or moves what it
//! did not write, never replaces the toolkit, follows a symlinked output, keeps
//! concurrent builds apart, and names the right file when something fails.
//! Tests that need a small file system of their own (a full disk, a read-only
//! folder) mount a tmpfs, and say so and pass where that is not allowed.

mod common;

use common::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

fn build_args(kit: &Fixture, args: &[&str]) -> Output {
    let root = kit.root();
    let mut all = vec!["build", "--root", root.to_str().unwrap()];
    all.extend_from_slice(args);
    run(&all)
}

fn build_out(kit: &Fixture, out: &Path) -> Output {
    build_args(kit, &["--out", out.to_str().unwrap()])
}

fn refused(out: &Output, needle: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(needle), "lacks {needle:?}: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_folder_of_the_users_own_files_is_refused_and_kept() {
    let kit = Fixture::new();
    let mine = kit.dir.path().join("mijn-map");
    fs::create_dir(&mine).unwrap();
    fs::write(mine.join("brief.txt"), "mijn brief").unwrap();
    for _ in 0..2 {
        refused(&build_out(&kit, &mine), "niet door werkplaats gemaakt");
    }
    assert_eq!(
        fs::read_to_string(mine.join("brief.txt")).unwrap(),
        "mijn brief"
    );
    // Nothing was written beside it either.
    assert_eq!(names(kit.dir.path()), ["kit", "mijn-map"]);
    // The same for a folder below the toolkit.
    kit.write("docs/notities.md", "mijn notities");
    for _ in 0..2 {
        refused(&build_out(&kit, &kit.root().join("docs")), "--force");
    }
    assert_eq!(kit.read("docs/notities.md"), "mijn notities");
}

#[test]
fn force_adopts_a_folder_and_then_builds_without_it() {
    let kit = Fixture::new();
    let docs = kit.root().join("docs");
    kit.write("docs/notities.md", "mijn notities");
    let out = build_args(&kit, &["--out", docs.to_str().unwrap(), "--force"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(docs.join("index.html").is_file());
    // What it held waits in the spare for one build.
    assert!(kit.root().join(".docs.spare/notities.md").is_file());
    let again = build_out(&kit, &docs);
    assert!(again.status.success(), "{}", stderr(&again));
}

#[test]
fn the_toolkits_own_folders_are_refused_however_they_are_written() {
    let kit = Fixture::new();
    let root = kit.root();
    let link = kit.dir.path().join("link");
    std::os::unix::fs::symlink(&root, &link).unwrap();
    std::os::unix::fs::symlink(root.join("content"), root.join("uit")).unwrap();
    let sources = ["content", "themes", "site.yaml"].map(|p| snapshot(&root.join(p)));
    let outs: Vec<PathBuf> = ["content/paginas", "content", "themes/default/static", "uit"]
        .iter()
        .map(|p| root.join(p))
        .chain([
            link.join("public/../content"),
            root.join("public/../themes"),
        ])
        .collect();
    for out in &outs {
        for _ in 0..2 {
            refused(&build_out(&kit, out), "uitvoermap");
        }
    }
    // A root reached through a link, and the real folder that holds it.
    let up = kit.dir.path().join("omhoog");
    std::os::unix::fs::symlink(kit.dir.path(), &up).unwrap();
    let linked = run(&[
        "build",
        "--root",
        up.join("kit").to_str().unwrap(),
        "--out",
        kit.dir.path().to_str().unwrap(),
    ]);
    refused(&linked, "uitvoermap");
    let after = ["content", "themes", "site.yaml"].map(|p| snapshot(&root.join(p)));
    assert!(sources == after, "the toolkit changed");
}

#[test]
fn a_file_dropped_into_the_output_is_refused_then_replaced_with_force() {
    let kit = Fixture::new();
    assert!(kit.build().status.success());
    kit.write("public/CNAME", "toolkit.example.org");
    for _ in 0..2 {
        refused(&kit.build(), "CNAME");
    }
    assert_eq!(kit.read("public/CNAME"), "toolkit.example.org");
    let forced = build_args(&kit, &["--force"]);
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert!(!kit.public().join("CNAME").exists());
}

#[test]
fn a_symlinked_output_updates_the_folder_it_points_to() {
    let kit = Fixture::new();
    let www = kit.dir.path().join("www");
    fs::create_dir(&www).unwrap();
    std::os::unix::fs::symlink("../www", kit.public()).unwrap();
    for title in ["Eerste titel", "Tweede titel"] {
        let site = kit.read("site.yaml");
        let old = site.lines().find(|l| l.starts_with("titel:")).unwrap();
        kit.edit("site.yaml", old, &format!("titel: {title}"));
        let out = kit.build();
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(fs::symlink_metadata(kit.public()).unwrap().is_symlink());
        let home = fs::read_to_string(www.join("index.html")).unwrap();
        assert!(home.contains(title), "www/ has the old site");
    }
    assert_eq!(
        names(kit.dir.path()),
        [".www.lock", ".www.spare", "kit", "www"]
    );
    // A link to nowhere is refused, naming the link.
    fs::remove_dir_all(&www).unwrap();
    refused(&kit.build(), "public");
}

#[test]
fn a_second_build_waits_for_the_first_and_cleans_up_after_it() {
    let kit = Fixture::new();
    assert!(kit.build().status.success());
    let mut first = halted_build(&kit);
    kit.edit("site.yaml", "titel: Mijn toolkit", "titel: Nieuwe titel");
    let second = Command::new(env!("CARGO_BIN_EXE_werkplaats"))
        .args(["build", "--root", kit.root().to_str().unwrap()])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_secs(1));
    let mut second = second;
    assert!(
        second.try_wait().unwrap().is_none(),
        "the second build did not wait for the lock"
    );
    first.kill().unwrap();
    first.wait().unwrap();
    let out = second.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let home = fs::read_to_string(kit.public().join("index.html")).unwrap();
    assert!(home.contains("Nieuwe titel"));
    let hidden: Vec<String> = names(&kit.root())
        .into_iter()
        .filter(|n| n.starts_with(".public"))
        .collect();
    assert_eq!(hidden, [".public.lock", ".public.spare"]);
}

#[test]
fn builds_at_once_into_one_output_all_succeed() {
    let kit = Fixture::new();
    assert!(kit.build().status.success());
    let whole = snapshot(&kit.public());
    let children: Vec<Child> = (0..6)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_werkplaats"))
                .args(["build", "--root", kit.root().to_str().unwrap()])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
    }
    assert!(snapshot(&kit.public()) == whole, "the output is not whole");
}

/// A tmpfs mounted for one test, unmounted when dropped.
struct Mount(PathBuf);

impl Mount {
    /// Mounts a tmpfs of `size` at `dir`, or `None` where that is not allowed.
    fn tmpfs(dir: &Path, size: &str) -> Option<Mount> {
        fs::create_dir_all(dir).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("skipped: cannot mount a tmpfs here");
        }
        ok.then(|| Mount(dir.to_path_buf()))
    }

    fn read_only(&self) {
        let status = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.0)
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Bytes in use.
    fn used(&self) -> u64 {
        let s = rustix::fs::statvfs(&self.0).unwrap();
        (s.f_blocks - s.f_bfree) * s.f_frsize
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_names_the_output_file_and_gives_the_space_back() {
    let kit = Fixture::new();
    let Some(disk) = Mount::tmpfs(&kit.dir.path().join("schijf"), "4m") else {
        return;
    };
    let out = disk.0.join("public");
    for _ in 0..2 {
        let built = build_out(&kit, &out);
        assert!(built.status.success(), "{}", stderr(&built));
    }
    let before = snapshot(&out);
    let used = disk.used();
    kit.write("content/bestanden/film.bin", &"x".repeat(6 << 20));
    let failed = build_out(&kit, &out);
    let err = stderr(&failed);
    let shown = format!(
        "{} niet schrijven",
        out.join("bestanden/film.bin").display()
    );
    refused(&failed, &shown);
    assert!(!err.contains("content/bestanden/film.bin niet"), "{err}");
    assert!(!err.contains(".public.staging"), "{err}");
    assert!(snapshot(&out) == before, "the output changed");
    assert!(disk.used() <= used, "the space did not come back: {err}");
}

#[test]
fn a_spare_that_cannot_be_used_or_removed_is_named() {
    let kit = Fixture::new();
    assert!(kit.build().status.success());
    assert!(kit.build().status.success());
    let before = snapshot(&kit.public());
    let spare = kit.root().join(".public.spare");
    let Some(stuck) = Mount::tmpfs(&spare.join("vast"), "1m") else {
        return;
    };
    fs::write(stuck.0.join("bestand"), "x").unwrap();
    stuck.read_only();
    let out = kit.build();
    refused(&out, &spare.display().to_string());
    assert!(stderr(&out).contains("verwijder hem"), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains(".public.staging"),
        "{}",
        stderr(&out)
    );
    assert!(snapshot(&kit.public()) == before, "the output changed");
    drop(stuck);
    let out = kit.build();
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_spare_that_is_no_folder_is_left_alone() {
    let kit = Fixture::new();
    assert!(kit.build().status.success());
    let spare = kit.root().join(".public.spare");
    for broken in ["file", "link"] {
        let _ = fs::remove_dir_all(&spare);
        let _ = fs::remove_file(&spare);
        match broken {
            "file" => fs::write(&spare, "geen map").unwrap(),
            _ => std::os::unix::fs::symlink("nergens", &spare).unwrap(),
        }
        let out = kit.build();
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(kit.public().join("index.html").is_file());
        assert!(!fs::symlink_metadata(&spare).unwrap().is_dir());
    }
}

#[test]
fn a_lock_that_is_a_symlink_is_refused_and_not_followed() {
    let kit = Fixture::new();
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("created-by-werkplaats");
    let lock = kit.root().join(".public.lock");
    std::os::unix::fs::symlink(&target, &lock).unwrap();
    let out = kit.build();
    refused(&out, &lock.display().to_string());
    assert!(
        stderr(&out).contains("symbolische link"),
        "{}",
        stderr(&out)
    );
    assert!(
        !target.exists(),
        "the build created a file outside the toolkit"
    );
    fs::remove_file(&lock).unwrap();
    let out = kit.build();
    assert!(out.status.success(), "{}", stderr(&out));
}
