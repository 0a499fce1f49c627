//! Browsing: the model diagram, related links computed from bodies, the search
//! index, sharing tags and the manifest, on the real toolkit and on fixtures.

mod common;

use common::*;
use scraper::ElementRef;
use std::fs;
use std::path::Path;

/// Element colours by code, read from the content files.
fn content_colours() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/elementen");
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        let field = |name: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(name))
                .unwrap()
                .trim()
                .trim_matches('"')
                .to_string()
        };
        out.push((field("code:"), field("kleur:")));
    }
    out.sort();
    out
}

fn attr<'a>(el: &ElementRef<'a>, name: &str) -> &'a str {
    el.value().attr(name).unwrap_or_default()
}

fn text(el: &ElementRef) -> String {
    el.text().collect::<Vec<_>>().join(" ")
}

#[test]
fn home_diagram_links_all_six_elements_with_names_and_colours() {
    let (_dir, out) = real_site();
    let home = parse(&out.join("index.html"));
    for variant in [".modeldiagram-breed", ".modeldiagram-smal"] {
        let svg = select(&home, &format!("svg{variant}"));
        assert_eq!(svg.len(), 1, "{variant}");
        // The SVG has an accessible name.
        let labelled = attr(&svg[0], "aria-labelledby");
        let title = select(&home, &format!("svg{variant} title#{labelled}"));
        assert!(text(&title[0]).contains("LOS in PW"), "{variant}");

        let links = select(&home, &format!("svg{variant} a.diagram-element"));
        let mut codes: Vec<String> = links
            .iter()
            .map(|a| attr(a, "data-code").to_string())
            .collect();
        codes.sort();
        assert_eq!(
            codes,
            ["GOC", "LEA", "LOS", "SRI", "VMM", "VOR"],
            "{variant}"
        );
        for a in &links {
            let code = attr(a, "data-code");
            let href = attr(a, "href");
            assert_eq!(
                href,
                format!("elementen/{}/index.html", code.to_lowercase())
            );
            assert!(out.join(href).is_file(), "{href}");
            let label = attr(a, "aria-label");
            let card = parse(&out.join(href));
            // The heading's soft hyphens (where long words may break) are not read.
            let name = text(&select(&card, ".element-kop h1")[0]).replace('\u{AD}', "");
            assert!(
                label.starts_with(&format!("{code} {name}")),
                "{label} / {name}"
            );
        }
        // Colours come from the element files.
        for (code, colour) in content_colours() {
            let shape = select(
                &home,
                &format!("svg{variant} a[data-code=\"{code}\"] .vorm"),
            );
            assert_eq!(attr(&shape[0], "fill"), colour, "{code}");
        }
    }
    // Aanleiding and opbrengsten are part of the drawing.
    let wide: String = text(&select(&home, "svg.modeldiagram-breed")[0]);
    assert!(wide.contains("Urgentiebesef"), "{wide}");
    assert!(wide.contains("Nieuwe verbindingen"), "{wide}");
}

#[test]
fn diagram_places_elements_as_the_model_arranges_them() {
    let (_dir, out) = real_site();
    let home = parse(&out.join("index.html"));
    let y_of = |code: &str| -> f64 {
        let shape = select(
            &home,
            &format!("svg.modeldiagram-breed a[data-code=\"{code}\"] .vorm"),
        );
        match shape[0].value().attr("y") {
            Some(y) => y.parse().unwrap(),
            // The culture band is a path: its first point is its top.
            None => attr(&shape[0], "d")
                .split([',', ' '])
                .nth(1)
                .unwrap()
                .parse()
                .unwrap(),
        }
    };
    // Instrumental above the centre, interpersonal below; GOC's band encloses LOS.
    assert!(y_of("SRI") < y_of("GOC") && y_of("VMM") < y_of("GOC"));
    assert!(y_of("GOC") < y_of("LOS"));
    assert!(y_of("LEA") > y_of("LOS") && y_of("VOR") > y_of("LOS"));
}

