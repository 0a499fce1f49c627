//! `check` renders for the problems alone (no output kept, no search index),
//! and still finds every problem `build` finds: a template that fails only on
//! one print page's data, and a card whose text does not fit.

mod common;

use common::*;

/// The problems of `check` and of `build` on the same toolkit, as JSON lines.
fn both(kit: &Fixture) -> (String, String) {
    let root = kit.root();
    let root = root.to_str().unwrap();
    let problems = |command: &str| {
        let out = run(&[command, "--root", root, "--format", "json"]);
        assert_eq!(out.status.code(), Some(1), "{command}: {}", stderr(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    (problems("check"), problems("build"))
}

#[test]
fn check_finds_a_template_error_on_one_print_page_only() {
    let kit = Fixture::new();
    kit.eject(Some("templates/print/document.html"));
    // Only the whole-toolkit document has a cover: the error is on its page alone.
    kit.edit(
        "themes/default/templates/print/document.html",
        "<h1>{{ site.titel }}</h1>",
        "<h1>{{ doc.omslag.nergens.niets }}</h1>",
    );
    let (check, build) = both(&kit);
    assert!(check.contains("print/document.html"), "{check}");
    assert_eq!(check, build);
    assert!(!kit.public().exists(), "the failed build wrote nothing");
}

#[test]
fn check_finds_a_card_that_does_not_fit() {
    let kit = Fixture::new();
    let long = "een heel lange zin die op geen enkele kaart past ".repeat(40);
    kit.edit(
        "content/elementen/abc.md",
        "  - Wat het element inhoudt",
        &format!("  - {long}"),
    );
    let (check, build) = both(&kit);
    assert!(check.contains("abc.md"), "{check}");
    assert_eq!(check, build);
}
