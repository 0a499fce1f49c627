//! The incremental site against what `build` makes, and the frame rule: which
//! saves take the quick path, and that a kept frame changes no other page.

use super::frame::DocFrame;
use super::*;
use crate::RenderOptions;
use axum::body::Bytes;
use std::collections::BTreeSet;

fn kit() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    crate::scaffold::create(&dir.path().join("kit")).expect("scaffold");
    dir
}

fn change(part: Part) -> Changes {
    let mut c = Changes::default();
    c.add(part, PathBuf::from("x"));
    c
}

#[test]
fn rebuilds_only_the_parts_that_changed() {
    let dir = kit();
    let root = dir.path().join("kit");
    let mut b = Builder::new(&root);
    let first = b.rebuild(Changes::default()).map_err(|f| f.problems.0);
    let first = first.expect("the scaffold builds");
    assert!(
        first
            .pages
            .as_ref()
            .is_some_and(|p| p.contains_key("index.html"))
    );
    assert!(
        first
            .statics
            .as_ref()
            .is_some_and(|s| s.contains_key("static/site.css"))
    );
    assert!(!first.strings.is_empty());
    // The search index and print pages come in a second pass.
    let pages = first.pages.expect("pages");
    assert!(!pages.contains_key("zoekindex.js"));
    assert!(b.rest_pending());
    let rest = b.rebuild_rest().expect("pending").map_err(|f| f.problems.0);
    let rest = rest.expect("the rest builds").rest.expect("rest");
    assert!(rest.contains_key("zoekindex.js"));
    assert!(rest.keys().any(|k| k.starts_with("afdrukken/")));
    assert!(!rest.contains_key("index.html"));
    assert!(!b.rest_pending());

    let css = b.rebuild(change(Part::Static)).map_err(|f| f.problems.0);
    let css = css.expect("statics");
    assert!(css.pages.is_none() && css.statics.is_some());
    assert!(!b.rest_pending(), "no pages, so no rest either");

    let content = b.rebuild(change(Part::Content)).map_err(|f| f.problems.0);
    let content = content.expect("content");
    assert!(content.pages.is_some() && content.statics.is_none());
}

#[test]
fn pages_and_rest_together_are_exactly_what_build_makes() {
    let dir = kit();
    let root = dir.path().join("kit");
    let built = crate::build_site(&root, &RenderOptions::default());
    let built = built.map_err(|f| f.problems.0).expect("builds");
    let mut b = Builder::new(&root);
    let pages = b.rebuild(Changes::default()).map_err(|f| f.problems.0);
    let pages = pages.expect("pages").pages.expect("pages");
    let rest = b.rebuild_rest().expect("pending").map_err(|f| f.problems.0);
    let rest = rest.expect("rest").rest.expect("rest");
    assert!(pages.keys().all(|k| !rest.contains_key(k)), "no file twice");
    let mut preview: Vec<(&String, &Bytes)> = pages.iter().chain(rest.iter()).collect();
    preview.sort();
    let mut build: Vec<(&String, Bytes)> = built
        .files
        .iter()
        .map(|f| (&f.path, Bytes::from(f.bytes.clone())))
        .collect();
    build.sort();
    let build: Vec<(&String, &Bytes)> = build.iter().map(|(k, v)| (*k, v)).collect();
    assert_eq!(preview, build);
}

#[test]
fn a_save_without_a_change_renders_nothing() {
    let dir = kit();
    let root = dir.path().join("kit");
    let mut b = Builder::new(&root);
    assert!(b.rebuild(Changes::default()).is_ok());
    assert!(b.rebuild_rest().is_some_and(|r| r.is_ok()));
    let page = walkdir::WalkDir::new(root.join("content/elementen"))
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.path().extension().is_some_and(|x| x == "md"))
        .expect("an element");
    let text = std::fs::read(page.path()).expect("read");
    std::fs::write(page.path(), text).expect("write");
    let rel = page.path().strip_prefix(&root).expect("inside");
    let mut c = Changes::default();
    c.add(Part::Content, rel.to_path_buf());
    let built = b.rebuild(c).map_err(|f| f.problems.0).expect("rebuilds");
    assert!(built.quick && built.pages.is_none());
    assert!(!b.rest_pending(), "nothing to render after it either");
}

#[test]
fn a_change_gives_up_the_rest_and_it_is_rendered_after() {
    let dir = kit();
    let root = dir.path().join("kit");
    let mut b = Builder::new(&root);
    assert!(b.rebuild(Changes::default()).is_ok());
    // What the file watcher does when a file changes.
    b.stop_flag().store(true, Ordering::Relaxed);
    assert!(b.rebuild_rest().is_none(), "given up");
    assert!(b.rest_pending(), "still to do");
    let rest = b.rebuild_rest().expect("pending").map_err(|f| f.problems.0);
    let rest = rest.expect("the rest builds").rest.expect("rest");
    assert!(rest.contains_key("zoekindex.js"));
    assert!(!b.rest_pending());
}

