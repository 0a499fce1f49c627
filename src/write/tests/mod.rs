mod ownership;
mod spares;

use super::*;
use crate::render::OutputFile;
use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;

/// A toolkit root and an output folder beside it, in a temp dir.
struct Place {
    _dir: tempfile::TempDir,
    root: PathBuf,
    out: PathBuf,
}

impl Place {
    fn new() -> Place {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("kit");
        fs::create_dir(&root).expect("root");
        let out = dir.path().join("site").join("public");
        Place {
            _dir: dir,
            root,
            out,
        }
    }

    fn write(&self, site: &RenderedSite) -> Result<Written, WriteError> {
        write(site, &self.root, &self.out)
    }

    fn spare(&self) -> PathBuf {
        self.out.with_file_name(".public.spare")
    }

    /// The hidden siblings of the output.
    fn siblings(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(self.out.parent().expect("parent"))
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n != "public" && n != ".public.lock")
            .collect();
        names.sort();
        names
    }
}

fn site(files: &[(&str, &str)]) -> RenderedSite {
    RenderedSite {
        files: files
            .iter()
            .map(|(path, text)| OutputFile {
                path: path.to_string(),
                bytes: text.as_bytes().to_vec(),
            })
            .collect(),
        builtin_static: Vec::new(),
        static_dir: PathBuf::from("/nonexistent/static"),
        warnings: Default::default(),
        assets: Vec::new(),
        texts: Default::default(),
        work: Default::default(),
    }
}

/// Every entry below `dir`: relative path → file text, or `/` for a folder.
fn tree(dir: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .map(|e| e.expect("entry"))
        .filter(|e| e.depth() > 1 || e.file_name() != owner::MARKER)
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("below").to_string_lossy();
            let what = if e.file_type().is_dir() {
                "/".to_string()
            } else {
                fs::read_to_string(e.path()).expect("text")
            };
            (rel.into_owned(), what)
        })
        .collect()
}

/// Inode and modification time of every file below `dir`, but the marker:
/// that is new with every build (see `owner::mark`).
fn identities(dir: &Path) -> BTreeMap<String, (u64, i64, i64)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("entry"))
        .filter(|e| e.file_type().is_file() && e.file_name() != owner::MARKER)
        .map(|e| {
            let m = e.metadata().expect("metadata");
            let rel = e.path().strip_prefix(dir).expect("below").to_string_lossy();
            (rel.into_owned(), (m.ino(), m.mtime(), m.mtime_nsec()))
        })
        .collect()
}

fn expected(files: &[(&str, &str)]) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for (path, text) in files {
        map.insert(path.to_string(), text.to_string());
        let mut rel = *path;
        while let Some((dir, _)) = rel.rsplit_once('/') {
            map.insert(dir.to_string(), "/".to_string());
            rel = dir;
        }
    }
    map
}

const SITE: &[(&str, &str)] = &[
    ("index.html", "home"),
    ("a/index.html", "page a"),
    ("a/b/index.html", "page b"),
    ("c/index.html", "page c"),
];

#[test]
fn unchanged_rebuild_writes_nothing() {
    let place = Place::new();
    let s = site(SITE);
    for _ in 0..3 {
        place.write(&s).expect("written");
    }
    let before = identities(&place.out);
    std::thread::sleep(std::time::Duration::from_millis(20));
    for _ in 0..2 {
        place.write(&s).expect("written");
        assert_eq!(tree(&place.out), expected(SITE));
        assert_eq!(identities(&place.out), before, "a file was written again");
    }
    assert_eq!(place.siblings(), vec![".public.spare"]);
}

