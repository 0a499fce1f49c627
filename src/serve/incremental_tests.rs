//! The preview rebuilds in parts (pages first, the rest after) and keeps what a
//! change did not touch (the parsed theme, static files, assets). Whatever the
//! change, the site it then serves must be byte for byte what `werkplaats build`
//! writes for the same files: these tests edit a copy of the real toolkit the
//! way an editor does and compare the two after every edit.

use super::state::Snapshot;
use super::watch::classify;
use crate::RenderOptions;
use crate::site::tests::real_toolkit;
use crate::site::{Builder, Changes};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every file the preview serves now.
fn served(s: &Snapshot) -> BTreeMap<String, Vec<u8>> {
    [&s.pages, &s.rest, &s.statics, &s.assets]
        .into_iter()
        .flat_map(|files| files.iter())
        .map(|(k, v)| (k.clone(), v.to_vec()))
        .collect()
}

/// Every file a full `build` writes, read back from disk.
fn built(root: &Path) -> BTreeMap<String, Vec<u8>> {
    // Inside the toolkit's own temp folder, as `build` does by default: never in
    // the shared temp folder, where other test processes build too.
    let out = root.join("public");
    let site = crate::build_site(root, &RenderOptions::default())
        .map_err(|f| f.problems.0)
        .expect("the toolkit builds");
    crate::write(&site, root, &out).expect("written");
    walkdir::WalkDir::new(&out)
        .into_iter()
        .filter_map(Result::ok)
        // The output's manifest is the write stage's, not the site's.
        .filter(|e| e.file_type().is_file() && e.file_name() != crate::write::MARKER)
        .map(|e| {
            let key = e.path().strip_prefix(&out).expect("inside");
            let key = key.to_string_lossy().replace('\\', "/");
            (key, std::fs::read(e.path()).expect("read"))
        })
        .collect()
}

/// The preview's rebuild after `paths` changed, both passes, as the server
/// publishes them; and whether it took the quick path (one page rendered).
fn rebuild(
    b: &mut Builder,
    snapshot: Snapshot,
    root: &Path,
    paths: &[PathBuf],
) -> (Snapshot, bool) {
    let mut changes = Changes::default();
    for p in paths {
        let (part, path) = classify(root, &root.join(p)).expect("a watched file");
        changes.add(part, path);
    }
    let pages = b
        .rebuild(changes)
        .map_err(|f| f.problems.0)
        .expect("rebuilds");
    let quick = pages.quick;
    let (snapshot, _) = snapshot.succeeded(pages, !b.rest_pending());
    let snapshot = match b.rebuild_rest() {
        Some(rest) => {
            let rest = rest.map_err(|f| f.problems.0).expect("the rest builds");
            snapshot.succeeded(rest, true).0
        }
        None => snapshot,
    };
    (snapshot, quick)
}

/// Lists the first differing file, instead of two maps of hundreds of files.
fn assert_same(
    preview: &BTreeMap<String, Vec<u8>>,
    build: &BTreeMap<String, Vec<u8>>,
    after: &str,
) {
    let only_preview: Vec<_> = preview.keys().filter(|k| !build.contains_key(*k)).collect();
    let only_build: Vec<_> = build.keys().filter(|k| !preview.contains_key(*k)).collect();
    assert!(
        only_preview.is_empty(),
        "after {after}: only in the preview: {only_preview:?}"
    );
    assert!(
        only_build.is_empty(),
        "after {after}: only in the build: {only_build:?}"
    );
    for (key, bytes) in preview {
        assert!(build[key] == *bytes, "after {after}: {key} differs");
    }
}

/// An edit to the toolkit at a root; returns the paths it changed.
type Edit = Box<dyn Fn(&Path) -> Vec<PathBuf>>;

