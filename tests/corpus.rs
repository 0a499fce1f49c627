//! The corpus of broken and hostile toolkits in `tests/corpus/`: each case changes
//! the scaffold toolkit in a described way and states what the user must see. For
//! every case: the exit code, the file and line named, a key phrase, no panic, no
//! hang, and after a failure the previous output byte for byte intact.

mod common;

use common::*;
use serde::Deserialize;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    #[allow(dead_code)]
    beschrijving: String,
    #[serde(default)]
    stappen: Vec<Step>,
    #[serde(default)]
    argumenten: Vec<String>,
    verwacht: Expect,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "lowercase")]
enum Step {
    Schrijf {
        pad: String,
        tekst: String,
    },
    Vervang {
        pad: String,
        van: String,
        naar: String,
    },
    Kopieer {
        van: String,
        naar: String,
    },
    Verwijder(String),
    /// Appends raw bytes, written as hex.
    Bytes {
        pad: String,
        hex: String,
    },
    /// Prepends raw bytes, written as hex.
    Voorvoegsel {
        pad: String,
        hex: String,
    },
    Crlf(String),
    Symlink {
        pad: String,
        doel: String,
    },
    /// A file of this many megabytes.
    Groot {
        pad: String,
        mb: usize,
    },
    /// YAML nested this deep: a whole YAML file, or the `titel` of a front matter.
    Genest {
        pad: String,
        diepte: usize,
        #[serde(default)]
        front_matter: bool,
    },
    /// A named pipe (FIFO): opening it for reading blocks until a writer comes.
    Fifo(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    exit: i32,
    #[serde(default)]
    plek: Option<String>,
    #[serde(default)]
    tekst: Option<String>,
    #[serde(default)]
    pagina: Option<String>,
    #[serde(default)]
    bevat: Option<String>,
    /// Markup the page's HTML must not hold (an attribute, a tag).
    #[serde(default)]
    mist: Option<String>,
    #[serde(default)]
    geen_meldingen: bool,
}

fn hex(s: &str) -> Vec<u8> {
    s.split_whitespace()
        .map(|b| u8::from_str_radix(b, 16).unwrap())
        .collect()
}

fn apply(root: &Path, step: &Step) {
    let p = |rel: &str| root.join(rel);
    match step {
        Step::Schrijf { pad, tekst } => {
            fs::create_dir_all(p(pad).parent().unwrap()).unwrap();
            fs::write(p(pad), tekst).unwrap();
        }
        Step::Vervang { pad, van, naar } => {
            let text = fs::read_to_string(p(pad)).unwrap();
            assert!(
                text.contains(van.as_str()),
                "{pad} does not contain {van:?}"
            );
            fs::write(p(pad), text.replacen(van.as_str(), naar, 1)).unwrap();
        }
        Step::Kopieer { van, naar } => {
            fs::copy(p(van), p(naar)).unwrap();
        }
        // A folder goes with all it holds; a link to one is removed, not followed.
        Step::Verwijder(pad) => match fs::symlink_metadata(p(pad)) {
            Ok(m) if m.is_dir() => fs::remove_dir_all(p(pad)).unwrap(),
            _ => fs::remove_file(p(pad)).unwrap(),
        },
        Step::Bytes { pad, hex: h } => {
            let mut bytes = fs::read(p(pad)).unwrap();
            bytes.extend(hex(h));
            fs::write(p(pad), bytes).unwrap();
        }
        Step::Voorvoegsel { pad, hex: h } => {
            let mut bytes = hex(h);
            bytes.extend(fs::read(p(pad)).unwrap());
            fs::write(p(pad), bytes).unwrap();
        }
        Step::Crlf(pad) => {
            let text = fs::read_to_string(p(pad)).unwrap();
            fs::write(p(pad), text.replace('\n', "\r\n")).unwrap();
        }
        Step::Symlink { pad, doel } => std::os::unix::fs::symlink(doel, p(pad)).unwrap(),
        Step::Groot { pad, mb } => {
            let f = fs::File::create(p(pad)).unwrap();
            f.set_len((*mb as u64) * 1024 * 1024).unwrap();
        }
        Step::Genest {
            pad,
            diepte,
            front_matter,
        } => {
            let nested = format!("{}{}", "[".repeat(*diepte), "]".repeat(*diepte));
            let text = match front_matter {
                true => format!("---\ntitel: {nested}\nvolgorde: 1\n---\nTekst\n"),
                false => format!("a: {nested}"),
            };
            fs::write(p(pad), text).unwrap();
        }
        Step::Fifo(pad) => {
            fs::create_dir_all(p(pad).parent().unwrap()).unwrap();
            let made = Command::new("mkfifo").arg(p(pad)).status().unwrap();
            assert!(made.success(), "mkfifo {pad}");
        }
    }
}

/// Runs `werkplaats build`, failing the case if it takes longer than a hang would.
fn build_with_limit(root: &Path, extra: &[String]) -> Result<(Option<i32>, String), String> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_werkplaats"));
    cmd.arg("build")
        .arg("--root")
        .arg(root)
        .args(extra)
        .current_dir(root);
    run_with_limit(cmd, Duration::from_secs(60))
        .map(|(status, err)| (status.code(), err))
        .map_err(|e| format!("werkplaats build: {e}"))
}

