//! The layered theme: a toolkit without a theme builds with the built-in
//! one, an override of one template, string or static file changes only
//! that, and `taal: en` gets the English strings that ship with it.

mod common;

use common::*;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

#[test]
fn a_new_toolkit_has_no_theme_and_builds_with_the_built_in_one() {
    let kit = Fixture::new();
    assert!(!kit.root().join("themes").exists());
    let out = kit.build();
    assert!(out.status.success(), "{}", stderr(&out));
    let css = fs::read(kit.public().join("static/site.css")).unwrap();
    let built_in = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/site.css");
    assert_eq!(css, fs::read(built_in).unwrap());
    assert!(broken_links(&kit.public()).is_empty());
}

#[test]
fn eject_copies_one_file_and_refuses_to_overwrite_it() {
    let kit = Fixture::new();
    kit.eject(Some("templates/page.html"));
    let copied = kit.read("themes/default/templates/page.html");
    let built_in = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/page.html");
    assert_eq!(copied, fs::read_to_string(built_in).unwrap());
    assert!(
        !kit.root()
            .join("themes/default/templates/base.html")
            .exists()
    );

    kit.write("themes/default/templates/page.html", "eigen");
    let root = kit.root();
    let root = root.to_str().unwrap();
    let again = run(&["theme", "eject", "--root", root, "templates/page.html"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("--force"), "{}", stderr(&again));
    assert_eq!(kit.read("themes/default/templates/page.html"), "eigen");
    let forced = run(&[
        "theme",
        "eject",
        "--root",
        root,
        "--force",
        "templates/page.html",
    ]);
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert_eq!(kit.read("themes/default/templates/page.html"), copied);

    let typo = run(&["theme", "eject", "--root", root, "templates/pgae.html"]);
    assert_eq!(typo.status.code(), Some(1));
    assert!(
        stderr(&typo).contains("bedoel je templates/page.html?"),
        "{}",
        stderr(&typo)
    );
}

#[test]
fn an_override_of_one_template_string_and_static_file_changes_only_those() {
    let plain = Fixture::new();
    let out = plain.build();
    assert!(out.status.success(), "{}", stderr(&out));

    let kit = Fixture::new();
    kit.write("themes/default/i18n/nl.yaml", "nav_sources: ZZBRONNEN\n");
    kit.write(
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}{% block inhoud %}<h1>ZZNIETHIER</h1>{% endblock %}",
    );
    kit.write("themes/default/static/print.css", "/* eigen */\n");
    let out = kit.build();
    assert!(out.status.success(), "{}", stderr(&out));

    let before = snapshot(&plain.public());
    let after = snapshot(&kit.public());
    let names = |s: &BTreeMap<_, _>| s.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&before), names(&after));
    let mut renamed = 0;
    for (rel, bytes) in &after {
        let text = String::from_utf8_lossy(bytes);
        let want = String::from_utf8_lossy(&before[rel]);
        match rel.to_str().unwrap() {
            // The manifest, and the search index, which holds the string
            // (the sources page's title) in its word tree.
            ".werkplaats" | "zoekindex.js" => {}
            "404.html" => {
                assert!(text.contains("<h1>ZZNIETHIER</h1>"), "{text}");
                assert!(
                    text.contains("ZZBRONNEN"),
                    "the override extends the built-in base"
                );
            }
            "static/print.css" => assert_eq!(text, "/* eigen */\n"),
            // Everything else is the built-in theme's, but for the string.
            _ => {
                renamed += usize::from(text.contains("ZZBRONNEN"));
                let same = text.replace("ZZBRONNEN", "Bronnen") == want;
                assert!(same, "{} differs from the built-in theme's", rel.display());
            }
        }
    }
    assert!(renamed > 5, "the string shows on every page: {renamed}");
}

#[test]
fn a_broken_override_is_named_by_its_own_path() {
    let kit = Fixture::new();
    kit.write(
        "themes/default/templates/page.html",
        "{% extends \"base.html\" %}\n{% if %}",
    );
    let out = kit.check();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("themes/default/templates/page.html:2"),
        "{err}"
    );
}

/// The English fixture built into a temp folder, and that folder.
fn english() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/english");
    let public = dir.path().join("public");
    let out = run(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--out",
        public.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("waarschuwing:"), "{}", stderr(&out));
    (dir, public)
}

/// The visible text of a page: every text node outside scripts and styles,
/// and the attributes people see or hear.
fn visible_text(doc: &scraper::Html) -> String {
    let mut all = Vec::new();
    for node in doc.root_element().descendants() {
        if let Some(text) = node.value().as_text() {
            let hidden = node.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| matches!(e.name(), "script" | "style"))
            });
            if !hidden {
                all.push(text.to_string());
            }
        }
        if let Some(el) = node.value().as_element() {
            for attr in ["aria-label", "title", "alt", "placeholder"] {
                all.extend(el.attr(attr).map(str::to_string));
            }
        }
    }
    all.join(" ")
}

