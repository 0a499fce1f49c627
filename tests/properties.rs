//! Property tests (fuzzing with proptest, since `cargo fuzz` needs a nightly
//! toolchain): front-matter splitting, YAML loading, Markdown rendering, link
//! resolution and loading a theme's templates never panic on any input, and
//! keep their promises.
//!
//! The default run is short; a long run: `PROPTEST_CASES=100000 cargo test --release --test properties`.

use proptest::prelude::*;
use std::path::Path;
use werkplaats::content::{Element, Prompt};
use werkplaats::load::{split, yaml};
use werkplaats::markdown::{RenderContext, links, to_html};
use werkplaats::routes::{LinkTable, Route, resolve_relative};
use werkplaats::{Theme, diagnostics::SourceTexts};

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

/// Loads a theme whose one template is `template`, as a build would, with the
/// check of what it asks of the UI strings. Ok or an error, never a panic.
fn load_theme(template: &str) -> bool {
    let dir = tempfile::tempdir().expect("temp dir");
    let theme = dir.path().join("themes/t");
    std::fs::create_dir_all(theme.join("i18n")).expect("theme folder");
    std::fs::create_dir_all(theme.join("templates")).expect("templates folder");
    std::fs::write(theme.join("i18n/nl.yaml"), "wat: Wat\nzeg: Zeg \"ja\"\n").expect("strings");
    std::fs::write(theme.join("templates/page.html"), template).expect("template");
    Theme::load(dir.path(), "t", "nl", &mut SourceTexts::default()).is_ok()
}

/// Text that looks like a Tera template: tags, quotes, `t(k="key")` and the
/// old `t.key`, raw blocks, and characters of more than one byte.
fn templateish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("{{".to_string()),
            Just("}}".to_string()),
            Just("{%".to_string()),
            Just("%}".to_string()),
            Just("{#".to_string()),
            Just("#}".to_string()),
            Just("{% raw %}".to_string()),
            Just("{% endraw %}".to_string()),
            Just(" raw ".to_string()),
            Just("t.wat".to_string()),
            Just("t.zeg".to_string()),
            Just("t(k=\"wat\")".to_string()),
            Just("t(k=\"weg\")".to_string()),
            Just("t(k=".to_string()),
            Just("t()".to_string()),
            Just(" t ".to_string()),
            Just(" in ".to_string()),
            Just(" is ".to_string()),
            Just("\u{a0}".to_string()),
            Just("é€😀".to_string()),
            prop::sample::select(vec![
                "{", "}", "%", "#", "-", "'", "\"", "`", ".", "[", "]", "\n"
            ])
            .prop_map(str::to_string),
            "[ -~]{0,6}",
            "\\PC{0,3}",
        ],
        0..30,
    )
    .prop_map(|parts| parts.concat())
}

#[test]
fn a_non_breaking_space_in_a_tag_does_not_panic_the_theme_loader() {
    // Whether Tera takes it is Tera's call; the loader answers either way.
    load_theme("<p>{{ t.wat\u{a0}}}</p>");
    load_theme("{{\u{a0}t.wat }}");
}

#[test]
fn a_stray_tag_opener_in_a_raw_block_does_not_panic_the_theme_loader() {
    assert!(load_theme("{% raw %}a{%}b{% endraw %}"));
}

proptest! {
    #[test]
    fn no_template_panics_the_theme_loader(template in templateish()) {
        load_theme(&template);
    }

    #[test]
    fn no_text_panics_the_theme_loader(template in "\\PC{0,40}") {
        load_theme(&template);
    }

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
