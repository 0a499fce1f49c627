//! What an editor sees on the command line: how problems are marked and
//! ordered, the columns tools read, the summary that closes a report, the write summary,
//! link hints.

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

/// The 1-based character column of `needle` in the line of `text` that holds it.
fn char_column(text: &str, needle: &str) -> (usize, usize) {
    let (i, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(needle))
        .expect(needle);
    let byte = line.find(needle).unwrap();
    (i + 1, line[..byte].chars().count() + 1)
}

#[test]
fn columns_count_characters_in_text_and_json_alike() {
    let kit = Fixture::new();
    let element = "content/elementen/abc.md";
    kit.edit(
        element,
        "Vertel hier het verhaal",
        "Één café, één idée: vertel hier het verhaal",
    );
    kit.edit(
        element,
        "(@/in-gesprek/kennismaken.md)",
        "(@/in-gesprek/kennismakn.md)",
    );
    let (link_line, link_col) = char_column(&kit.read(element), "[het gesprek]");
    assert!(
        link_col < "Één café, één idée: ".len() + 60,
        "bytes and characters differ"
    );
    let at = |problems: &[serde_json::Value], file: &str| {
        let p = problems
            .iter()
            .find(|p| p["file"] == file)
            .unwrap_or_else(|| panic!("{file} in {problems:?}"));
        (
            p["line"].as_u64().unwrap() as usize,
            p["column"].as_u64().unwrap() as usize,
        )
    };
    assert_eq!(at(&json_check(&kit), element), (link_line, link_col));
    // The report's header says the same place.
    let err = stderr(&kit.check());
    assert!(
        err.contains(&format!("{element}:{link_line}:{link_col}]")),
        "{err}"
    );
    // The YAML parser's column, after a two-byte `á` on the same line.
    let prompt = "content/in-gesprek/kennismaken.md";
    kit.edit(
        prompt,
        "vragen:\n  - Waar herken je dit element in je eigen praktijk?",
        "vragen: [\"Wáár?\", {a: 1}]",
    );
    let place = char_column(&kit.read(prompt), "{a: 1}");
    assert_eq!(at(&json_check(&kit), prompt), place);
    let err = stderr(&kit.check());
    assert!(
        err.contains(&format!("{prompt}:{}:{}]", place.0, place.1)),
        "{err}"
    );
}

#[test]
fn a_problem_with_a_line_but_no_column_is_at_column_1_and_a_whole_file_at_0() {
    let kit = Fixture::new();
    kit.edit(
        "content/in-gesprek/kennismaken.md",
        "elementen: [ABC]",
        "elementen: [ABD]",
    );
    kit.write("content/paginas/los.md", "---\ntitel: Los\n---\n\nTekst.\n");
    let problems = json_check(&kit);
    for p in &problems {
        let (line, column) = (p["line"].as_u64().unwrap(), p["column"].as_u64().unwrap());
        assert!(
            (line == 0 && column == 0) || (line > 0 && column >= 1),
            "{p}"
        );
    }
    let orphan = problems
        .iter()
        .find(|p| p["file"] == "content/paginas/los.md")
        .unwrap();
    assert_eq!(
        (orphan["line"].as_u64(), orphan["column"].as_u64()),
        (Some(0), Some(0))
    );
    assert_eq!(
        problems[0]["severity"], "error",
        "errors first: {problems:?}"
    );
}

#[test]
fn a_build_says_what_it_wrote_left_and_removed() {
    let kit = Fixture::new();
    let out = kit.build();
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    let first = err.lines().last().unwrap().to_string();
    let total: usize = walk_files(&kit.public());
    assert!(
        first.ends_with(&format!(
            ": {total} bestanden geschreven, 0 ongewijzigd, 0 verwijderd"
        )),
        "{first} ({total} files)"
    );
    // Twice unchanged: the second rebuild starts from the spare, not the live output.
    for _ in 0..2 {
        let again = stderr(&kit.build());
        assert!(
            again
                .trim_end()
                .ends_with(&format!(": niets veranderd, {total} bestanden ongewijzigd")),
            "{again}"
        );
    }
    // One page more, one less: the new page and the pages that list them change.
    kit.write(
        "content/paginas/nieuw.md",
        "---\ntitel: Nieuw\nvolgorde: 2\n---\n\nTekst.\n",
    );
    let added = stderr(&kit.build());
    assert!(added.contains(", 0 verwijderd"), "{added}");
    std::fs::remove_file(kit.root().join("content/paginas/nieuw.md")).unwrap();
    // The page and its print versions.
    let removed = stderr(&kit.build());
    assert!(removed.trim_end().ends_with(", 3 verwijderd"), "{removed}");
    let again = stderr(&kit.build());
    assert!(again.contains("niets veranderd"), "{again}");
}