#[test]
fn a_failed_rebuild_is_redone_by_the_next_change() {
    let dir = kit();
    let root = dir.path().join("kit");
    crate::scaffold::eject(&root, Some("templates/base.html"), false).expect("eject");
    let mut b = Builder::new(&root);
    assert!(b.rebuild(Changes::default()).is_ok());
    let base = root.join("themes/default/templates/base.html");
    let good = std::fs::read_to_string(&base).expect("base.html");
    std::fs::write(&base, "{% if %}").expect("write");
    assert!(b.rebuild(change(Part::Theme)).is_err());
    std::fs::write(&base, &good).expect("write");
    // Set off by a static change, the retry still reloads the theme and pages.
    let again = b.rebuild(change(Part::Static)).map_err(|f| f.problems.0);
    let again = again.expect("fixed");
    assert!(again.pages.is_some() && again.statics.is_some());
}

#[cfg(unix)]
#[test]
fn never_reads_symlinks_in_static() {
    let dir = kit();
    let stat = dir.path().join("kit/themes/default/static");
    std::fs::create_dir_all(&stat).expect("mkdir");
    std::os::unix::fs::symlink("/etc/hostname", stat.join("host.txt")).expect("link");
    std::os::unix::fs::symlink("../../../site.yaml", stat.join("site.yaml")).expect("link");
    let files = read_statics(&stat).map_err(|f| f.problems.0).expect("read");
    assert!(files.contains_key("static/site.css"));
    assert!(!files.contains_key("static/host.txt"));
    assert!(!files.contains_key("static/site.yaml"));
}

/// Saves `rel` below `root` with `from` replaced by `to`, and rebuilds.
fn save(b: &mut Builder, root: &Path, rel: &str, from: &str, to: &str) -> Built {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{rel} holds {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
    let mut c = Changes::default();
    c.add(Part::Content, PathBuf::from(rel));
    b.rebuild(c).map_err(|f| f.problems.0).expect("rebuilds")
}

#[test]
fn only_a_save_that_keeps_the_frame_takes_the_quick_path() {
    let dir = kit();
    let root = dir.path().join("kit");
    let abc = "content/elementen/abc.md";
    let mut b = Builder::new(&root);
    assert!(b.rebuild(Changes::default()).is_ok());
    let text = save(&mut b, &root, abc, "Vertel hier", "Vertel nu");
    assert!(text.quick && text.pages.is_some(), "body text alone");
    let page = text.pages.expect("pages");
    let page = String::from_utf8_lossy(&page["elementen/abc/index.html"]);
    assert!(page.contains("Vertel nu"), "the new text is shown");
    for (what, from, to) in [
        (
            "a link",
            "(@/in-gesprek/kennismaken.md)",
            "(@/procesontwerp/startvragen.md)",
        ),
        ("a heading id", "## Toelichting", "## Uitleg"),
        (
            "the front matter",
            "naam: Een voorbeeldelement",
            "naam: Een ander element",
        ),
    ] {
        let built = save(&mut b, &root, abc, from, to);
        assert!(!built.quick, "{what} takes the full rebuild");
        // Quick again right after: the full rebuild left a site to start from.
        let built = save(&mut b, &root, abc, "Vertel", "Vertel vooral");
        assert!(built.quick, "text after {what}");
    }
}

#[test]
fn a_body_with_a_warning_is_rebuilt_in_full_so_the_warning_moves_with_it() {
    let dir = kit();
    let root = dir.path().join("kit");
    let abc = "content/elementen/abc.md";
    let mut b = Builder::new(&root);
    let warned = save(
        &mut b,
        &root,
        abc,
        "## Toelichting",
        "## Toelichting {onclick=x}",
    );
    let line = |built: &Built| {
        let w = built.warnings.0.iter().find(|w| w.file == Path::new(abc));
        w.expect("the dropped attribute is warned about").line
    };
    let before = line(&warned);
    let moved = save(
        &mut b,
        &root,
        abc,
        "## Toelichting",
        "Een alinea.\n\n## Toelichting",
    );
    assert!(!moved.quick, "the warning's line is found again");
    assert_eq!(line(&moved), before + 2);
}

/// A copy of the real toolkit in a temporary folder (the preview's tests
/// use it too).
pub(crate) fn real_toolkit() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = Path::new(env!("CARGO_MANIFEST_DIR"));
    for entry in walkdir::WalkDir::new(from.join("content"))
        .into_iter()
        .chain(walkdir::WalkDir::new(from.join("themes")))
        .filter_map(Result::ok)
    {
        let rel = entry.path().strip_prefix(from).expect("inside");
        let to = dir.path().join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &to).expect("copy");
        }
    }
    std::fs::copy(from.join("site.yaml"), dir.path().join("site.yaml")).expect("site.yaml");
    dir
}

