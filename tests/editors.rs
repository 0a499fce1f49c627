//! What an editor sees on the command line: how problems are marked and
//! ordered, and the summary that closes a report.

mod common;

use common::*;

/// The problems `--format json` prints, one object per line.
fn json_lines(out: &std::process::Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON object per line"))
        .collect()
}

fn json_check(kit: &Fixture) -> Vec<serde_json::Value> {
    json_lines(&run(&[
        "check",
        "--root",
        kit.root().to_str().unwrap(),
        "--format",
        "json",
    ]))
}

#[test]
fn warnings_have_their_own_mark_and_follow_the_error_they_come_from() {
    let kit = Fixture::new();
    // A mistyped code: an error in the prompt, and then no prompt is about ABC,
    // a warning in the element's file, which sorts before the prompt's.
    kit.edit(
        "content/in-gesprek/kennismaken.md",
        "elementen: [ABC]",
        "elementen: [ABD]",
    );
    let out = kit.check();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let error = err.find("× onbekende elementcode \"ABD\"").expect(&err);
    let warning = err.find("⚠ geen enkel gesprek gaat over ABC").expect(&err);
    assert!(error < warning, "the error comes first: {err}");
    assert_eq!(err.matches("1 fout, 1 waarschuwing").count(), 1, "{err}");
    assert!(!err.contains("× geen enkel gesprek"), "{err}");
}

#[test]
fn check_with_only_warnings_counts_them_once() {
    let kit = Fixture::new();
    kit.write("content/paginas/los.md", "---\ntitel: Los\n---\n\nTekst.\n");
    let out = kit.check();
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("⚠ content/paginas/los.md: geen enkele pagina linkt hierheen"),
        "{err}"
    );
    assert_eq!(err.matches("waarschuwing").count(), 1, "{err}");
    assert!(
        err.trim_end()
            .ends_with("in orde: 0 fouten, 1 waarschuwing"),
        "{err}"
    );
}
