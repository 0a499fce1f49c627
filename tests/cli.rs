//! Command-line conventions: completions, the man page, `clean`, `-q`/`-v`,
//! short flags and the usage errors (exit 2).

mod common;

use common::*;

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn completions_are_generated_for_bash_zsh_and_fish() {
    for (shell, mark) in [
        ("bash", "complete -F _werkplaats"),
        ("zsh", "#compdef werkplaats"),
        ("fish", "complete -c werkplaats"),
    ] {
        let out = run(&["completions", shell]);
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        assert!(script.contains(mark), "{shell}: {script}");
        // The subcommands and their flags are in it.
        for word in ["clean", "build", "drafts", "deny-warnings"] {
            assert!(script.contains(word), "{shell} lacks {word}");
        }
    }
    assert_eq!(run(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn man_prints_a_roff_page() {
    let out = run(&["man"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = stdout(&out);
    assert!(page.contains(".TH werkplaats 1"), "{page}");
    assert!(page.contains("clean"), "{page}");
}

#[test]
fn serve_refuses_format_json_with_exit_2() {
    let kit = Fixture::new();
    let root = kit.root();
    let out = run(&["serve", "-r", root.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("serve kent geen --format json"));
}

#[test]
fn clean_removes_the_output_werkplaats_wrote() {
    let kit = Fixture::new();
    assert!(kit.build().status.success());
    assert!(kit.public().join("index.html").exists());
    let root = kit.root();
    let out = run(&["clean", "-r", root.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!kit.public().exists());
    assert!(root.join("content").exists(), "the toolkit stays");
    // Nothing left to clean is no error.
    let out = run(&["clean", "-r", root.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn clean_refuses_a_foreign_folder_and_one_with_a_stray_file() {
    let kit = Fixture::new();
    let root = kit.root();
    kit.write("elders/notities.txt", "van mij");
    let elders = root.join("elders");
    let out = run(&[
        "clean",
        "-r",
        root.to_str().unwrap(),
        "-o",
        elders.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("werkplaats heeft die map niet gemaakt"),
        "{}",
        stderr(&out)
    );
    assert!(elders.join("notities.txt").exists());

    assert!(kit.build().status.success());
    kit.write("public/CNAME", "example.org");
    let out = run(&["clean", "-r", root.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("CNAME"), "{}", stderr(&out));
    assert!(kit.public().join("index.html").exists());
}

#[test]
fn quiet_prints_only_problems_and_verbose_more() {
    let kit = Fixture::new();
    let root = kit.root();
    let out = run(&["build", "-q", "-r", root.to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(stderr(&out), "");
    let out = run(&["build", "-v", "-r", root.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(
        err.contains("ongewijzigd") && err.contains("klaar in"),
        "{err}"
    );
    // A problem still shows with -q.
    kit.edit(
        "content/in-gesprek/kennismaken.md",
        "elementen: [ABC]",
        "elementen: [ABD]",
    );
    let out = run(&["check", "-q", "-r", root.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("onbekende elementcode"));
}

#[test]
fn deny_warnings_fails_a_build_with_only_warnings() {
    let kit = Fixture::new();
    kit.write("content/paginas/los.md", "---\ntitel: Los\n---\n\nTekst.\n");
    let root = kit.root();
    let out = run(&["build", "-r", root.to_str().unwrap(), "--deny-warnings"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--deny-warnings"));
    assert!(!kit.public().exists());
    assert!(kit.build().status.success());
}

#[test]
fn init_is_new() {
    let dir = tempfile::tempdir().unwrap();
    let kit = dir.path().join("kit");
    let out = run(&["init", kit.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(kit.join("site.yaml").exists());
}