#[test]
fn changed_removed_and_replaced_paths_follow_the_site() {
    let place = Place::new();
    place.write(&site(SITE)).expect("written");
    place.write(&site(SITE)).expect("written");
    let sites: &[&[(&str, &str)]] = &[
        // A changed file, a removed page and a removed folder (a/b).
        &[("index.html", "new home"), ("a/index.html", "page a")],
        // A file replaced by a folder, and a folder replaced by a file.
        &[("index.html/x.html", "x"), ("a", "a is a file")],
        SITE,
        &[("c/index.html", "page c, longer than before")],
    ];
    for files in sites {
        // Twice, so that both buffers have to follow.
        for _ in 0..2 {
            place.write(&site(files)).expect("written");
            assert_eq!(tree(&place.out), expected(files));
        }
    }
}

#[test]
fn a_failure_midway_leaves_the_previous_output_intact() {
    let place = Place::new();
    place.write(&site(SITE)).expect("written");
    place.write(&site(SITE)).expect("written");
    let mut broken = site(&[("index.html", "changed"), ("d/index.html", "new")]);
    broken
        .assets
        .push((place.root.join("missing.png"), "d/missing.png".into()));
    let err = place.write(&broken).expect_err("a missing asset fails");
    assert!(err.to_string().contains("missing.png"), "{err}");
    assert_eq!(tree(&place.out), expected(SITE));
    // What was staged is kept as the spare (a source failed, not the disk),
    // and the next build still works.
    assert_eq!(place.siblings(), vec![".public.spare"]);
    place.write(&site(SITE)).expect("written");
    assert_eq!(tree(&place.out), expected(SITE));
}

#[test]
fn a_missing_spare_still_builds() {
    let place = Place::new();
    place.write(&site(SITE)).expect("written");
    place.write(&site(SITE)).expect("written");
    fs::remove_dir_all(place.spare()).expect("spare removed");
    let changed = [("index.html", "other"), ("a/index.html", "page a")];
    place.write(&site(&changed)).expect("written");
    assert_eq!(tree(&place.out), expected(&changed));
    assert!(place.spare().is_dir());
}

#[test]
fn a_hard_linked_old_file_is_not_changed_in_place() {
    let place = Place::new();
    place.write(&site(SITE)).expect("written");
    place.write(&site(SITE)).expect("written");
    // Hard links to the live file and to its twin in the spare, as a backup
    // tool or a reader holding the file open would see them.
    let live = place.root.join("live-link");
    let spare = place.root.join("spare-link");
    fs::hard_link(place.out.join("index.html"), &live).expect("link");
    fs::hard_link(place.spare().join("index.html"), &spare).expect("link");
    for text in ["new home", "newer home"] {
        place
            .write(&site(&[("index.html", text)]))
            .expect("written");
        assert_eq!(
            fs::read_to_string(place.out.join("index.html")).unwrap(),
            text
        );
    }
    assert_eq!(fs::read_to_string(&live).unwrap(), "home");
    assert_eq!(fs::read_to_string(&spare).unwrap(), "home");
}

#[test]
fn theme_static_files_are_copied_without_following_symlinks() {
    let place = Place::new();
    let theme = place.root.join("static");
    fs::create_dir_all(theme.join("css")).expect("theme");
    fs::write(theme.join("css/site.css"), "body {}").expect("css");
    let secret = place.root.join("secret.txt");
    fs::write(&secret, "secret").expect("secret");
    std::os::unix::fs::symlink(&secret, theme.join("link.txt")).expect("symlink");
    std::os::unix::fs::symlink(&place.root, theme.join("dir-link")).expect("symlink");
    let mut s = site(&[("index.html", "home")]);
    s.static_dir = theme.clone();
    for css in ["body {}", "body { color: red }", "body { color: red }"] {
        fs::write(theme.join("css/site.css"), css).expect("css");
        place.write(&s).expect("written");
        let mut want = expected(&[("index.html", "home"), ("static/css/site.css", css)]);
        want.insert("static".into(), "/".into());
        assert_eq!(tree(&place.out), want);
    }
}

/// The id of a process that has ended.
fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().expect("spawn");
    let pid = child.id();
    child.wait().expect("wait");
    pid
}

