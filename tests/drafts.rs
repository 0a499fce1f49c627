//! Drafts (`concept: true`): out of `build`, in `build --drafts` and in
//! `serve` (see tests/serve.rs) with a banner, and a clear error for a
//! published page that links to one.

mod common;

use common::*;

const DRAFT: &str =
    "---\ntitel: Werk in uitvoering\nvolgorde: 2\nconcept: true\n---\n\nNog niet af.\n";

fn mentions_draft(public: &std::path::Path) -> Vec<String> {
    walkdir::WalkDir::new(public)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            std::fs::read_to_string(e.path()).is_ok_and(|t| t.contains("Werk in uitvoering"))
        })
        .map(|e| e.path().strip_prefix(public).unwrap().display().to_string())
        .collect()
}

#[test]
fn build_leaves_a_draft_out_of_pages_menus_and_search() {
    let kit = Fixture::new();
    kit.write("content/paginas/wip.md", DRAFT);
    let out = kit.build();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!kit.public().join("wip").exists());
    assert_eq!(mentions_draft(&kit.public()), Vec::<String>::new());
}

#[test]
fn build_with_drafts_includes_them_with_a_banner() {
    let kit = Fixture::new();
    kit.write("content/paginas/wip.md", DRAFT);
    let root = kit.root();
    let out = run(&["build", "-r", root.to_str().unwrap(), "--drafts"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = parse(&kit.public().join("wip/index.html"));
    let banner = select(&page, "main p.concept");
    assert_eq!(banner.len(), 1);
    let text: String = banner[0].text().collect();
    assert!(text.starts_with("Concept"), "{text}");
    assert!(mentions_draft(&kit.public()).contains(&"zoekindex.js".to_string()));
    // A published page has no banner.
    let over = parse(&kit.public().join("over/index.html"));
    assert!(select(&over, "p.concept").is_empty());
}

#[test]
fn a_link_from_a_published_page_to_a_draft_is_an_error_naming_both() {
    let kit = Fixture::new();
    kit.write("content/paginas/wip.md", DRAFT);
    let over = kit.read("content/paginas/over.md");
    kit.write(
        "content/paginas/over.md",
        &format!("{over}\nZie [wip](@/paginas/wip.md).\n"),
    );
    let out = kit.build();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "× de link \"@/paginas/wip.md\" wijst naar een concept (content/paginas/wip.md)"
        ),
        "{err}"
    );
    assert!(err.contains("content/paginas/over.md:8:"), "{err}");
    assert!(err.contains("--drafts"), "{err}");
    // With the drafts the link holds.
    let root = kit.root();
    let out = run(&["build", "-r", root.to_str().unwrap(), "--drafts"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_draft_element_named_by_a_published_prompt_is_an_error() {
    let kit = Fixture::new();
    kit.edit("content/elementen/abc.md", "---\n", "---\nconcept: true\n");
    let out = kit.check();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("element ABC wijst naar een concept (content/elementen/abc.md)"),
        "{err}"
    );
}

#[test]
fn the_schemas_know_the_concept_field() {
    for file in [
        "element",
        "gesprek",
        "checklist",
        "pagina",
        "praktijkvoorbeeld",
    ] {
        let path = format!("{}/schemas/{file}.json", env!("CARGO_MANIFEST_DIR"));
        let schema: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(schema["properties"]["concept"]["type"], "boolean", "{path}");
    }
}