/// How many files the output holds, its manifest left out.
fn walk_files(dir: &std::path::Path) -> usize {
    snapshot(dir)
        .keys()
        .filter(|p| p.file_name().is_none_or(|n| n != ".werkplaats"))
        .count()
}

#[test]
fn a_relative_link_to_a_file_that_exists_gets_the_at_link_to_write() {
    let kit = Fixture::new();
    let prompt = "content/in-gesprek/kennismaken.md";
    // From the file's folder to the element's file, and the page's address.
    kit.edit(
        prompt,
        "Tips voor de begeleider",
        "Zie [ABC](../elementen/abc.md) en [de kaart](../../elementen/abc/). Tips voor de begeleider",
    );
    let out = kit.check();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("schrijf [ABC](@ABC) of [ABC](@/elementen/abc.md)"),
        "{err}"
    );
    assert!(
        err.contains("schrijf [de kaart](@ABC) of [de kaart](@/elementen/abc.md)"),
        "{err}"
    );
    assert!(!err.contains("bestand dat niet bestaat"), "{err}");
    // A page that is no element has only its path.
    kit.edit(
        prompt,
        "Zie [ABC](../elementen/abc.md) en [de kaart](../../elementen/abc/).",
        "Zie [over](../paginas/over.md).",
    );
    let err = stderr(&kit.check());
    assert!(err.contains("schrijf [over](@/paginas/over.md);"), "{err}");
}

/// `check` after replacing `from` with `to` in the scaffold's prompt: its
/// report, with the quoted lines left out.
fn prompt_problem(from: &str, to: &str) -> String {
    let kit = Fixture::new();
    kit.edit("content/in-gesprek/kennismaken.md", from, to);
    let out = kit.check();
    assert_eq!(out.status.code(), Some(1));
    stderr(&out)
}

#[test]
fn yaml_mistakes_are_told_in_dutch_with_their_cause_at_the_right_line() {
    let file = "content/in-gesprek/kennismaken.md";
    // `max` indented under `min: 3`: the parser reads "3 max: 12".
    let under = prompt_problem("  min: 2\n  max: 12", "  min: 3\n    max: 12");
    assert!(under.contains(&format!("{file}:9:5]")), "{under}");
    assert!(
        under.contains("`max` springt verder in dan `min` op regel 8"),
        "{under}"
    );
    // One space short of its sibling.
    let short = prompt_problem("  min: 2\n  max: 12", "  min: 2\n max: 12");
    assert!(short.contains(&format!("{file}:9:2]")), "{short}");
    assert!(
        short.contains("`max` springt 1 spaties in, de regels erboven 2"),
        "{short}"
    );
    // Fields not indented under their key: at the field, under the right key.
    let flat = prompt_problem("  min: 2\n  max: 12", "min: 2\n  max: 12");
    assert!(flat.contains(&format!("{file}:8:1]")), "{flat}");
    assert!(flat.contains("(bij `groepsgrootte`)"), "{flat}");
    assert!(
        flat.contains("`groepsgrootte` heeft geen waarde op regel 7"),
        "{flat}"
    );
    let glued = prompt_problem("duur: 20", "duur:20");
    assert!(
        glued.contains("zet een spatie na de dubbele punt: `duur: 20`"),
        "{glued}"
    );
    let colon = prompt_problem("doel: Samen verkennen", "doel: Samen: verkennen");
    assert!(colon.contains(&format!("{file}:3:12]")), "{colon}");
    assert!(
        colon.contains("zet de waarde tussen aanhalingstekens"),
        "{colon}"
    );
    let open = prompt_problem("werkvorm: [duo, plenair]", "werkvorm: [duo, plenair");
    assert!(
        open.contains("de `[` hier wordt niet gesloten met `]`"),
        "{open}"
    );
    for report in [under, short, flat, glued, colon, open] {
        for english in [
            "while parsing",
            "did not find",
            "expected",
            "mapping values",
        ] {
            assert!(!report.contains(english), "{english} in {report}");
        }
    }
}

#[test]
fn an_unknown_template_variable_is_named_with_its_line_and_the_closest_name() {
    let kit = Fixture::new();
    let template = "themes/default/templates/element.html";
    kit.eject(Some(template));
    kit.edit(
        template,
        "{% for a in element.aspecten %}",
        "{% for a in element.aspectn %}",
    );
    let (line, column) = char_column(&kit.read(template), "element.aspectn");
    let err = stderr(&kit.check());
    assert!(
        err.contains("× templatefout: onbekende variabele `element.aspectn`"),
        "{err}"
    );
    assert!(
        err.contains(&format!("{template}:{line}:{column}]")),
        "{err}"
    );
    assert!(err.contains("help: bedoel je `element.aspecten`?"), "{err}");
    assert!(!err.contains("not found in context"), "{err}");
}