/// Whether `needle` stands in `text` as whole words.
fn has_words(text: &str, needle: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(needle).any(|(at, _)| {
        !word(text[..at].chars().next_back()) && !word(text[at + needle.len()..].chars().next())
    })
}

fn strings(language: &str) -> BTreeMap<String, String> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("themes/default/i18n")
        .join(format!("{language}.yaml"));
    let text = fs::read_to_string(file).unwrap();
    let mut table = BTreeMap::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        if let Some((k, v)) = line.split_once(": ") {
            table.insert(k.to_string(), v.trim_matches('"').to_string());
        }
    }
    table
}

#[test]
fn an_english_toolkit_shows_no_dutch_ui_string() {
    let (_dir, public) = english();
    let (nl, en) = (strings("nl"), strings("en"));
    assert!(nl.len() > 200, "{}", nl.len());
    // A string both languages write alike (Model, Element, Manager) is no Dutch.
    let dutch: Vec<&String> = nl
        .iter()
        .filter(|(k, v)| en.get(*k) != Some(*v) && v.chars().count() > 2)
        .map(|(_, v)| v)
        .collect();
    // The same check finds the Dutch strings on a Dutch site's home page.
    let dutch_kit = Fixture::new();
    assert!(dutch_kit.build().status.success());
    let home = visible_text(&parse(&dutch_kit.public().join("index.html")));
    assert!(dutch.iter().filter(|d| has_words(&home, d)).count() > 5);
    let pages = ["index.html", "elementen/tru/index.html", "model/index.html"];
    for page in pages {
        let doc = parse(&public.join(page));
        let lang = select(&doc, "html")[0].value().attr("lang");
        assert_eq!(lang, Some("en"), "{page}");
        let text = visible_text(&doc);
        assert!(has_words(&text, &en["nav_elements"]), "{page}: {text}");
        let found: Vec<_> = dutch.iter().filter(|d| has_words(&text, d)).collect();
        assert!(
            found.is_empty(),
            "{page}: Dutch UI strings {found:?} in {text}"
        );
    }
    assert!(
        broken_links(&public).is_empty(),
        "{:?}",
        broken_links(&public)
    );
}

#[test]
fn an_english_toolkit_searches_with_the_english_stemmer_only() {
    let (_dir, public) = english();
    let index = fs::read_to_string(public.join("zoekindex.js")).unwrap();
    assert!(
        index.contains(r#""pipeline":["trimmer","stopWordFilter","stemmer"]"#),
        "{}",
        &index[..index.len().min(400)]
    );
    assert!(
        index.contains(r#""lang":"English""#),
        "the English pipeline"
    );
    let search = parse(&public.join("zoeken/index.html"));
    let scripts: Vec<_> = select(&search, "script[src]")
        .iter()
        .filter_map(|s| s.value().attr("src"))
        .map(str::to_string)
        .collect();
    assert!(
        scripts.iter().any(|s| s.ends_with("elasticlunr.min.js")),
        "{scripts:?}"
    );
    assert!(
        !scripts.iter().any(|s| s.contains("lunr.nl")),
        "{scripts:?}"
    );
}

#[test]
fn a_dutch_toolkit_still_loads_the_dutch_stemmer() {
    let kit = Fixture::new();
    assert!(kit.build().status.success());
    let search = parse(&kit.public().join("zoeken/index.html"));
    let scripts: Vec<_> = select(&search, "script[src]")
        .iter()
        .filter_map(|s| s.value().attr("src"))
        .map(str::to_string)
        .collect();
    assert!(
        scripts.iter().any(|s| s.ends_with("vendor/lunr.nl.js")),
        "{scripts:?}"
    );
}

#[test]
fn eject_writes_into_the_theme_site_yaml_chooses() {
    let kit = Fixture::new();
    kit.edit("site.yaml", "taal: nl\n", "taal: nl\nthema: eigen\n");
    fs::create_dir_all(kit.root().join("themes/eigen")).unwrap();
    kit.eject(Some("templates/page.html"));
    assert!(kit.root().join("themes/eigen/templates/page.html").exists());
    assert!(!kit.root().join("themes/default").exists());
    kit.edit(
        "themes/eigen/templates/page.html",
        "{% block inhoud %}",
        "{% block inhoud %}<p id=\"eigen\">eigen</p>",
    );
    let r = kit.build();
    assert!(r.status.success(), "{}", stderr(&r));
    let page = fs::read_to_string(kit.public().join("over/index.html")).unwrap();
    assert!(
        page.contains("id=\"eigen\""),
        "the ejected file is the one the build uses"
    );
}
