//! The foundation: `new`, `build` and `check` on fixture toolkits, asserting on
//! the HTML, the sitemap, links, exit codes and messages users see.

mod common;

use common::*;
use std::fs;

#[test]
fn new_scaffold_builds_with_every_page_and_working_links() {
    let kit = Fixture::new();
    let out = kit.build();
    assert!(out.status.success(), "{}", stderr(&out));
    let public = kit.public();
    for page in [
        "index.html",
        "model/index.html",
        "elementen/index.html",
        "elementen/abc/index.html",
        "in-gesprek/kennismaken/index.html",
        "procesontwerp/startvragen/index.html",
        "over/index.html",
        "bronnen/index.html",
        "404.html",
        "static/site.css",
    ] {
        assert!(public.join(page).is_file(), "missing {page}");
    }
    assert_eq!(broken_links(&public), Vec::<String>::new());
    // What the build writes and keeps beside the output stays out of version control.
    let ignored = kit.read(".gitignore");
    for line in ["public/", ".public.*", "pdf/"] {
        assert!(ignored.lines().any(|l| l == line), "{line} in {ignored:?}");
    }

    let element = parse(&public.join("elementen/abc/index.html"));
    // As read: without the soft hyphens where long words may break.
    let h1: Vec<String> = select(&element, "h1")
        .iter()
        .map(|h| h.text().collect::<String>().replace('\u{AD}', ""))
        .collect();
    assert_eq!(h1, ["Een voorbeeldelement"]);
    let html = select(&element, "html");
    assert_eq!(html[0].value().attr("lang"), Some("nl"));
    // The element page lists the prompt about it, computed from the prompt's `elementen`.
    let related: Vec<String> = select(&element, ".verwijzingen a")
        .iter()
        .map(|a| a.text().collect())
        .collect();
    assert!(
        related.contains(&"Kennismaken met het element".to_string()),
        "{related:?}"
    );
    // Each page cites its source.
    let cited: Vec<String> = select(&element, "footer.bron a")
        .iter()
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(cited, ["Voorbeeld, 2024"]);
}