/// Every page of the toolkit at `root`, rendered from the files alone, and
/// the keys of the page(s) rendered from `file` alone.
fn pages_and_own(root: &Path, file: &Path) -> (Files, BTreeSet<String>) {
    let valid = load(root).and_then(validate).map_err(|f| f.problems.0);
    let valid = valid.expect("the toolkit validates");
    let theme = Theme::of_site(&valid)
        .map_err(|f| f.problems.0)
        .expect("theme");
    let prepared = passes::prepare(&valid);
    let pages = passes::pages(&valid, &theme, &prepared).map_err(|f| f.problems.0);
    let own = passes::doc_page(&valid, &theme, &prepared, file).expect("a page");
    let own = own.map_err(|f| f.problems.0).expect("renders");
    (
        pages.expect("renders").files,
        own.files.into_keys().collect(),
    )
}

/// The frame rule, from the other side: a save that keeps a document's frame
/// must change its own page and no other. A page that comes to show more of
/// other documents' bodies (a summary, a word count) fails here until the
/// frame (`site::frame`) holds what it shows, and the quick path can see it.
#[test]
fn a_kept_frame_changes_no_other_page_of_any_kind() {
    let dir = real_toolkit();
    let root = std::fs::canonicalize(dir.path()).expect("canonical");
    let valid = load(&root).and_then(validate).map_err(|f| f.problems.0);
    let valid = valid.expect("the toolkit validates");
    let firsts: Vec<PathBuf> = valid
        .toolkit()
        .docs
        .iter()
        .filter(|shelf| !shelf.is_empty())
        .map(|shelf| shelf.doc(0).file().to_path_buf())
        .collect();
    assert!(firsts.len() >= 5, "every kind: {firsts:?}");
    let long = "woord ".repeat(400);
    let (mut before, _) = pages_and_own(&root, &firsts[0]);
    for file in &firsts {
        let path = root.join(file);
        let text = std::fs::read_to_string(&path).expect("read");
        let split = crate::load::split(&text).expect("front matter");
        let body = format!(
            "Een nieuwe eerste alinea.\n\n{long}\n\n{}\n\nEen laatste alinea.\n",
            split.body
        );
        let new = format!("{}{body}", &text[..text.len() - split.body.len()]);
        let kept = crate::load::split(&new).expect("front matter");
        assert_eq!(
            DocFrame::of_split(&kept),
            DocFrame::of_split(&split),
            "{file:?}"
        );
        std::fs::write(&path, &new).expect("write");

        let (after, own) = pages_and_own(&root, file);
        let keys: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
        let changed: Vec<&String> = keys
            .into_iter()
            .filter(|k| before.get(*k) != after.get(*k))
            .collect();
        assert!(!changed.is_empty(), "{file:?}: its page shows the new text");
        let elsewhere: Vec<_> = changed.iter().filter(|k| !own.contains(**k)).collect();
        assert!(
            elsewhere.is_empty(),
            "{file:?} changed other pages: {elsewhere:?}"
        );
        before = after;
    }
}

#[test]
fn a_save_that_overfills_a_card_fails_the_print_pages_at_the_field() {
    let dir = kit();
    let root = dir.path().join("kit");
    let abc = "content/elementen/abc.md";
    let mut b = Builder::new(&root);
    assert!(b.rebuild(Changes::default()).is_ok());
    assert!(b.rebuild_rest().expect("pending").is_ok());
    let long = "  - Een lange regel over wat het element allemaal inhoudt en vraagt\n".repeat(30);
    let built = save(&mut b, &root, abc, "  - Wat het element inhoudt\n", &long);
    assert!(built.pages.is_some(), "the pages still build");
    let Some(Err(failure)) = b.rebuild_rest() else {
        panic!("the cards fail")
    };
    let problem = (failure.problems.0.iter())
        .find(|p| {
            p.message
                .contains("voorkant van de kaart \"Een voorbeeldelement\" past niet")
        })
        .expect("the card's problem");
    assert!(problem.file.ends_with(abc), "{:?}", problem.file);
    assert_eq!(problem.line, 4, "at `kern:`, the front's first field");
    assert!(problem.is_error());
}