#[test]
fn element_pages_show_where_they_are_in_the_model() {
    let (_dir, out) = real_site();
    let page = parse(&out.join("elementen/sri/index.html"));
    let map = select(&page, "nav.waar-in-model svg a.diagram-element");
    assert_eq!(map.len(), 6);
    let current: Vec<&str> = map
        .iter()
        .filter(|a| a.value().attr("aria-current") == Some("page"))
        .map(|a| attr(a, "data-code"))
        .collect();
    assert_eq!(current, ["SRI"]);
    for a in &map {
        let href = attr(a, "href");
        assert!(href.starts_with("../../elementen/"), "{href}");
    }
    // Breadcrumbs and previous/next are there too.
    assert_eq!(select(&page, ".kruimels a").len(), 2);
    assert_eq!(select(&page, ".vorige-volgende a").len(), 2);
}

#[test]
fn editing_the_model_yaml_changes_the_diagram() {
    let kit = Fixture::new();
    kit.write(
        "content/elementen/def.md",
        &kit.read("content/elementen/abc.md")
            .replace("code: ABC", "code: DEF")
            .replace(
                "naam: Een voorbeeldelement",
                "naam: Tweede <b>&</b> \"element\"",
            )
            .replace("#1f5f7a", "#7b2d6e")
            .replace("volgorde: 1", "volgorde: 2"),
    );
    kit.edit(
        "content/model.md",
        "instrumenteel: []",
        "instrumenteel: [DEF]",
    );
    kit.edit("content/elementen/abc.md", "#1f5f7a", "#2e6b30");
    let r = kit.build();
    assert!(r.status.success(), "{}", stderr(&r));
    let home = parse(&kit.public().join("index.html"));
    let links = select(&home, "svg.modeldiagram-breed a.diagram-element");
    let codes: Vec<&str> = links.iter().map(|a| attr(a, "data-code")).collect();
    assert_eq!(
        codes,
        ["DEF", "ABC"],
        "instrumental row first, then the centre"
    );
    let def = select(&home, "svg.modeldiagram-breed a[data-code=\"DEF\"]");
    // Content text is escaped in the SVG: no element made from it, the text intact.
    assert!(select(&home, "svg b").is_empty());
    assert!(
        text(&def[0]).contains("Tweede <b>&</b>"),
        "{}",
        text(&def[0])
    );
    assert!(attr(&def[0], "aria-label").contains("Tweede <b>&</b> \"element\""));
    let fill = |code: &str| {
        let s = select(
            &home,
            &format!("svg.modeldiagram-breed a[data-code=\"{code}\"] .vorm"),
        );
        attr(&s[0], "fill").to_string()
    };
    assert_eq!(fill("ABC"), "#2e6b30");
    assert_eq!(fill("DEF"), "#7b2d6e");
    assert_eq!(broken_links(&kit.public()), Vec::<String>::new());
}

#[test]
fn light_element_colour_warns_and_gets_dark_text() {
    let kit = Fixture::new();
    kit.edit("content/elementen/abc.md", "#1f5f7a", "#ffd700");
    let r = kit.build();
    assert!(r.status.success(), "a warning does not fail the build");
    let err = stderr(&r);
    assert!(err.contains("te weinig contrast"), "{err}");
    assert!(err.contains("content/elementen/abc.md"), "{err}");
    let home = parse(&kit.public().join("index.html"));
    let code = select(&home, "svg.modeldiagram-breed a[data-code=\"ABC\"] text");
    assert_eq!(attr(&code[0], "fill"), "#1d2328");
}

#[test]
fn element_cards_list_prompts_and_checklists_that_link_to_them() {
    let kit = Fixture::new();
    // Linked from the body only (no `elementen:` in front matter).
    kit.write(
        "content/procesontwerp/verwezen.md",
        "---\ntitel: Verwezen checklist\nitems:\n  - tekst: Een punt\nbronnen: [voorbeeld2024]\n---\n\nZie [het element](@ABC#toelichting).\n",
    );
    kit.write(
        "content/in-gesprek/via-pad.md",
        &kit.read("content/in-gesprek/kennismaken.md")
            .replace(
                "titel: Kennismaken met het element",
                "titel: Gesprek via pad",
            )
            .replace("elementen: [ABC]\n", "")
            .replace(
                "Tips voor de begeleider komen hier.",
                "Lees [de kaart](@/elementen/abc.md).",
            ),
    );
    // Only mentions the code in text: not a link, not listed.
    kit.write(
        "content/procesontwerp/genoemd.md",
        "---\ntitel: Alleen genoemd\nitems:\n  - tekst: Een punt\nbronnen: [voorbeeld2024]\n---\n\nOver ABC, zonder link.\n",
    );
    let r = kit.build();
    assert!(r.status.success(), "{}", stderr(&r));
    let page = parse(&kit.public().join("elementen/abc/index.html"));
    let related: Vec<String> = select(&page, ".verwijzingen a").iter().map(text).collect();
    assert!(
        related.contains(&"Verwezen checklist".to_string()),
        "{related:?}"
    );
    assert!(
        related.contains(&"Gesprek via pad".to_string()),
        "{related:?}"
    );
    assert!(
        related.contains(&"Kennismaken met het element".to_string()),
        "{related:?}"
    );
    assert!(
        !related.contains(&"Alleen genoemd".to_string()),
        "{related:?}"
    );
}

