//! What the corpus cannot see: problems as `--format json` reports them.

mod common;

use common::*;

#[test]
fn json_names_a_file_with_a_backslash_as_it_is() {
    let kit = Fixture::new();
    kit.write("content/paginas/a\\b.md", "---\ntitel: A\n---\n");
    let root = kit.root();
    let out = run(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let files: Vec<String> = stdout
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["file"].as_str().map(str::to_string))
        .collect();
    assert_eq!(files, ["content/paginas/a\\b.md"], "{stdout}");
}