/// A folder as an interrupted build leaves it: marked, with a file in it.
fn leftover(path: &Path) {
    fs::create_dir_all(path.join("junk")).expect("leftover");
    owner::ensure_marked(path).expect("marked");
}

#[test]
fn stale_staging_folders_are_reused_or_removed() {
    let place = Place::new();
    place.write(&site(SITE)).expect("written");
    let parent = place.out.parent().expect("parent").to_path_buf();
    for kind in ["staging", "staging", "old"] {
        leftover(&parent.join(format!(".public.{kind}-{}", dead_pid())));
    }
    place.write(&site(SITE)).expect("written");
    assert_eq!(place.siblings(), vec![".public.spare"]);
    assert_eq!(tree(&place.out), expected(SITE));
    place.write(&site(SITE)).expect("written");
    assert_eq!(tree(&place.out), expected(SITE));
}

#[test]
fn without_a_lock_the_staging_folder_of_a_running_build_is_left_alone() {
    let place = Place::new();
    place.write(&site(SITE)).expect("written");
    fs::remove_dir_all(place.spare()).ok();
    let parent = place.out.parent().expect("parent").to_path_buf();
    let mut running = std::process::Command::new("sleep")
        .arg("30")
        .spawn()
        .expect("spawn");
    let live = parent.join(format!(".public.staging-{}", running.id()));
    let dead = parent.join(format!(".public.staging-{}", dead_pid()));
    leftover(&live);
    leftover(&dead);
    siblings::remove_stale(&Folders::new(&place.out), false);
    let _ = running.kill();
    let _ = running.wait();
    assert!(live.join("junk").is_dir());
    assert!(!dead.exists());
    assert!(place.spare().join("junk").is_dir());
}

#[test]
fn a_folder_named_like_a_leftover_but_not_marked_is_left_alone() {
    let place = Place::new();
    place.write(&site(SITE)).expect("written");
    let parent = place.out.parent().expect("parent").to_path_buf();
    let foreign = format!(".public.staging-{}", dead_pid());
    fs::create_dir_all(parent.join(&foreign).join("notes")).expect("foreign");
    place.write(&site(SITE)).expect("written");
    place.write(&site(SITE)).expect("written");
    assert!(parent.join(&foreign).join("notes").is_dir());
    let mut want = vec![foreign, ".public.spare".to_string()];
    want.sort();
    assert_eq!(place.siblings(), want);
}

#[test]
fn an_output_caught_between_two_renames_is_put_back() {
    let place = Place::new();
    place.write(&site(SITE)).expect("written");
    let old = place
        .out
        .with_file_name(format!(".public.old-{}", dead_pid()));
    fs::rename(&place.out, &old).expect("moved aside");
    let changed = [("index.html", "other")];
    place.write(&site(&changed)).expect("written");
    assert_eq!(tree(&place.out), expected(&changed));
    assert_eq!(tree(&place.spare()), expected(SITE));
}

#[test]
fn swapping_by_renames_keeps_the_old_output_as_spare() {
    let place = Place::new();
    place.write(&site(SITE)).expect("written");
    let folders = Folders::new(&place.out);
    let changed = [("index.html", "other")];
    fs::create_dir(&folders.staging).expect("staging");
    sync::sync(&site(&changed), &folders.staging, &place.out).expect("synced");
    swap::by_renames(&folders, false).expect("swapped");
    assert_eq!(tree(&place.out), expected(&changed));
    assert_eq!(tree(&place.spare()), expected(SITE));
    assert_eq!(place.siblings(), vec![".public.spare"]);
}

#[test]
fn a_large_file_that_differs_only_at_its_end_is_written() {
    let place = Place::new();
    let big = "x".repeat(600 * 1024);
    let changed = format!("{}y", &big[1..]);
    for text in [&big, &big, &changed, &changed, &big] {
        place.write(&site(&[("big.txt", text)])).expect("written");
        assert_eq!(
            &fs::read_to_string(place.out.join("big.txt")).unwrap(),
            text
        );
    }
}