#[test]
fn search_index_covers_every_content_page_with_dutch_pipeline() {
    let (_dir, out) = real_site();
    let js = fs::read_to_string(out.join("zoekindex.js")).unwrap();
    let json = js
        .split_once("window.werkplaatsZoekindex = ")
        .and_then(|(_, j)| j.trim_end().strip_suffix(';'))
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(
        v["index"]["pipeline"],
        serde_json::json!(["trimmer-du", "stopWordFilter-du", "stemmer-du"])
    );
    let docs = v["docs"].as_array().unwrap();
    let hrefs: Vec<&str> = docs.iter().map(|d| d["href"].as_str().unwrap()).collect();
    for page in [
        "model/index.html",
        "elementen/los/index.html",
        "in-gesprek/focusgroep-lea/index.html",
        "procesontwerp/deep-democracy/index.html",
        "over/index.html",
        "bronnen/index.html",
    ] {
        assert!(hrefs.contains(&page), "{page} not indexed");
    }
    for d in docs {
        let href = d["href"].as_str().unwrap();
        assert!(out.join(href).is_file(), "{href}");
        assert!(!d["sectie"].as_str().unwrap().is_empty());
        assert!(d["tekst"].as_str().unwrap().len() > 50, "{href}");
    }
    // The search page loads the index and the theme's scripts, all local.
    let search = parse(&out.join("zoeken/index.html"));
    let scripts: Vec<&str> = select(&search, "script[src]")
        .iter()
        .map(|s| attr(s, "src"))
        .collect();
    assert!(scripts.contains(&"../zoekindex.js"), "{scripts:?}");
    assert_eq!(select(&search, "form[role=search] input#zoekveld").len(), 1);
}

#[test]
fn every_page_has_a_header_search_and_sharing_tags() {
    let (_dir, out) = real_site();
    // Print versions are noindex pages without the site's header.
    let print = |f: &std::path::Path| {
        let s = f.to_string_lossy();
        s.contains("/afdrukken/a4/") || s.contains("/afdrukken/letter/")
    };
    for file in html_files(&out).into_iter().filter(|f| !print(f)) {
        let doc = parse(&file);
        let name = file.display().to_string();
        let og = |p: &str| select(&doc, &format!("meta[property=\"{p}\"]"));
        assert_eq!(og("og:title").len(), 1, "{name}");
        assert_eq!(og("og:type").len(), 1, "{name}");
        assert!(
            og("og:url").is_empty(),
            "no og:url without a base URL: {name}"
        );
        assert_eq!(select(&doc, "meta[name=description]").len(), 1, "{name}");
        assert_eq!(select(&doc, "link[rel=manifest]").len(), 1, "{name}");
        assert!(
            !select(&doc, "title")[0]
                .text()
                .collect::<String>()
                .is_empty()
        );
        if !name.ends_with("zoeken/index.html") {
            let form = select(&doc, "header form[role=search]");
            assert_eq!(form.len(), 1, "{name}");
            assert!(attr(&form[0], "action").ends_with("zoeken/index.html"));
        }
    }
    assert_eq!(broken_links(&out), Vec::<String>::new());
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("manifest.webmanifest")).unwrap())
            .unwrap();
    assert_eq!(manifest["name"], "LOS in PW");
    for icon in manifest["icons"].as_array().unwrap() {
        let src = icon["src"].as_str().unwrap();
        assert!(out.join(src).is_file(), "{src}");
    }
}

