//! Kinds of content: the practice examples (`praktijkvoorbeelden`) as the
//! proof that a kind is one description, on the real toolkit and on fixtures.

mod common;

use common::*;

/// The texts as read: without the soft hyphens where long words may break.
fn texts(doc: &scraper::Html, css: &str) -> Vec<String> {
    select(doc, css)
        .iter()
        .map(|e| e.text().collect::<String>().trim().replace('\u{AD}', ""))
        .collect()
}

/// How many practice examples the real toolkit has.
fn example_files() -> usize {
    std::fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/content/praktijkvoorbeelden"
    ))
    .unwrap()
    .filter(|e| e.as_ref().unwrap().file_name() != "_index.md")
    .count()
}

#[test]
fn the_examples_overview_lists_every_example_with_its_kind_in_group_order() {
    let (_dir, out) = real_site();
    let list = parse(&out.join("praktijkvoorbeelden/index.html"));
    let groups = [
        "De vier werkplaatsen uit het onderzoek",
        "Praktijken uit het WIN-project",
        "Samenwerking in netwerken",
    ];
    // The index's kind filter offers each group once, in the page's order.
    assert_eq!(
        texts(&list, "#methodefilter select[name=groep] option")[1..],
        groups
    );
    // Each card names its kind above its title, the cards a group at a time.
    let kinds = texts(&list, ".kaart .kaart-soort");
    let mut seen: Vec<&String> = Vec::new();
    for k in &kinds {
        if seen.last() != Some(&k) {
            seen.push(k);
        }
    }
    assert_eq!(seen, groups);
    let cards = select(&list, ".kaart h2 a");
    assert_eq!(cards.len(), example_files());
    assert_eq!(kinds.len(), example_files());
    // The introduction from _index.md stands above the list.
    assert!(
        texts(&list, ".tekst p")
            .iter()
            .any(|p| p.contains("drie bronnen"))
    );
    assert!(broken_links(&out).is_empty(), "{:?}", broken_links(&out));
}

#[test]
fn an_example_page_shows_its_facts_sources_and_the_checklists_it_names() {
    let (_dir, out) = real_site();
    let page = parse(&out.join("praktijkvoorbeelden/case-2-revalidatie/index.html"));
    assert_eq!(texts(&page, "h1"), ["Case 2 – revalidatie"]);
    let facts = texts(&page, "dl.gegevens dt, dl.gegevens dd");
    assert!(
        facts.windows(2).any(|w| w == ["Start PW", "2012"]),
        "{facts:?}"
    );
    assert!(
        texts(&page, ".bronnen li, footer li, section li")
            .iter()
            .any(|s| s.contains("Pedagogische"))
    );
    let network = parse(&out.join("praktijkvoorbeelden/scheiden-zonder-schade/index.html"));
    let links = texts(&network, ".verwijzingen li a");
    assert!(links.contains(&"Succesfactoren".to_string()), "{links:?}");
    // The links to checklists are this toolkit's reading, and the page says so.
    assert!(
        texts(&network, "p.noot")
            .iter()
            .any(|n| n.contains("lezing van deze toolkit"))
    );
}