#[test]
fn content_links_become_relative_links() {
    let kit = Fixture::new();
    assert!(kit.build().status.success());
    let doc = parse(&kit.public().join("elementen/abc/index.html"));
    let hrefs: Vec<String> = select(&doc, ".tekst a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(hrefs, ["../../in-gesprek/kennismaken/index.html"]);
}

#[test]
fn sitemap_lists_every_page_absolute_with_base_url() {
    let kit = Fixture::new();
    let out = run(&[
        "build",
        "--root",
        kit.root().to_str().unwrap(),
        "--base-url",
        "https://example.org/kit",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let xml = fs::read_to_string(kit.public().join("sitemap.xml")).unwrap();
    let locs: Vec<&str> = xml
        .lines()
        .filter_map(|l| {
            l.trim()
                .strip_prefix("<url><loc>")?
                .strip_suffix("</loc></url>")
        })
        .collect();
    // Print versions (below afdrukken/<paper>/) are marked noindex and left out.
    let print_version = |p: &std::path::Path| {
        p.strip_prefix(kit.public().join("afdrukken"))
            .is_ok_and(|rest| rest.components().count() > 1)
    };
    let pages: Vec<String> = html_files(&kit.public())
        .iter()
        .filter(|p| p.file_name().unwrap() == "index.html" && !print_version(p))
        .map(|p| {
            let rel = p
                .parent()
                .unwrap()
                .strip_prefix(kit.public())
                .unwrap()
                .to_string_lossy()
                .to_string();
            if rel.is_empty() {
                "https://example.org/kit/".to_string()
            } else {
                format!("https://example.org/kit/{rel}/")
            }
        })
        .collect();
    assert_eq!(locs.len(), pages.len(), "{xml}");
    assert!(
        locs.contains(&"https://example.org/kit/afdrukken/"),
        "{xml}"
    );
    for p in &pages {
        assert!(locs.contains(&p.as_str()), "{p} not in sitemap");
    }
}

#[test]
fn raw_html_in_markdown_is_shown_as_text_unless_allowed() {
    let kit = Fixture::new();
    kit.edit(
        "content/paginas/over.md",
        "Wie de toolkit",
        "<script>alert(1)</script> Wie de toolkit",
    );
    assert!(kit.build().status.success());
    let doc = parse(&kit.public().join("over/index.html"));
    assert!(select(&doc, ".tekst script").is_empty());
    let text: String = select(&doc, ".tekst")[0].text().collect();
    assert!(text.contains("<script>alert(1)</script>"), "{text}");

    kit.write("site.yaml", &(kit.read("site.yaml") + "ruwe_html: true\n"));
    assert!(kit.build().status.success());
    let doc = parse(&kit.public().join("over/index.html"));
    assert_eq!(select(&doc, ".tekst script").len(), 1);
}

#[test]
fn template_values_are_escaped() {
    let kit = Fixture::new();
    kit.edit(
        "content/paginas/over.md",
        "titel: Over deze toolkit",
        "titel: \"<img src=x onerror=alert(1)>\"",
    );
    assert!(kit.build().status.success());
    let doc = parse(&kit.public().join("over/index.html"));
    assert!(select(&doc, "img").is_empty());
    let h1: String = select(&doc, "h1")[0].text().collect();
    assert_eq!(h1, "<img src=x onerror=alert(1)>");
}

/// Breaks a working toolkit with `f`, then expects exit 1, a message naming the
/// file and line, and the previous output untouched.
fn broken(file_line: &str, phrase: &str, f: impl Fn(&Fixture)) {
    let kit = Fixture::new();
    let first = kit.build();
    assert!(
        first.status.success(),
        "fixture must build before it is broken"
    );
    let before = snapshot(&kit.public());
    f(&kit);
    for out in [kit.build(), kit.check()] {
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains(file_line), "expected {file_line:?} in:\n{err}");
        assert!(err.contains(phrase), "expected {phrase:?} in:\n{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    assert_eq!(
        snapshot(&kit.public()),
        before,
        "public/ changed after a failed build"
    );
}

#[test]
fn unclosed_front_matter() {
    broken("content/elementen/abc.md:1", "niet afgesloten", |k| {
        k.write(
            "content/elementen/abc.md",
            "---\ncode: ABC\n\n## geen einde\n",
        );
    });
}

#[test]
fn broken_yaml_names_the_file_line() {
    broken(
        "content/in-gesprek/kennismaken.md:2",
        "ongeldige YAML",
        |k| {
            k.edit(
                "content/in-gesprek/kennismaken.md",
                "titel: Kennismaken",
                "titel: \"Kennismaken",
            );
        },
    );
}

#[test]
fn unknown_field_suggests_the_right_one() {
    broken("content/elementen/abc.md:9", "bedoel je \"doel\"?", |k| {
        k.edit("content/elementen/abc.md", "doel:", "doell:");
    });
}

#[test]
fn wrong_type() {
    broken(
        "content/in-gesprek/kennismaken.md:6",
        "verkeerd type",
        |k| {
            k.edit(
                "content/in-gesprek/kennismaken.md",
                "duur: 20",
                "duur: twintig",
            );
        },
    );
}

#[test]
fn missing_required_field() {
    broken(
        "content/procesontwerp/startvragen.md",
        "\"bronnen\" ontbreekt",
        |k| {
            k.edit(
                "content/procesontwerp/startvragen.md",
                "bronnen: [voorbeeld2024]\n",
                "",
            );
        },
    );
}

#[test]
fn duplicate_element_code() {
    broken("content/elementen/dubbel.md:2", "wordt al gebruikt", |k| {
        k.write(
            "content/elementen/dubbel.md",
            &k.read("content/elementen/abc.md"),
        );
    });
}

#[test]
fn unknown_element_code_suggests() {
    broken(
        "content/in-gesprek/kennismaken.md:4",
        "bedoel je \"ABC\"?",
        |k| {
            k.edit(
                "content/in-gesprek/kennismaken.md",
                "elementen: [ABC]",
                "elementen: [ABD]",
            );
        },
    );
}

#[test]
fn unknown_bibliography_key() {
    broken(
        "content/procesontwerp/startvragen.md:9",
        "onbekende bron \"voorbeeld2023\"",
        |k| {
            k.edit(
                "content/procesontwerp/startvragen.md",
                "bronnen: [voorbeeld2024]",
                "bronnen: [voorbeeld2023]",
            );
        },
    );
}

#[test]
fn dead_content_link() {
    broken("content/elementen/abc.md:21", "wijst nergens naar", |k| {
        k.edit(
            "content/elementen/abc.md",
            "@/in-gesprek/kennismaken.md",
            "@/in-gesprek/kennismaak.md",
        );
    });
}

#[test]
fn dead_anchor() {
    broken("content/model.md", "bestaat niet", |k| {
        k.edit("content/model.md", "(@ABC)", "(@ABC#nergens)");
    });
}

#[test]
fn invalid_utf8() {
    broken("content/paginas/over.md:7", "geen geldige UTF-8", |k| {
        let mut bytes = k.read("content/paginas/over.md").into_bytes();
        bytes.extend_from_slice(b"\xff\xfe kapot\n");
        fs::write(k.root().join("content/paginas/over.md"), bytes).unwrap();
    });
}

#[test]
fn template_error_names_template_and_line() {
    broken(
        "themes/default/templates/page.html:3",
        "templatefout",
        |k| {
            k.eject(Some("templates/page.html"));
            k.edit(
                "themes/default/templates/page.html",
                "{% block inhoud %}",
                "{% block inhoud %}{% if %}",
            );
        },
    );
}

#[test]
fn all_problems_are_reported_together() {
    let kit = Fixture::new();
    kit.edit(
        "content/in-gesprek/kennismaken.md",
        "elementen: [ABC]",
        "elementen: [XYZ]",
    );
    kit.edit(
        "content/procesontwerp/startvragen.md",
        "bronnen: [voorbeeld2024]",
        "bronnen: [niets]",
    );
    kit.edit("content/paginas/over.md", "titel:", "tietel:");
    let out = kit.check();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    // Loading fails on over.md, so cross-file checks wait; both load problems and the
    // count show.
    assert!(err.contains("content/paginas/over.md"), "{err}");
    kit.edit("content/paginas/over.md", "tietel:", "titel:");
    let err = stderr(&kit.check());
    assert!(err.contains("XYZ") && err.contains("niets"), "{err}");
    assert!(err.contains("2 fouten"), "{err}");
}

#[test]
fn bom_and_crlf_just_work() {
    let kit = Fixture::new();
    let text = kit.read("content/paginas/over.md").replace('\n', "\r\n");
    fs::write(
        kit.root().join("content/paginas/over.md"),
        [b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat(),
    )
    .unwrap();
    let out = kit.build();
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = parse(&kit.public().join("over/index.html"));
    let h1: String = select(&doc, "h1")[0].text().collect();
    assert_eq!(h1, "Over deze toolkit");
}

#[test]
fn refuses_output_that_holds_the_toolkit() {
    let kit = Fixture::new();
    let root = kit.root();
    for out_dir in [root.clone(), root.join("..")] {
        let out = run(&[
            "build",
            "--root",
            root.to_str().unwrap(),
            "--out",
            out_dir.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert!(stderr(&out).contains("uitvoermap"), "{}", stderr(&out));
    }
    assert!(root.join("content/model.md").is_file());
}

#[test]
fn new_refuses_a_non_empty_folder() {
    let kit = Fixture::new();
    let out = run(&["new", kit.root().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("niet leeg"));
}

#[test]
fn short_flags_and_init_work_and_serve_refuses_json() {
    let dir = tempfile::tempdir().unwrap();
    let kit = dir.path().join("kit");
    let made = run(&["init", kit.to_str().unwrap()]);
    assert!(made.status.success(), "{}", stderr(&made));
    let out = dir.path().join("uit");
    let built = run(&[
        "build",
        "-r",
        kit.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-u",
        "https://example.org/kit/",
    ]);
    assert!(built.status.success(), "{}", stderr(&built));
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("https://example.org/kit/"), "{sitemap}");
    let refused = run(&["serve", "-r", kit.to_str().unwrap(), "--format", "json"]);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    assert!(stderr(&refused).contains("check --format json"));
}

#[test]
fn usage_errors_exit_2_and_every_command_has_help() {
    assert_eq!(run(&["bouw"]).status.code(), Some(2));
    assert_eq!(run(&["build", "--onbekend"]).status.code(), Some(2));
    // Run inside the repository's toolkit, whose `taal: nl` the help follows.
    for cmd in ["build", "check", "new"] {
        let out = run(&[cmd, "--help"]);
        assert!(out.status.success());
        assert!(String::from_utf8_lossy(&out.stdout).contains("Gebruik:"));
    }
}

#[test]
fn an_explicit_heading_id_that_is_taken_is_warned_about() {
    let kit = Fixture::new();
    kit.edit(
        "content/paginas/over.md",
        "Wie de toolkit maakte",
        "## Kop\n\n## Kop {#kop}\n\nWie de toolkit maakte",
    );
    let out = kit.build();
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("content/paginas/over.md:8"), "{err}");
    assert!(err.contains("{#kop} is al gebruikt"), "{err}");
}