#[test]
fn open_graph_urls_are_absolute_with_a_base_url() {
    let kit = Fixture::new();
    let r = run(&[
        "build",
        "--root",
        kit.root().to_str().unwrap(),
        "--base-url",
        "https://example.org/kit",
    ]);
    assert!(r.status.success(), "{}", stderr(&r));
    let doc = parse(&kit.public().join("elementen/abc/index.html"));
    let url = select(&doc, "meta[property=\"og:url\"]");
    assert_eq!(
        attr(&url[0], "content"),
        "https://example.org/kit/elementen/abc/"
    );
    let image = select(&doc, "meta[property=\"og:image\"]");
    assert_eq!(
        attr(&image[0], "content"),
        "https://example.org/kit/static/icoon-512.png"
    );
    let title = select(&doc, "meta[property=\"og:title\"]");
    assert_eq!(attr(&title[0], "content"), "ABC – Een voorbeeldelement");
}

#[test]
fn bibliography_is_ordered_as_a_reference_list_not_by_key() {
    let kit = Fixture::new();
    // The scaffold cites voorbeeld2024 ("Voorbeeld, A. (2024) …"); keys and
    // texts sort differently, and one author is written in lower case.
    kit.write(
        "content/bronnen.yaml",
        "a-eerst:\n  kort: Zwart, 2020\n  tekst: \"Zwart, Z. (2020). Laatste werk.\"\n\
         voorbeeld2024:\n  kort: Voorbeeld, 2024\n  tekst: \"Voorbeeld, A. (2024). Een werk.\"\n\
         z-laatst:\n  kort: Aarts, 2019\n  tekst: \"Aarts, A. (2019). Eerste werk.\"\n\
         m-midden:\n  kort: maas, z.d.\n  tekst: \"maas, M. (z.d.). Middelste werk.\"\n",
    );
    let out = kit.build();
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = parse(&kit.public().join("bronnen/index.html"));
    let ids: Vec<String> = select(&doc, "ul.bibliografie li")
        .iter()
        .map(|li| attr(li, "id").to_string())
        .collect();
    assert_eq!(ids, ["z-laatst", "m-midden", "voorbeeld2024", "a-eerst"]);
}

#[test]
fn overview_pages_and_printed_cards_cite_their_sources() {
    let (_dir, out) = real_site();
    // Every overview cites what it shows; the procesontwerp checklists all
    // cite the same slides, so that index names just those.
    for page in [
        "index.html",
        "elementen/index.html",
        "in-gesprek/index.html",
        "procesontwerp/index.html",
        "reflectiescan/index.html",
        "sessieplanner/index.html",
    ] {
        let doc = parse(&out.join(page));
        let cited = select(&doc, "footer.bron li a");
        assert!(!cited.is_empty(), "{page} cites no source");
        for a in &cited {
            assert!(attr(a, "href").contains("bronnen/index.html#"), "{page}");
        }
    }
    let checklists = parse(&out.join("procesontwerp/index.html"));
    let cited: Vec<String> = select(&checklists, "footer.bron li a")
        .iter()
        .map(text)
        .collect();
    assert_eq!(cited, ["Zunderdorp, z.d."]);
    for deck in ["elementkaarten", "gesprekskaarten"] {
        let doc = parse(&out.join(format!("afdrukken/a4/{deck}/index.html")));
        let fronts = select(&doc, "article.kaart-voor");
        assert!(!fronts.is_empty(), "{deck}");
        for card in fronts {
            let bron = card
                .select(&scraper::Selector::parse(".kaart-bron").unwrap())
                .next()
                .map(|b| text(&b))
                .unwrap_or_default();
            assert!(bron.starts_with("Bron: "), "{deck}: {bron:?}");
        }
    }
}