fn edit(root: &Path, rel: &str, from: &str, to: &str) -> PathBuf {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{rel} holds {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
    PathBuf::from(rel)
}

// Over 80 lines on purpose: one table of edits, each checked the same way.
#[test]
fn every_kind_of_edit_serves_what_a_full_build_writes() {
    let dir = real_toolkit();
    let root = std::fs::canonicalize(dir.path()).expect("canonical");
    let mut b = Builder::new(&root);
    let (mut snapshot, _) = rebuild(&mut b, Snapshot::new("t".into()), &root, &[]);
    let mut before = built(&root);
    assert_same(&served(&snapshot), &before, "the first build");

    let page = "content/paginas/over.md";
    let los = "content/elementen/los.md";
    // What each edit is, whether only its own page needs rendering, and the edit.
    let edits: Vec<(&str, bool, Edit)> = vec![
        (
            "a page's text",
            true,
            Box::new(|r| {
                vec![edit(
                    r,
                    page,
                    "Het doel van het project",
                    "Een nieuwe alinea.\n\nHet doel van het project",
                )]
            }),
        ),
        (
            "a page's text, saved the way sed -i does (a temp file renamed over it)",
            true,
            Box::new(move |r| {
                let text = std::fs::read_to_string(r.join(page)).expect("read");
                let temp = "content/paginas/sedX1b2c3";
                let new = text.replacen("Het doel van het project", "Het doel van dit project", 1);
                std::fs::write(r.join(temp), new).expect("write");
                std::fs::rename(r.join(temp), r.join(page)).expect("rename");
                vec![PathBuf::from(temp), PathBuf::from(page)]
            }),
        ),
        (
            "an element's text",
            true,
            Box::new(|r| {
                vec![edit(
                    r,
                    los,
                    "In een professionele",
                    "In elke professionele",
                )]
            }),
        ),
        (
            "a prompt's text",
            true,
            Box::new(|r| {
                let rel = "content/in-gesprek/model-in-duos.md";
                let text = std::fs::read_to_string(r.join(rel)).expect("read");
                std::fs::write(r.join(rel), format!("{text}\nEen extra zin.\n")).expect("write");
                vec![PathBuf::from(rel)]
            }),
        ),
        (
            "a link added to a page's text",
            false,
            Box::new(|r| {
                vec![edit(
                    r,
                    page,
                    "Een nieuwe alinea.",
                    "Een nieuwe alinea over [LOS](@LOS).",
                )]
            }),
        ),
        (
            "a heading of an element",
            false,
            Box::new(|r| vec![edit(r, los, "## Iedereen is lerende", "## Iedereen leert")]),
        ),
        (
            "an element card",
            false,
            Box::new(|r| {
                vec![edit(
                    r,
                    los,
                    "\ndoel:\n",
                    "\n  - Samen verantwoordelijk\ndoel:\n",
                )]
            }),
        ),
        (
            "a template",
            false,
            Box::new(|r| {
                vec![edit(
                    r,
                    "themes/default/templates/page.html",
                    "<article>",
                    "<article class=\"gewijzigd\">",
                )]
            }),
        ),
        (
            "a page's text after a template change",
            true,
            Box::new(|r| vec![edit(r, page, "Een nieuwe alinea", "Een andere alinea")]),
        ),
        (
            "the site config",
            false,
            Box::new(|r| {
                vec![edit(
                    r,
                    "site.yaml",
                    "titel: LOS in PW",
                    "titel: LOS in PW (nieuw)",
                )]
            }),
        ),
        (
            "a stylesheet",
            false,
            Box::new(|r| {
                vec![edit(
                    r,
                    "themes/default/static/site.css",
                    "\n",
                    "\n/* gewijzigd */\n",
                )]
            }),
        ),
        (
            "a new page",
            false,
            Box::new(|r| {
                let rel = "content/paginas/nieuw.md";
                std::fs::write(r.join(rel), "---\ntitel: Nieuw\n---\n\nTekst.\n").expect("write");
                vec![PathBuf::from(rel)]
            }),
        ),
        (
            "the new page's text",
            true,
            Box::new(|r| vec![edit(r, "content/paginas/nieuw.md", "Tekst.", "Meer tekst.")]),
        ),
        (
            "a removed page",
            false,
            Box::new(|r| {
                let rel = "content/paginas/nieuw.md";
                std::fs::remove_file(r.join(rel)).expect("remove");
                vec![PathBuf::from(rel)]
            }),
        ),
    ];
    for (what, quick, apply) in edits {
        let paths = apply(&root);
        let (next, took_quick) = rebuild(&mut b, snapshot, &root, &paths);
        snapshot = next;
        assert_eq!(took_quick, quick, "{what}: quick path taken");
        let after = built(&root);
        assert!(after != before, "{what} changes the site");
        assert_same(&served(&snapshot), &after, what);
        before = after;
    }
}
