//! Shared helpers for integration tests: fixture toolkits in temp folders, running
//! the real binary, and reading the HTML it writes.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::time::{Duration, Instant};

/// A toolkit in a temp folder, made by `werkplaats new`.
pub struct Fixture {
    pub dir: tempfile::TempDir,
}

impl Fixture {
    /// The scaffold toolkit: builds as it is.
    pub fn new() -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("kit");
        let out = run(&["new", root.to_str().unwrap()]);
        assert!(out.status.success(), "new failed: {}", stderr(&out));
        Fixture { dir }
    }

    pub fn root(&self) -> PathBuf {
        self.dir.path().join("kit")
    }

    pub fn public(&self) -> PathBuf {
        self.root().join("public")
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.root().join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.root().join(rel)).unwrap()
    }

    /// Replaces `from` with `to` in a file, failing if `from` is absent.
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        self.write(rel, &text.replacen(from, to, 1));
    }

    /// Copies the built-in theme, or the part named, into the toolkit's
    /// themes/default/, for a test that changes or removes theme files.
    pub fn eject(&self, part: Option<&str>) {
        let root = self.root();
        let mut args = vec!["theme", "eject", "--root", root.to_str().unwrap()];
        args.extend(part);
        let out = run(&args);
        assert!(out.status.success(), "eject failed: {}", stderr(&out));
    }

    pub fn build(&self) -> Output {
        run(&["build", "--root", self.root().to_str().unwrap()])
    }

    pub fn check(&self) -> Output {
        run(&["check", "--root", self.root().to_str().unwrap()])
    }
}

/// Runs the werkplaats binary.
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_werkplaats"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run werkplaats")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every file below `dir` with its bytes, to prove an output folder is untouched.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// All HTML files below `dir`.
pub fn html_files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| e.into_path())
        .collect()
}

pub fn parse(path: &Path) -> scraper::Html {
    scraper::Html::parse_document(&fs::read_to_string(path).unwrap())
}

pub fn select<'a>(doc: &'a scraper::Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let sel = scraper::Selector::parse(css).unwrap();
    doc.select(&sel).collect()
}

/// Checks every local `href`/`src` in every page resolves to a file (and, for a
/// fragment, to an element with that id). Returns the broken ones.
pub fn broken_links(public: &Path) -> Vec<String> {
    let mut broken = Vec::new();
    for file in html_files(public) {
        // 404.html is served at any depth; its links are relative to the root.
        let doc = parse(&file);
        for el in select(&doc, "a[href], link[href], script[src], img[src]") {
            let v = el.value();
            let Some(url) = v.attr("href").or_else(|| v.attr("src")) else {
                continue;
            };
            if url.starts_with("http://")
                || url.starts_with("https://")
                || url.starts_with("mailto:")
            {
                continue;
            }
            let (path, fragment) = url
                .split_once('#')
                .map_or((url, None), |(p, f)| (p, Some(f)));
            let target = if path.is_empty() {
                file.clone()
            } else {
                file.parent().unwrap().join(path)
            };
            if !target.is_file() {
                broken.push(format!("{} → {url}", file.display()));
                continue;
            }
            if let Some(f) = fragment.filter(|f| !f.is_empty())
                && target.extension().is_some_and(|x| x == "html")
            {
                let t = parse(&target);
                if select(&t, &format!("[id=\"{f}\"]")).is_empty() {
                    broken.push(format!("{} → {url} (no id)", file.display()));
                }
            }
        }
    }
    broken
}

/// Runs `cmd` (its stdout thrown away, its stderr read while it runs, so a
/// full pipe cannot block it) and kills it after `limit`: an `Err` saying it
/// hangs, instead of a test that never ends.
pub fn run_with_limit(mut cmd: Command, limit: Duration) -> Result<(ExitStatus, String), String> {
    let mut child = cmd
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut err = String::new();
        let _ = std::io::Read::read_to_string(&mut pipe, &mut err);
        err
    });
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return Ok((status, reader.join().unwrap()));
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("it hangs (killed after {} s)", limit.as_secs()));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Starts `werkplaats build` on the fixture with the test hook that stops it
/// just before its swap (holding the output's lock, its staging folder
/// written), and returns once it is there.
pub fn halted_build(kit: &Fixture) -> Child {
    let halted = kit.dir.path().join("halted");
    let _ = fs::remove_file(&halted);
    let mut child = Command::new(env!("CARGO_BIN_EXE_werkplaats"))
        .args(["build", "--root", kit.root().to_str().unwrap()])
        .env("WERKPLAATS_TEST_HALT", &halted)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    while !halted.exists() {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the build ended before it reached the swap"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    child
}

/// The real toolkit of this repository, built into a temp folder: the
/// folder (kept while the handle lives) and the output in it.
pub fn real_site() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let root = env!("CARGO_MANIFEST_DIR");
    let r = run(&["build", "--root", root, "--out", out.to_str().unwrap()]);
    assert!(r.status.success(), "{}", stderr(&r));
    (dir, out)
}