#[test]
fn element_pages_mark_the_toolkits_own_links_as_its_reading() {
    let (_dir, out) = real_site();
    let doc = parse(&out.join("elementen/los/index.html"));
    let notes: Vec<String> = select(&doc, "section.verwijzingen")
        .iter()
        .filter(|s| {
            let heading = text(
                &s.select(&scraper::Selector::parse("h2").unwrap())
                    .next()
                    .unwrap(),
            );
            heading.contains("Checklists") || heading.contains("Verwante")
        })
        .map(|s| {
            s.select(&scraper::Selector::parse("p.noot").unwrap())
                .next()
                .map(|p| text(&p))
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(notes.len(), 2, "{notes:?}");
    for note in notes {
        assert!(note.contains("lezing van deze toolkit"), "{note:?}");
    }
}

#[test]
fn prompts_about_one_element_explain_it_on_page_and_worksheet() {
    let (_dir, out) = real_site();
    let one = |css: &str, doc: &scraper::Html| -> String {
        select(doc, css).first().map(text).unwrap_or_default()
    };
    let los = parse(&out.join("elementen/los/index.html"));
    let kern = one(".element-kop .lead", &los);
    let wat: Vec<String> = select(&los, ".wdb .wat li").iter().map(text).collect();
    assert!(!kern.is_empty() && !wat.is_empty());
    for page in [
        "in-gesprek/focusgroep-los/index.html",
        "afdrukken/a4/in-gesprek/focusgroep-los/index.html",
        "afdrukken/letter/in-gesprek/focusgroep-los/index.html",
    ] {
        let doc = parse(&out.join(page));
        let shown = one(".element-uitleg .lead, .element-uitleg .kern", &doc);
        assert_eq!(shown, kern, "{page}");
        let shown_wat: Vec<String> = select(&doc, ".element-uitleg .wat li")
            .iter()
            .map(text)
            .collect();
        assert_eq!(shown_wat, wat, "{page}");
        for list in ["doel", "benodigdheden"] {
            let css = format!(".element-uitleg .{list} li");
            assert!(!select(&doc, &css).is_empty(), "{page}: {list}");
        }
    }
    // A prompt about no single element has none to explain.
    let several = parse(&out.join("in-gesprek/model-in-duos/index.html"));
    assert!(select(&several, ".element-uitleg").is_empty());
}

#[test]
fn a_prompt_with_a_choice_of_element_explains_every_element() {
    let kit = Fixture::new();
    kit.write(
        "content/elementen/def.md",
        &kit.read("content/elementen/abc.md")
            .replace("code: ABC", "code: DEF")
            .replace("Eén zin die de kern", "Een tweede zin die de kern")
            .replace("volgorde: 1", "volgorde: 2"),
    );
    kit.edit(
        "content/model.md",
        "instrumenteel: []",
        "instrumenteel: [DEF]",
    );
    let prompt = kit.read("content/in-gesprek/kennismaken.md");
    kit.write(
        "content/in-gesprek/kies.md",
        &prompt
            .replace("elementen: [ABC]", "elementkeuze: true")
            .replace("Kennismaken met het element", "Kies een element"),
    );
    let r = kit.build();
    assert!(r.status.success(), "{}", stderr(&r));
    let out = kit.public();
    let page = parse(&out.join("in-gesprek/kies/index.html"));
    let kerns: Vec<String> = select(&page, ".element-keuze details .lead")
        .iter()
        .map(text)
        .collect();
    assert_eq!(kerns.len(), 2, "one explanation per element");
    assert!(kerns[0].starts_with("Eén zin") && kerns[1].starts_with("Een tweede"));
    assert!(select(&page, ".element-keuze details a[href*='elementen/']").len() == 2);
    // The worksheet asks which element was chosen; a prompt without the
    // choice has no such field and no list of elements.
    let sheet = parse(&out.join("afdrukken/a4/in-gesprek/kies/index.html"));
    assert_eq!(select(&sheet, ".werkblad-keuze").len(), 1);
    let plain = parse(&out.join("in-gesprek/kennismaken/index.html"));
    assert!(select(&plain, ".element-keuze").is_empty());
    let plain_sheet = parse(&out.join("afdrukken/a4/in-gesprek/kennismaken/index.html"));
    assert!(select(&plain_sheet, ".werkblad-keuze").is_empty());
}

/// A fixture with `n` elements: ABC at the centre, the others in one row.
fn kit_with_elements(n: usize) -> Fixture {
    let kit = Fixture::new();
    let abc = kit.read("content/elementen/abc.md");
    let letter = |k: usize| char::from(b'A' + k as u8);
    let codes: Vec<String> = (0..n - 1)
        .map(|i| format!("E{}{}", letter(i / 26), letter(i % 26)))
        .collect();
    for (i, code) in codes.iter().enumerate() {
        kit.write(
            &format!("content/elementen/{}.md", code.to_lowercase()),
            &abc.replace("code: ABC", &format!("code: {code}"))
                .replace(
                    "naam: Een voorbeeldelement",
                    &format!("naam: Element met een lange naam {i}"),
                )
                .replace("volgorde: 1", &format!("volgorde: {}", i + 2)),
        );
    }
    kit.edit(
        "content/model.md",
        "instrumenteel: []",
        &format!("instrumenteel: [{}]", codes.join(", ")),
    );
    kit
}

/// Each element box of the drawing `svg` (x, y, width, height), and its viewBox.
fn element_boxes(doc: &scraper::Html, svg: &str) -> (Vec<[f64; 4]>, [f64; 2]) {
    let num = |el: &ElementRef, a: &str| attr(el, a).parse::<f64>().unwrap();
    let boxes = select(doc, &format!("{svg} a.diagram-element rect.vorm"))
        .iter()
        .map(|r| [num(r, "x"), num(r, "y"), num(r, "width"), num(r, "height")])
        .collect();
    let view = select(doc, svg)[0];
    let v: Vec<f64> = attr(&view, "viewBox")
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect();
    (boxes, [v[2], v[3]])
}

#[test]
fn diagrams_of_7_and_20_elements_wrap_their_rows_without_overlap() {
    for n in [7, 20] {
        let kit = kit_with_elements(n);
        let r = kit.build();
        assert!(r.status.success(), "{}", stderr(&r));
        let home = parse(&kit.public().join("index.html"));
        let page = parse(&kit.public().join("elementen/eaa/index.html"));
        for (doc, svg, min_w) in [
            (&home, "svg.modeldiagram-breed", 100.0),
            (&home, "svg.modeldiagram-smal", 100.0),
            (&page, "nav.waar-in-model svg", 40.0),
        ] {
            let (boxes, [w, h]) = element_boxes(doc, svg);
            // ABC at the centre is drawn too.
            assert_eq!(boxes.len(), n, "{n} elements in {svg}");
            for (i, a) in boxes.iter().enumerate() {
                assert!(a[2] >= min_w, "{n}, {svg}: box {i} is {} wide", a[2]);
                assert!(
                    a[0] >= 0.0 && a[0] + a[2] <= w,
                    "{n}, {svg}: box {i} inside"
                );
                assert!(
                    a[1] >= 0.0 && a[1] + a[3] <= h,
                    "{n}, {svg}: box {i} inside"
                );
                for b in &boxes[i + 1..] {
                    let apart = a[0] + a[2] <= b[0]
                        || b[0] + b[2] <= a[0]
                        || a[1] + a[3] <= b[1]
                        || b[1] + b[3] <= a[1];
                    assert!(apart, "{n}, {svg}: {a:?} overlaps {b:?}");
                }
            }
        }
    }
}

#[test]
fn a_model_without_aanleiding_and_opbrengsten_draws_no_empty_columns() {
    let kit = Fixture::new();
    kit.edit(
        "content/model.md",
        "aanleiding:\n  - Een reden om samen te werken\nopbrengsten:\n  - Wat de samenwerking oplevert\n",
        "",
    );
    let r = kit.build();
    assert!(r.status.success(), "{}", stderr(&r));
    let home = parse(&kit.public().join("index.html"));
    for svg in ["svg.modeldiagram-breed", "svg.modeldiagram-smal"] {
        assert!(select(&home, &format!("{svg} .kolom")).is_empty(), "{svg}");
        assert!(select(&home, &format!("{svg} .pijl")).is_empty(), "{svg}");
        assert_eq!(select(&home, &format!("{svg} a.diagram-element")).len(), 1);
    }
    // Only the core is drawn: the wide drawing is as wide as the core.
    let (boxes, [w, _]) = element_boxes(&home, "svg.modeldiagram-breed");
    assert!(w < boxes[0][2] + 40.0, "{w} for a core of {}", boxes[0][2]);
}

#[test]
fn a_model_too_large_to_draw_shows_its_flow_as_lists() {
    let kit = kit_with_elements(25);
    let r = kit.build();
    assert!(r.status.success(), "{}", stderr(&r));
    let home = parse(&kit.public().join("index.html"));
    assert!(select(&home, "svg.modeldiagram").is_empty());
    let lists = text(&select(&home, ".model-stroom-lijsten")[0]);
    assert!(lists.contains("Een reden om samen te werken"), "{lists}");
    assert!(lists.contains("Wat de samenwerking oplevert"), "{lists}");
}
