//! Command-line conventions: completions, the man page, `clean`, `-q`/`-v`,
//! short flags, the usage errors (exit 2), the language of `--help`,
//! `check --watch` and `serve --open` without a browser.

mod common;

use common::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The werkplaats binary run in `dir` with only `lang` as its locale.
fn command_in(dir: &Path, lang: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_werkplaats"));
    cmd.args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang);
    cmd
}

fn run_in(dir: &Path, lang: &str, args: &[&str]) -> std::process::Output {
    command_in(dir, lang, args)
        .output()
        .expect("run werkplaats")
}

/// The repository: the real toolkit, `taal: nl`.
fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// What a child writes to a pipe, gathered as it comes.
fn collect(mut pipe: impl Read + Send + 'static) -> Arc<Mutex<String>> {
    let text = Arc::new(Mutex::new(String::new()));
    let sink = Arc::clone(&text);
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = pipe.read(&mut buf) {
            if n == 0 {
                break;
            }
            let chunk = String::from_utf8_lossy(&buf[..n]).into_owned();
            sink.lock().unwrap().push_str(&chunk);
        }
    });
    text
}

/// Waits (generously) until `text` holds `wanted`, failing with what it holds.
fn wait_for(text: &Arc<Mutex<String>>, wanted: &str) {
    let until = Instant::now() + Duration::from_secs(60);
    while !text.lock().unwrap().contains(wanted) {
        assert!(
            Instant::now() < until,
            "never saw {wanted:?} in:\n{}",
            text.lock().unwrap()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A child process, killed when the test ends however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn help_speaks_dutch_inside_the_dutch_toolkit_whatever_the_locale() {
    let out = run_in(repo(), "en_US.UTF-8", &["--help"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let help = stdout(&out);
    for dutch in [
        "Gebruik: werkplaats [OPTIES] <OPDRACHT>",
        "Opdrachten:",
        "Opties:",
    ] {
        assert!(help.contains(dutch), "{dutch} missing in {help}");
    }
    assert!(help.contains("Controleer de toolkit"), "{help}");
    assert!(
        !help.contains("Usage:") && !help.contains("Print help"),
        "{help}"
    );
    let out = run_in(repo(), "en_US.UTF-8", &["check", "--help"]);
    let help = stdout(&out);
    assert!(
        help.contains("De map van de toolkit. [standaard: .]"),
        "{help}"
    );
    assert!(
        help.contains("-h, --help             Toon deze hulp."),
        "{help}"
    );
}

#[test]
fn help_outside_a_toolkit_follows_the_locale() {
    let dir = tempfile::tempdir().unwrap();
    let dutch = stdout(&run_in(dir.path(), "nl_NL.UTF-8", &["build", "--help"]));
    assert!(
        dutch.contains("Gebruik: werkplaats build [OPTIES]"),
        "{dutch}"
    );
    assert!(dutch.contains("Bouw de site"), "{dutch}");
    let english = stdout(&run_in(dir.path(), "en_US.UTF-8", &["build", "--help"]));
    assert!(
        english.contains("Usage: werkplaats build [OPTIONS]"),
        "{english}"
    );
    assert!(
        english.contains("Build the site into the output folder"),
        "{english}"
    );
    assert!(english.contains("[default: .]"), "{english}");
    assert!(!english.contains("Bouw"), "{english}");
}

#[test]
fn help_follows_taal_en_of_the_toolkit_named_by_root() {
    let english = repo().join("tests/fixtures/english");
    let elsewhere = tempfile::tempdir().unwrap();
    let root = english.to_str().unwrap();
    for args in [
        &["serve", "--help", "-r", root][..],
        &["serve", "--help", "--root", root],
    ] {
        let help = stdout(&run_in(elsewhere.path(), "nl_NL.UTF-8", args));
        assert!(help.contains("Preview the site in a browser"), "{help}");
        assert!(help.contains("Options:"), "{help}");
    }
    // Run inside it, without --root.
    let help = stdout(&run_in(&english, "nl_NL.UTF-8", &["--help"]));
    assert!(
        help.contains("Usage: werkplaats [OPTIONS] <COMMAND>"),
        "{help}"
    );
}

/// The command's own lines (counts, what a build wrote, the marker under a
/// quoted line) follow `taal: en` of the toolkit, and the locale outside one.
#[test]
fn the_commands_own_lines_follow_the_language() {
    let elsewhere = tempfile::tempdir().unwrap();
    let kit = elsewhere.path().join("kit");
    copy_dir(&repo().join("tests/fixtures/english"), &kit);
    let root = kit.to_str().unwrap();
    let err = |out: std::process::Output| String::from_utf8_lossy(&out.stderr).into_owned();
    let check = err(run_in(
        elsewhere.path(),
        "nl_NL.UTF-8",
        &["check", "-r", root],
    ));
    assert!(check.contains("all fine: 0 errors, 0 warnings"), "{check}");
    let out = kit.join("public");
    let build = |_: ()| {
        err(run_in(
            elsewhere.path(),
            "nl_NL.UTF-8",
            &["build", "-r", root, "-o", out.to_str().unwrap()],
        ))
    };
    assert!(build(()).contains(" files written, 0 unchanged, 0 removed"));
    assert!(build(()).contains(": nothing changed, "));
    let element = kit.join("content/elementen/tru.md");
    let text = std::fs::read_to_string(&element).unwrap();
    std::fs::write(&element, text.replace("kleur:", "kleurr:")).unwrap();
    let broken = err(run_in(
        elsewhere.path(),
        "nl_NL.UTF-8",
        &["check", "-r", root],
    ));
    assert!(broken.contains("╰── here"), "{broken}");
    assert!(
        broken.trim_end().ends_with("1 error, 0 warnings"),
        "{broken}"
    );
    // Outside a toolkit, the locale speaks.
    let new = err(run_in(elsewhere.path(), "en_GB.UTF-8", &["new", "mine"]));
    assert!(new.contains("new toolkit in mine; build it with"), "{new}");
    let new = err(run_in(elsewhere.path(), "nl_NL.UTF-8", &["new", "mijn"]));
    assert!(
        new.contains("nieuwe toolkit in mijn; bouw hem met"),
        "{new}"
    );
}

/// Problems said through the catalogue follow the site's language in every
/// format; a Dutch toolkit gets them in Dutch.
#[test]
fn link_problems_are_said_in_the_sites_language() {
    let elsewhere = tempfile::tempdir().unwrap();
    let kit = elsewhere.path().join("kit");
    copy_dir(&repo().join("tests/fixtures/english"), &kit);
    let element = std::fs::read_dir(kit.join("content/elementen"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .next()
        .unwrap();
    let text = std::fs::read_to_string(&element).unwrap();
    std::fs::write(&element, format!("{text}\nSee [nothing](@/nope.md).\n")).unwrap();
    let root = kit.to_str().unwrap();
    let human = run_in(elsewhere.path(), "nl_NL.UTF-8", &["check", "-r", root]);
    let human = String::from_utf8_lossy(&human.stderr).into_owned();
    assert!(
        human.contains("the link \"@/nope.md\" points nowhere"),
        "{human}"
    );
    assert!(!human.contains("wijst"), "{human}");
    for format in ["json", "line"] {
        let out = run_in(
            elsewhere.path(),
            "nl_NL.UTF-8",
            &["check", "-r", root, "--format", format],
        );
        let out = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(out.contains("points nowhere"), "{format}: {out}");
        assert!(out.contains("did you mean"), "{format}: {out}");
    }
    // The same mistake in a Dutch toolkit, in Dutch whatever the locale.
    std::fs::write(kit.join("site.yaml"), "titel: Een toolkit\n").unwrap();
    let dutch = run_in(elsewhere.path(), "en_GB.UTF-8", &["check", "-r", root]);
    let dutch = String::from_utf8_lossy(&dutch.stderr).into_owned();
    assert!(
        dutch.contains("de link \"@/nope.md\" wijst nergens naar"),
        "{dutch}"
    );
    assert!(dutch.contains("╰── hier"), "{dutch}");
}

/// A template error on an English site: Tera's words and the hint in English,
/// at the template's line.
#[test]
fn template_errors_are_said_in_the_sites_language() {
    let elsewhere = tempfile::tempdir().unwrap();
    let kit = elsewhere.path().join("kit");
    copy_dir(&repo().join("tests/fixtures/english"), &kit);
    let root = kit.to_str().unwrap();
    let eject = run_in(
        elsewhere.path(),
        "C",
        &["theme", "eject", "templates/page.html", "-r", root],
    );
    assert!(
        eject.status.success(),
        "{}",
        String::from_utf8_lossy(&eject.stderr)
    );
    let page = kit.join("themes/default/templates/page.html");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(
        &page,
        text.replace("{{ pagina.titel |", "{{ pagina.titell |"),
    )
    .unwrap();
    let out = run_in(
        elsewhere.path(),
        "C",
        &["check", "-r", root, "--format", "line"],
    );
    let out = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.contains("themes/default/templates/page.html:5:"),
        "at the template's line: {out}"
    );
    assert!(
        out.contains("template error: unknown variable `pagina.titell`"),
        "{out}"
    );
    assert!(out.contains("did you mean `pagina.titel`?"), "{out}");
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn a_usage_error_is_said_in_dutch_and_exits_2() {
    let out = run_in(repo(), "en_US.UTF-8", &["check", "--roo", "x"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("fout: onbekend argument '--roo'"), "{err}");
    assert!(err.contains("bedoel je '--root'?"), "{err}");
    assert!(err.contains("Gebruik: werkplaats check [OPTIES]"), "{err}");
    let out = run_in(repo(), "en_US.UTF-8", &["serve", "--port", "veel"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("ongeldige waarde 'veel' voor '--port <PORT>'"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn completions_follow_the_language_too() {
    let dir = tempfile::tempdir().unwrap();
    let script = stdout(&run_in(dir.path(), "nl_NL.UTF-8", &["completions", "fish"]));
    assert!(script.contains("Bouw de site"), "{script}");
    let script = stdout(&run_in(dir.path(), "en_US.UTF-8", &["completions", "fish"]));
    assert!(script.contains("Build the site"), "{script}");
}

#[test]
fn check_watch_reports_new_and_fixed_problems_until_stopped() {
    let kit = Fixture::new();
    let root = kit.root();
    let mut child = command_in(
        kit.dir.path(),
        "nl_NL.UTF-8",
        &["check", "--watch", "-r", root.to_str().unwrap()],
    )
    .stderr(Stdio::piped())
    .stdout(Stdio::null())
    .spawn()
    .expect("start check --watch");
    let err = collect(child.stderr.take().unwrap());
    let running = Running(child);
    wait_for(&err, "ik volg de toolkit");

    let file = "content/in-gesprek/kennismaken.md";
    kit.edit(file, "elementen: [ABC]", "elementen: [ABD]");
    wait_for(
        &err,
        &format!("nieuw: {file}:4:1: fout: onbekende elementcode \"ABD\""),
    );
    wait_for(&err, "nu: fouten: 1");
    kit.edit(file, "elementen: [ABD]", "elementen: [ABC]");
    wait_for(
        &err,
        &format!("opgelost: {file}:4:1: fout: onbekende elementcode \"ABD\""),
    );
    wait_for(&err, "nu: in orde");
    // A save that changes no problem says so.
    kit.write(
        "content/paginas/over.md",
        &(kit.read("content/paginas/over.md") + "\nMeer.\n"),
    );
    wait_for(&err, "geen wijzigingen in de problemen (in orde)");
    drop(running);
    let seen = err.lock().unwrap().clone();
    assert_eq!(
        seen.matches("nieuw:").count(),
        2,
        "error and its warning: {seen}"
    );
}

#[cfg(unix)]
#[test]
fn check_watch_ends_cleanly_on_ctrl_c_and_refuses_json() {
    let kit = Fixture::new();
    let root = kit.root();
    let root = root.to_str().unwrap();
    let mut child = command_in(kit.dir.path(), "en_US.UTF-8", &["check", "-w", "-r", root])
        .stderr(Stdio::piped())
        .spawn()
        .expect("start check --watch");
    let err = collect(child.stderr.take().unwrap());
    let mut running = Running(child);
    wait_for(&err, "ik volg de toolkit");
    let interrupted = Command::new("kill")
        .args(["-INT", &running.0.id().to_string()])
        .status()
        .unwrap();
    assert!(interrupted.success());
    let status = running.0.wait().unwrap();
    wait_for(&err, "gestopt met volgen");
    assert_eq!(status.code(), Some(0));

    let out = run(&["check", "--watch", "-r", root, "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("check --watch kent geen --format json"));
}

#[test]
fn serve_open_without_a_browser_says_so_and_serves() {
    let kit = Fixture::new();
    let root = kit.root();
    let no_programs = tempfile::tempdir().unwrap();
    let mut child = command_in(
        kit.dir.path(),
        "nl_NL.UTF-8",
        &[
            "serve",
            "--open",
            "--port",
            "0",
            "-r",
            root.to_str().unwrap(),
        ],
    )
    // Neither xdg-open nor any other launcher or browser can be found.
    .env("PATH", no_programs.path())
    .env("BROWSER", "/bin/false")
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .expect("start serve --open");
    let err = collect(child.stderr.take().unwrap());
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let _running = Running(child);
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    wait_for(
        &err,
        &format!("let op: er kon geen browser worden geopend; open {url} zelf"),
    );
    let addr = url.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "GET / HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
    assert!(reply.contains("<html"), "{reply}");
}

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