#[test]
fn deny_warnings_fails_check_and_build_and_leaves_the_output() {
    let kit = Fixture::new();
    assert!(kit.build().status.success());
    let before = snapshot(&kit.public());
    // Two menu pages with one `volgorde`: a warning that names both.
    kit.write(
        "content/paginas/twee.md",
        "---\ntitel: Twee\nvolgorde: 1\n---\n\nTekst.\n",
    );
    let root = kit.root();
    let root = root.to_str().unwrap();
    let check = kit.check();
    let err = stderr(&check);
    assert!(check.status.success(), "{err}");
    assert!(
        err.contains("⚠ `volgorde: 1` staat ook in content/paginas/over.md"),
        "{err}"
    );
    assert!(err.contains("content/paginas/twee.md:3:1]"), "{err}");
    let denied = run(&["check", "-r", root, "--deny-warnings"]);
    assert_eq!(denied.status.code(), Some(1), "{}", stderr(&denied));
    assert!(stderr(&denied).contains("--deny-warnings laat waarschuwingen"));
    let built = run(&["build", "-r", root, "--deny-warnings"]);
    assert_eq!(built.status.code(), Some(1), "{}", stderr(&built));
    assert_eq!(snapshot(&kit.public()), before, "nothing was written");
    let json = run(&["check", "-r", root, "--deny-warnings", "--format", "json"]);
    assert_eq!(json.status.code(), Some(1));
    assert_eq!(json_lines(&json)[0]["severity"], "warning");
    // serve has no such switch: a usage error.
    assert_eq!(
        run(&["serve", "-r", root, "--deny-warnings"]).status.code(),
        Some(2)
    );
}

#[test]
fn two_elements_with_one_volgorde_warn_naming_both() {
    let kit = Fixture::new();
    let abc = kit.read("content/elementen/abc.md");
    kit.write(
        "content/elementen/def.md",
        &abc.replace("code: ABC", "code: DEF"),
    );
    // DEF's own warnings (no prompt is about it) do not matter here.
    let err = stderr(&kit.check());
    assert!(
        err.contains(
            "⚠ `volgorde: 1` staat ook in content/elementen/abc.md; de elementen staan dan op code"
        ),
        "{err}"
    );
    assert!(err.contains("content/elementen/def.md:6:1]"), "{err}");
    // Another volgorde: no such warning.
    kit.edit("content/elementen/def.md", "volgorde: 1", "volgorde: 2");
    let err = stderr(&kit.check());
    assert!(!err.contains("staat ook in"), "{err}");
}

/// The problem matcher in .vscode/tasks.json reads every line of
/// `check --format line`, errors and warnings, with the places and the
/// messages `--format json` gives, quotes unescaped.
#[test]
fn the_vs_code_problem_matcher_reads_check_lines() {
    let tasks: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/.vscode/tasks.json"))
            .unwrap(),
    )
    .unwrap();
    let pattern = &tasks["tasks"][0]["problemMatcher"]["pattern"];
    let rx = regex::Regex::new(pattern["regexp"].as_str().unwrap()).unwrap();
    let kit = Fixture::new();
    kit.write("content/paginas/los.md", "---\ntitel: Los\n---\n\nTekst.\n");
    kit.edit(
        "content/in-gesprek/kennismaken.md",
        "elementen: [ABC]",
        "elementen: [ABD]",
    );
    let root = kit.root();
    let check = |format: &str| {
        let out = run(&["check", "-r", root.to_str().unwrap(), "--format", format]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let (text, json) = (check("line"), check("json"));
    assert_eq!(text.lines().count(), json.lines().count(), "{text}");
    let mut severities = Vec::new();
    for (line, json) in text.lines().zip(json.lines()) {
        let caps = rx
            .captures(line)
            .unwrap_or_else(|| panic!("not matched: {line}"));
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        let group = |key: &str| caps[pattern[key].as_u64().unwrap() as usize].to_string();
        assert_eq!(group("file"), value["file"].as_str().unwrap());
        assert_eq!(group("line"), value["line"].to_string());
        assert_eq!(group("column"), value["column"].to_string());
        assert!(
            group("message").starts_with(value["message"].as_str().unwrap()),
            "{line}"
        );
        severities.push(group("severity"));
    }
    // A message with quotes reads as written, not JSON-escaped.
    kit.edit("content/elementen/abc.md", "volgorde: 1", "volgrde: 1");
    let typo = check("line");
    let caps = rx.captures(typo.lines().next().unwrap_or_default());
    let message = caps.map(|c| c[pattern["message"].as_u64().unwrap() as usize].to_string());
    assert!(
        message.is_some_and(|m| m.starts_with(r#"onbekend veld "volgrde""#)),
        "{typo}"
    );
    assert!(severities.contains(&"error".to_string()), "{text}");
    assert!(severities.contains(&"warning".to_string()), "{text}");
}