fn run_case(path: &Path) -> Result<(), String> {
    let text = fs::read_to_string(path).unwrap();
    let case: Case = werkplaats::load::yaml::parse(&text, 1)
        .map_err(|e| format!("bad case: {}", e.into_problem(path)))?;
    let kit = Fixture::new();
    // Many cases break a theme file: the toolkit carries the whole theme,
    // as one that ejected it does.
    kit.eject(None);
    let root = kit.root();
    let first = kit.build();
    if !first.status.success() {
        return Err(format!("scaffold did not build: {}", stderr(&first)));
    }
    let before = snapshot(&kit.public());
    let outside_before: Vec<PathBuf> = fs::read_dir(kit.dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    for step in &case.stappen {
        apply(&root, step);
    }
    let (code, err) = build_with_limit(&root, &case.argumenten)?;
    let e = &case.verwacht;
    let mut wrong = Vec::new();
    if code != Some(e.exit) {
        wrong.push(format!("exit {code:?}, expected {}", e.exit));
    }
    if err.contains("panicked") {
        wrong.push("panicked".into());
    }
    for needle in [&e.plek, &e.tekst].into_iter().flatten() {
        if !err.contains(needle.as_str()) {
            wrong.push(format!("message lacks {needle:?}"));
        }
    }
    if e.geen_meldingen && (err.contains("fout") || err.contains("waarschuwing")) {
        wrong.push("expected no problems".into());
    }
    if e.exit != 0 && snapshot(&kit.public()) != before {
        wrong.push("public/ changed after a failed build".into());
    }
    if let (Some(page), Some(text)) = (&e.pagina, &e.bevat) {
        let html = fs::read_to_string(kit.public().join(page)).unwrap_or_default();
        let doc = scraper::Html::parse_document(&html);
        let all: String = doc.root_element().text().collect();
        if !all.contains(text.as_str()) {
            wrong.push(format!("{page} lacks {text:?}"));
        }
    }
    if let (Some(page), Some(absent)) = (&e.pagina, &e.mist) {
        let html = fs::read_to_string(kit.public().join(page)).unwrap_or_default();
        if html.is_empty() || html.contains(absent.as_str()) {
            wrong.push(format!("{page} holds {absent:?} (or is missing)"));
        }
    }
    let outside_after: Vec<PathBuf> = fs::read_dir(kit.dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    if outside_after != outside_before {
        wrong.push(format!("wrote outside the toolkit: {outside_after:?}"));
    }
    if wrong.is_empty() {
        Ok(())
    } else {
        Err(format!("{}\n--- stderr ---\n{err}", wrong.join("; ")))
    }
}

#[test]
fn every_broken_or_hostile_toolkit_gets_a_clear_answer() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut cases: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    // `CORPUS_CASE=60 cargo test --test corpus` runs only the cases whose file
    // name contains it, to see one case fail or pass on its own.
    let only = std::env::var("CORPUS_CASE").ok();
    let all = cases.len();
    cases.retain(|c| {
        let name = c.file_name().unwrap_or_default().to_string_lossy();
        only.as_deref().is_none_or(|o| name.contains(o))
    });
    cases.sort();
    assert!(all >= 30, "the corpus has {all} cases");
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| {
            run_case(c)
                .err()
                .map(|e| format!("== {}: {e}", c.file_name().unwrap().to_string_lossy()))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
