//! Property tests (fuzzing with proptest, since `cargo fuzz` needs a nightly
//! toolchain): front-matter splitting, YAML loading, Markdown rendering and link
//! resolution never panic on any input, and keep their promises.
//!
//! The default run is short; a long run: `PROPTEST_CASES=100000 cargo test --release --test properties`.

use proptest::prelude::*;
use std::path::Path;
use werkplaats::content::{Element, Prompt};
use werkplaats::load::{split, yaml};
use werkplaats::markdown::{RenderContext, links, to_html};
use werkplaats::routes::{LinkTable, Route, resolve_relative};

/// Text that looks like what editors write, with the characters that matter.
fn contentish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("---\n".to_string()),
            Just("\r\n".to_string()),
            Just("\n".to_string()),
            Just("titel: x\n".to_string()),
            Just("- ".to_string()),
            Just("[a](@LOS#wat)".to_string()),
            Just("<script>alert(1)</script>".to_string()),
            Just("[x](javascript:alert(1))".to_string()),
            Just("&a [*a]".to_string()),
            Just("\u{feff}".to_string()),
            "[ -~]{0,12}",
            "\\PC{0,6}",
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn split_never_panics_and_counts_lines(text in contentish()) {
        if let Ok(s) = split(&text) {
            // The body starts on the line the split says it does.
            let before = &text[..text.len() - s.body.len()];
            prop_assert_eq!(before.matches('\n').count() + 1, s.body_line);
            prop_assert!(text.contains(s.front_matter));
        }
    }

    #[test]
    fn yaml_errors_point_inside_the_text(text in contentish()) {
        let first = 5;
        for problem in [yaml::parse::<Element>(&text, first).err(), yaml::parse::<Prompt>(&text, first).err()].into_iter().flatten() {
            let p = problem.into_problem(Path::new("x.md"));
            let lines = text.lines().count().max(1);
            prop_assert!(p.line >= first && p.line <= first + lines, "line {} of {}", p.line, lines);
            prop_assert!(!p.message.is_empty());
        }
    }

    #[test]
    fn markdown_is_safe_without_raw_html(text in contentish()) {
        let mut table = LinkTable::default();
        table.insert("LOS", Route("elementen/los/".into()));
        let from = Route("in-gesprek/x/".into());
        let html = to_html(&text, &RenderContext { links: &table, from: &from, allow_raw_html: false });
        prop_assert!(!html.contains("<script"));
        // As text it is harmless; as an attribute value it would run.
        prop_assert!(!html.to_ascii_lowercase().contains("=\"javascript:"));
        let _ = links(&text);
    }

    #[test]
    fn relative_urls_never_climb_out(from in "([a-z]{1,5}/){0,3}", url in "(\\.\\./|[a-z]{1,3}/|\\./){0,6}[a-z]{0,3}") {
        if let Some(path) = resolve_relative(&Route(from), &url) {
            prop_assert!(!path.split('/').any(|s| s == ".."));
            prop_assert!(!path.starts_with('/'));
        }
    }
}