#[test]
fn element_pages_menus_and_search_list_the_examples() {
    let (_dir, out) = real_site();
    let los = parse(&out.join("elementen/los/index.html"));
    let headings = texts(&los, ".verwijzingen h2");
    assert!(headings.contains(&"Praktijkvoorbeelden bij dit element".to_string()));
    let home = parse(&out.join("index.html"));
    assert!(texts(&home, "nav a").contains(&"Praktijkvoorbeelden".to_string()));
    let index = std::fs::read_to_string(out.join("zoekindex.js")).unwrap();
    assert!(index.contains(r#""href":"praktijkvoorbeelden/bic/index.html""#));
    assert!(index.contains(r#""sectie":"Praktijkvoorbeelden""#));
}

#[test]
fn an_example_that_names_a_missing_checklist_is_an_error_at_its_line() {
    let kit = Fixture::new();
    kit.write(
        "content/praktijkvoorbeelden/x.md",
        "---\ntitel: X\nbeschrijving: Y\ngroep: G\nchecklists: [startvrage]\nbronnen: [voorbeeld2024]\n---\nTekst.\n",
    );
    let r = kit.check();
    assert_eq!(r.status.code(), Some(1));
    let err = stderr(&r);
    assert!(err.contains("content/praktijkvoorbeelden/x.md:5"), "{err}");
    assert!(err.contains("bedoel je \"startvragen\"?"), "{err}");
}

#[test]
fn a_toolkit_without_examples_has_no_empty_overview() {
    let kit = Fixture::new();
    let r = kit.build();
    assert!(r.status.success(), "{}", stderr(&r));
    assert!(!kit.public().join("praktijkvoorbeelden").exists());
    let home = parse(&kit.public().join("index.html"));
    assert!(!texts(&home, "nav a").contains(&"Praktijkvoorbeelden".to_string()));
}

#[test]
fn a_theme_copied_before_examples_existed_inherits_their_template() {
    let kit = Fixture::new();
    kit.eject(None);
    std::fs::remove_file(kit.root().join("themes/default/templates/example.html")).unwrap();
    kit.write(
        "content/praktijkvoorbeelden/x.md",
        "---\ntitel: X\nbeschrijving: Y\ngroep: G\nbronnen: [voorbeeld2024]\n---\nTekst.\n",
    );
    let r = kit.build();
    assert!(r.status.success(), "{}", stderr(&r));
    let page = parse(&kit.public().join("praktijkvoorbeelden/x/index.html"));
    assert_eq!(texts(&page, "h1"), ["X"]);
}

#[test]
fn an_overview_introduction_with_an_unknown_field_is_refused() {
    let kit = Fixture::new();
    kit.write(
        "content/procesontwerp/_index.md",
        "---\ntitel: Procesontwerp\nondertitel: x\n---\nInleiding.\n",
    );
    let r = kit.check();
    assert_eq!(r.status.code(), Some(1));
    let err = stderr(&r);
    assert!(err.contains("content/procesontwerp/_index.md:3"), "{err}");
    assert!(err.contains("ondertitel"), "{err}");
}

#[test]
fn an_example_prints_on_its_own_and_in_the_whole_toolkit() {
    let (_dir, out) = real_site();
    let page = parse(&out.join("praktijkvoorbeelden/case-2-revalidatie/index.html"));
    let print: Vec<&str> = select(&page, ".afdruk-actie a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(
        print,
        ["../../afdrukken/a4/praktijkvoorbeelden/case-2-revalidatie/index.html"]
    );
    for paper in ["a4", "letter"] {
        let sheet = parse(&out.join(format!(
            "afdrukken/{paper}/praktijkvoorbeelden/case-2-revalidatie/index.html"
        )));
        let facts = texts(&sheet, "dl.feiten dt, dl.feiten dd");
        assert!(
            facts.windows(2).any(|w| w == ["Start PW", "2012"]),
            "{facts:?}"
        );
        assert!(
            texts(&sheet, ".sectie-bron li")
                .iter()
                .any(|s| s.contains("Pedagogische"))
        );
    }
    let toolkit = parse(&out.join("afdrukken/a4/toolkit/index.html"));
    assert_eq!(
        select(&toolkit, "section.sectie-voorbeeld").len(),
        example_files()
    );
    assert!(
        texts(&toolkit, "a")
            .iter()
            .any(|a| a == "Praktijkvoorbeelden")
    );
}

#[test]
fn the_examples_print_as_a_card_deck_linked_from_their_overview_and_the_hub() {
    let (_dir, out) = real_site();
    let list = parse(&out.join("praktijkvoorbeelden/index.html"));
    let print: Vec<&str> = select(&list, ".afdruk-actie a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(print, ["../afdrukken/a4/voorbeeldkaarten/index.html"]);
    for paper in ["a4", "letter"] {
        for layout in ["", "vouwen/"] {
            let deck = parse(&out.join(format!(
                "afdrukken/{paper}/voorbeeldkaarten/{layout}index.html"
            )));
            assert_eq!(select(&deck, ".kaart-voor").len(), example_files());
            assert_eq!(select(&deck, ".kaart-achter").len(), example_files());
        }
    }
    let deck = parse(&out.join("afdrukken/a4/voorbeeldkaarten/index.html"));
    let front = select(&deck, ".kaart-voor[data-kaart=kaart-case-2-revalidatie]");
    let front: String = front[0].text().collect();
    assert!(front.contains("Case 2 – revalidatie"), "{front}");
    assert!(front.contains("LOS · GOC"), "{front}");
    assert!(front.contains("Bron: Swennenhuis"), "{front}");
    let back = select(&deck, ".kaart-achter[data-kaart=kaart-case-2-revalidatie]");
    let facts = texts(
        &deck,
        ".kaart-achter[data-kaart=kaart-case-2-revalidatie] dd",
    );
    assert!(facts.contains(&"2012".to_string()), "{facts:?}");
    let back: String = back[0].text().collect();
    assert!(back.contains("Wat het laat zien"), "{back}");
    // The toolkit's own reading of which elements an example shows says so.
    let own = texts(
        &deck,
        ".kaart-achter[data-kaart=kaart-new-deals-voor-cultuur-rotterdam] dd",
    );
    assert!(own.iter().any(|f| f.contains("deze toolkit")), "{own:?}");
    let hub = parse(&out.join("afdrukken/index.html"));
    assert!(
        texts(&hub, ".afdruk-naam")
            .iter()
            .any(|n| n == &format!("Voorbeeldkaarten ({}) – dubbelzijdig", example_files()))
    );
}

#[test]
fn an_example_card_that_does_not_fit_names_the_fields_to_shorten() {
    let kit = Fixture::new();
    let long =
        "Een lange zin over wat dit voorbeeld laat zien, zoals de bron het zegt. ".repeat(25);
    kit.write(
        "content/praktijkvoorbeelden/x.md",
        &format!(
            "---\ntitel: X\nbeschrijving: Y\ngroep: G\ncontext: Z\nlaat_zien:\n  - \"{long}\"\nbronnen: [voorbeeld2024]\n---\nTekst.\n"
        ),
    );
    let r = kit.build();
    assert_eq!(r.status.code(), Some(1));
    let err = stderr(&r);
    assert!(
        err.contains("achterkant van de kaart \"X\" past niet"),
        "{err}"
    );
    assert!(err.contains("content/praktijkvoorbeelden/x.md:5"), "{err}");
    assert!(err.contains("`laat_zien`"), "{err}");
}
