use super::*;

#[test]
fn dangerous_schemes_despite_case_and_blanks() {
    for url in [
        "javascript:x",
        " JavaScript:x",
        "java\tscript:x",
        "vb\u{1}script:",
        "DATA:text",
    ] {
        assert!(is_dangerous_url(url), "{url:?}");
    }
    for url in ["https://x", "javascript", "data", "@LOS", "", "datum:"] {
        assert!(!is_dangerous_url(url), "{url:?}");
    }
}

#[test]
fn scan_finds_what_links_finds() {
    let body = "# Kop\n\n[a](@LOS) ![b](x.png)\n\n## Kop {#eigen}\n\n### [Kop](y)\n";
    let scanned = scan(body);
    assert_eq!(scanned.links, links(body));
    assert_eq!(scanned.heading_ids, ["kop", "eigen", "kop-2"]);
}

#[test]
fn rendered_once_for_any_depth_is_what_each_depth_renders() {
    let mut links = LinkTable::default();
    links.insert("LOS", Route("elementen/los/".into()));
    links.insert_file("bestanden/foto.jpg", "bestanden/foto.jpg".into());
    let body = "[a](@LOS#wat) ![foto](@/bestanden/foto.jpg) [b](https://example.org/%20) \
                [c](../x) ![d](@ONBEKEND)\n\n<b>ruw</b> en `code`";
    for raw in [false, true] {
        let any = to_html_any_depth(body, &links, raw).expect("no marker in the body");
        for route in ["", "elementen/los/", "afdrukken/a4/paginas/x/"] {
            let from = Route(route.into());
            let own = to_html(
                body,
                &RenderContext {
                    links: &links,
                    from: &from,
                    allow_raw_html: raw,
                },
            );
            assert_eq!(at_depth(&any, from.depth()), own, "{route:?}");
        }
    }
    for body in [
        "tekst \u{FDD0}",
        "[x](https://x/%EF%B7%90)",
        "[x](https://example.org/&#xFDD0;)",
        "![x](a&#64976;.png) [a](@LOS)",
        "[r]\n\n[r]: https://e.org/&#xfdd0;",
    ] {
        assert!(to_html_any_depth(body, &links, false).is_none(), "{body}");
    }
}

fn render(body: &str, raw: bool) -> String {
    let mut links = LinkTable::default();
    links.insert("LOS", Route("elementen/los/".into()));
    links.insert("elementen/los.md", Route("elementen/los/".into()));
    let from = Route("in-gesprek/x/".into());
    to_html(
        body,
        &RenderContext {
            links: &links,
            from: &from,
            allow_raw_html: raw,
        },
    )
}

#[test]
fn resolves_content_links_relatively() {
    let html = render("[a](@LOS) [b](@/elementen/los.md#wat)", false);
    assert!(
        html.contains(r#"href="../../elementen/los/index.html""#),
        "{html}"
    );
    assert!(
        html.contains(r#"href="../../elementen/los/index.html#wat""#),
        "{html}"
    );
}

#[test]
fn raw_html_is_text_unless_allowed() {
    assert!(render("<script>x</script>", false).contains("&lt;script&gt;"));
    assert!(render("<b>x</b>", true).contains("<b>x</b>"));
}

#[test]
fn javascript_links_are_dropped_and_external_get_rel() {
    let html = render("[a](javascript:alert(1)) [b](https://example.org)", false);
    assert!(!html.contains("javascript"), "{html}");
    assert!(html.contains(r#"rel="noopener noreferrer""#), "{html}");
}

#[test]
fn headings_get_unique_ids() {
    let html = render("## Wat is dit?\n\n## Wat is dit?\n", false);
    assert!(html.contains(r#"id="wat-is-dit""#), "{html}");
    assert!(html.contains(r#"id="wat-is-dit-2""#), "{html}");
    assert_eq!(
        heading_ids("## Wat is dit?\n\n## Wat is dit?\n"),
        ["wat-is-dit", "wat-is-dit-2"]
    );
}

#[test]
fn heading_ids_skip_ids_taken_by_other_headings() {
    let body = "## A\n\n## A-2 {#a-2}\n\n## A\n\n## A\n\n## A-3\n\n## A\n";
    assert_eq!(
        heading_ids(body),
        ["a", "a-2", "a-3", "a-4", "a-3-2", "a-5"]
    );
}

#[test]
fn an_explicit_id_already_taken_is_reported() {
    let scanned = scan("## Kop\n\n## Kop {#kop}\n\n## Ander {#eigen}\n");
    assert_eq!(scanned.heading_ids, ["kop", "kop-2", "eigen"]);
    assert_eq!(
        scanned.renamed,
        [RenamedId {
            wanted: "kop".into(),
            given: "kop-2".into(),
            offset: 8
        }]
    );
}

#[test]
fn headings_keep_only_plain_ids_and_classes() {
    let body = "## Kop {onclick=alert(2) style=position:fixed #eigen .klasse .a\"b}\n\n\
                ## Twee {#a\"b data-x}\n";
    let html = render(body, false);
    let doc = scraper::Html::parse_fragment(&html);
    let heads: Vec<_> = doc
        .select(&scraper::Selector::parse("h2").expect("selector"))
        .map(|h| {
            let mut attrs: Vec<_> = h.value().attrs().collect();
            attrs.sort();
            format!("{attrs:?}")
        })
        .collect();
    assert_eq!(
        heads,
        [
            r#"[("class", "klasse"), ("id", "eigen")]"#,
            r#"[("id", "twee")]"#
        ],
        "{html}"
    );
    let scanned = scan(body);
    assert_eq!(scanned.heading_ids, ["eigen", "twee"]);
    let dropped: Vec<_> = scanned
        .dropped
        .iter()
        .map(|d| (d.attribute.as_str(), d.offset))
        .collect();
    assert_eq!(
        dropped,
        [
            (".a\"b", 0),
            ("onclick=alert(2)", 0),
            ("style=position:fixed", 0),
            ("#a\"b", 68),
            ("data-x", 68)
        ]
    );
}

#[test]
fn smart_punctuation_and_tables() {
    let html = render("\"ja\"\n\n|a|b|\n|-|-|\n|1|2|\n", false);
    assert!(html.contains('“'), "{html}");
    assert!(html.contains("<table>"), "{html}");
}

#[test]
fn sections_are_the_second_level_headings_with_the_ids_the_page_has() {
    let body = "# Titel\n\n## Eerste *deel*\n\ntekst\n\n### Dieper\n\n## Tom & Jerry {#eigen}\n\n## Eerste deel\n";
    let html = render(body, false);
    assert_eq!(
        sections(&html),
        [
            Section {
                id: "eerste-deel".into(),
                titel: "Eerste deel".into()
            },
            Section {
                id: "eigen".into(),
                titel: "Tom & Jerry".into()
            },
            Section {
                id: "eerste-deel-2".into(),
                titel: "Eerste deel".into()
            },
        ]
    );
    // Every listed id is an id of the page.
    for s in sections(&html) {
        assert!(html.contains(&format!("id=\"{}\"", s.id)), "{html}");
    }
}
