//! The reflection scan and the session planner in the build output: the
//! statements come from the elements' aspects, the intervention links from the
//! prompts' and checklists' `elementen`, the thresholds from `site.yaml`, and
//! both pages are reachable from the home page and the menu. What the pages do
//! in a browser is tested in tests/browser/scan.test.mjs and planner.test.mjs.

mod common;

use common::*;
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

fn real() -> werkplaats::Validated {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let loaded = werkplaats::load(root).unwrap_or_else(|f| panic!("{:?}", f.problems));
    werkplaats::validate(loaded).unwrap_or_else(|f| panic!("{:?}", f.problems))
}

fn build_real(out: &Path) {
    let root = env!("CARGO_MANIFEST_DIR");
    let r = run(&["build", "--root", root, "--out", out.to_str().unwrap()]);
    assert!(r.status.success(), "{}", stderr(&r));
}

fn text(el: &scraper::ElementRef) -> String {
    el.text().collect::<String>().trim().to_string()
}

/// The value a page's `data.js` assigns to `window.<global>`.
fn data_script(path: &Path, global: &str) -> serde_json::Value {
    let js = fs::read_to_string(path).unwrap();
    let json = js
        .strip_prefix(&format!("window.{global} = "))
        .and_then(|s| s.trim_end().strip_suffix(';'))
        .unwrap_or_else(|| panic!("{} does not assign window.{global}", path.display()));
    serde_json::from_str(json).unwrap()
}

#[test]
fn the_scan_asks_every_aspect_of_the_six_elements() {
    let v = real();
    let t = &v.toolkit();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    build_real(&out);
    let page = parse(&out.join("reflectiescan/index.html"));

    let sections = select(&page, "section.scan-element");
    let codes: Vec<&str> = sections
        .iter()
        .filter_map(|s| s.value().attr("data-code"))
        .collect();
    assert_eq!(codes, ["LOS", "GOC", "SRI", "VMM", "LEA", "VOR"]);
    for (section, e) in sections.iter().zip(t.elements()) {
        let code = &e.meta.code;
        let doc = scraper::Html::parse_fragment(&section.html());
        let legends: Vec<String> = select(&doc, "fieldset.uitspraak legend")
            .iter()
            .map(text)
            .collect();
        let aspects: Vec<&str> = e.meta.aspecten.iter().map(|a| a.text()).collect();
        assert_eq!(legends, aspects, "{code}: one statement per aspect");
        for (i, fieldset) in select(&doc, "fieldset.uitspraak").iter().enumerate() {
            let f = scraper::Html::parse_fragment(&fieldset.html());
            let radios = select(&f, "label > input[type=radio]");
            let values: Vec<&str> = radios
                .iter()
                .filter_map(|r| r.value().attr("value"))
                .collect();
            assert_eq!(values, ["1", "2", "3", "4", "5", "?"], "{code} {i}");
            let name = format!("{code}-{i}");
            assert!(radios.iter().all(|r| r.value().attr("name") == Some(&name)));
        }
        // Where the aspects come from: the article for LOS, the toolkit for the rest.
        let origin = text(&select(&doc, ".herkomst")[0]);
        // Each cites its works, linked into the bibliography.
        let cited: Vec<&str> = select(&doc, ".herkomst a.bron")
            .iter()
            .filter_map(|a| a.value().attr("href"))
            .collect();
        if code == "LOS" {
            assert_eq!(
                origin,
                "Deze aspecten komen uit de bron. Bron: Swennenhuis e.a., z.d. (Pedagogische Studiën), figuur 2."
            );
            assert_eq!(cited, ["../bronnen/index.html#artikel-los-in-pw"]);
        } else {
            assert!(
                origin.contains("uitwerking van deze toolkit")
                    && origin.contains("Wat, Doel en Benodigdheden komen uit: Moresi & Snoeren, z.d.; Duinkerke & Moresi, z.d."),
                "{code}: {origin}"
            );
            assert_eq!(
                cited,
                [
                    "../bronnen/index.html#win-workshop",
                    "../bronnen/index.html#win-presentatie"
                ]
            );
        }
        assert_eq!(select(&doc, &format!("textarea#notitie-{code}")).len(), 1);
    }
    let all: String = select(&page, "main").iter().map(text).collect();
    assert!(all.contains("geen gevalideerd meetinstrument"));
    assert!(all.contains("Er wordt niets verstuurd"));

    // For each element, the same prompts and checklists its card lists as related
    // (named under `elementen` or linking to it from their body).
    for e in t.elements() {
        let code = &e.meta.code;
        let card = parse(&out.join(format!("elementen/{}/index.html", code.to_lowercase())));
        let titles: BTreeSet<String> = t
            .prompts()
            .iter()
            .map(|p| p.meta.titel.clone())
            .chain(t.checklists().iter().map(|c| c.meta.titel.clone()))
            .collect();
        let expected: BTreeSet<String> = select(&card, ".verwijzingen a")
            .iter()
            .map(text)
            .filter(|title| titles.contains(title))
            .collect();
        for p in t
            .prompts()
            .iter()
            .filter(|p| p.meta.elementen.contains(code))
        {
            assert!(expected.contains(&p.meta.titel), "{code}: {}", p.meta.titel);
        }
        let linked: BTreeSet<String> = select(
            &page,
            &format!(".duiding-element[data-code={code}] .interventie a"),
        )
        .iter()
        .map(text)
        .collect();
        assert!(!expected.is_empty(), "{code} has something to work on it");
        assert_eq!(linked, expected, "{code}");
    }

    // What the script gets: the same statements and the roles, and no thresholds.
    let data = data_script(&out.join("reflectiescan/data.js"), "WERKPLAATS_SCAN");
    assert!(data.get("drempels").is_none(), "the scan has no norms");
    for verdict in [
        "Sterk:",
        "In ontwikkeling",
        "Aandacht:",
        "eerst te bespreken",
    ] {
        assert!(!all.contains(verdict), "no verdict {verdict:?} on the page");
    }
    for (d, e) in data["elementen"]
        .as_array()
        .unwrap()
        .iter()
        .zip(t.elements())
    {
        assert_eq!(d["code"], e.meta.code.as_str());
        assert_eq!(d["kleur"], e.meta.kleur.as_str());
        assert_eq!(d["uitspraken"], serde_json::json!(e.meta.aspecten));
    }
    let roles: Vec<&str> = data["rollen"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["waarde"].as_str())
        .collect();
    assert_eq!(
        roles,
        [
            "student",
            "professional",
            "docent",
            "bruggenbouwer",
            "manager",
            "client",
            "anders"
        ]
    );
    assert_eq!(data["t"]["rol_bruggenbouwer"], "Bruggenbouwer");
    assert_eq!(broken_links(&out), Vec::<String>::new());
}

#[test]
fn the_planner_offers_every_prompt_and_checklist_with_sheets_and_cards() {
    let v = real();
    let t = &v.toolkit();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    build_real(&out);
    let page = parse(&out.join("sessieplanner/index.html"));
    let options = |id: &str| -> Vec<String> {
        select(&page, &format!("#{id} option"))
            .iter()
            .filter_map(|o| o.value().attr("value").map(str::to_string))
            .collect()
    };
    let prompts: Vec<String> = t.prompts().iter().map(|p| p.slug.clone()).collect();
    let checklists: Vec<String> = t.checklists().iter().map(|c| c.slug.clone()).collect();
    assert_eq!(options("kies-gesprek"), prompts);
    assert_eq!(options("kies-checklist"), checklists);
    let sheets: Vec<String> = select(&page, ".afdruk-blad")
        .iter()
        .filter_map(|s| s.value().attr("data-slug").map(str::to_string))
        .collect();
    assert_eq!(sheets, [prompts.clone(), checklists].concat());
    let cards: Vec<&str> = select(&page, ".afdruk-kaart")
        .iter()
        .filter_map(|c| c.value().attr("data-code"))
        .collect();
    assert_eq!(cards, ["LOS", "GOC", "SRI", "VMM", "LEA", "VOR"]);
    let free: Vec<&str> = select(&page, "button.voeg-vrij")
        .iter()
        .filter_map(|b| b.value().attr("data-soort"))
        .collect();
    assert_eq!(free, ["welkom", "pauze", "afronding"]);

    // Durations default to the prompt's `duur`; a prompt about the model as a
    // whole brings all element cards to the print.
    let data = data_script(&out.join("sessieplanner/data.js"), "WERKPLAATS_PLANNER");
    for (d, p) in data["gesprekken"]
        .as_array()
        .unwrap()
        .iter()
        .zip(t.prompts())
    {
        assert_eq!(d["slug"], p.slug.as_str());
        assert_eq!(d["duur"], p.meta.duur);
        let cards = d["kaarten"].as_array().unwrap().len();
        if p.meta.elementen.is_empty() {
            assert_eq!(cards, 6, "{}", p.slug);
        } else {
            assert_eq!(cards, p.meta.elementen.len(), "{}", p.slug);
        }
        assert_eq!(
            d["href"],
            format!("../in-gesprek/{}/index.html", p.slug).as_str()
        );
    }
}

#[test]
fn both_pages_are_reachable_from_home_and_the_menu_and_listed_in_the_sitemap() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    build_real(&out);
    let home = parse(&out.join("index.html"));
    let hrefs = |doc: &scraper::Html, css: &str| -> Vec<String> {
        select(doc, css)
            .iter()
            .filter_map(|a| a.value().attr("href").map(str::to_string))
            .collect()
    };
    assert_eq!(
        hrefs(&home, ".instrumenten a"),
        ["reflectiescan/index.html", "sessieplanner/index.html"]
    );
    let los = parse(&out.join("elementen/los/index.html"));
    let nav = hrefs(&los, ".kop nav a");
    assert!(nav.contains(&"../../reflectiescan/index.html".to_string()));
    assert!(nav.contains(&"../../sessieplanner/index.html".to_string()));
    let scan = parse(&out.join("reflectiescan/index.html"));
    let current: Vec<String> = select(&scan, ".kop nav a[aria-current=page]")
        .iter()
        .map(text)
        .collect();
    assert_eq!(current, ["Reflectiescan"]);
    // Content may link to them with plain relative links, as the toolkit's routes do.
    let routes = parse(&out.join("werken-met-de-toolkit/index.html"));
    let linked = hrefs(&routes, "main a");
    assert!(linked.contains(&"../reflectiescan/index.html".to_string()));
    assert!(linked.contains(&"../sessieplanner/index.html".to_string()));
    let sitemap = fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("reflectiescan/") && sitemap.contains("sessieplanner/"));
}

#[test]
fn the_scaffold_gets_both_pages_for_its_one_element() {
    let kit = Fixture::new();
    let out = kit.build();
    assert!(out.status.success(), "{}", stderr(&out));
    let page = parse(&kit.public().join("reflectiescan/index.html"));
    assert_eq!(select(&page, "section.scan-element").len(), 1);
    assert_eq!(select(&page, "fieldset.uitspraak").len(), 1);
    let planner = parse(&kit.public().join("sessieplanner/index.html"));
    assert_eq!(select(&planner, ".afdruk-blad").len(), 2);
    assert_eq!(broken_links(&kit.public()), Vec::<String>::new());
}

#[test]
fn the_scan_takes_no_thresholds_from_site_yaml() {
    let kit = Fixture::new();
    kit.edit(
        "site.yaml",
        "taal: nl\n",
        "taal: nl\nreflectiescan:\n  sterk: 4\n",
    );
    for out in [kit.build(), kit.check()] {
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("site.yaml:"), "{err}");
        assert!(err.contains("reflectiescan"), "the old key is named: {err}");
    }
}

#[test]
fn free_pages_cannot_take_the_addresses_of_the_scan_or_the_planner() {
    for slug in ["reflectiescan", "sessieplanner"] {
        let kit = Fixture::new();
        kit.write(
            &format!("content/paginas/{slug}.md"),
            "---\ntitel: Dubbel\nvolgorde: 2\n---\n\nTekst.\n",
        );
        let out = kit.check();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("al een onderdeel van de site"), "{err}");
    }
}

#[test]
fn the_scan_file_examples_in_the_docs_follow_the_schema_and_todays_ids() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("schemas/reflectiescan.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let doc = std::fs::read_to_string(root.join("docs/scan-file.md")).unwrap();
    let examples: Vec<serde_json::Value> = doc
        .split("```json\n")
        .skip(1)
        .map(|block| serde_json::from_str(block.split("```").next().unwrap()).unwrap())
        .collect();
    assert_eq!(examples.len(), 2, "a version 2 and a version 1 example");
    for example in &examples {
        let errors: Vec<String> = validator
            .iter_errors(example)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
    // A value that is no answer is not a valid file.
    let mut bad = examples[0].clone();
    bad["elementen"]["LOS"]["aspecten"][0]["antwoord"] = serde_json::json!(9);
    assert!(!validator.is_valid(&bad));

    // The documented ids are the ones the real scan uses.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    build_real(&out);
    let data = data_script(&out.join("reflectiescan/data.js"), "WERKPLAATS_SCAN");
    let los = &data["elementen"][0];
    assert_eq!(los["code"], "LOS");
    for (i, a) in examples[0]["elementen"]["LOS"]["aspecten"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
    {
        assert_eq!(a["id"], los["ids"][i], "aspect {i}");
        assert_eq!(a["tekst"], los["uitspraken"][i], "aspect {i}");
    }
    assert!(
        data["versie"]
            .as_str()
            .is_some_and(|v| v.len() == 8 && v.chars().all(|c| c.is_ascii_hexdigit()))
    );
}

#[test]
fn a_prompt_minimum_longer_than_the_prompt_is_an_error_at_its_line() {
    let kit = Fixture::new();
    kit.edit(
        "content/in-gesprek/kennismaken.md",
        "duur: 20\n",
        "duur: 20\nmin_duur: 30\n",
    );
    let r = kit.check();
    assert_eq!(r.status.code(), Some(1));
    let err = stderr(&r);
    assert!(err.contains("content/in-gesprek/kennismaken.md:7"), "{err}");
    assert!(err.contains("`min_duur` is 30"), "{err}");
}

#[test]
fn the_planner_knows_each_prompts_shortest_block() {
    let kit = Fixture::new();
    kit.edit(
        "content/in-gesprek/kennismaken.md",
        "duur: 20\n",
        "duur: 20\nmin_duur: 15\n",
    );
    let r = kit.build();
    assert!(r.status.success(), "{}", stderr(&r));
    let data = kit.read("public/sessieplanner/data.js");
    assert!(data.contains("\"min_duur\":15"), "{data}");
}

#[test]
fn the_scan_and_the_planner_print_on_the_sites_paper() {
    for (papier, size) in [("a4", "A4"), ("letter", "letter")] {
        let kit = common::Fixture::new();
        kit.edit(
            "site.yaml",
            "taal: nl\n",
            &format!("taal: nl\npapier: {papier}\n"),
        );
        let r = kit.build();
        assert!(r.status.success(), "{}", common::stderr(&r));
        for page in ["reflectiescan", "sessieplanner"] {
            let html = std::fs::read_to_string(kit.public().join(page).join("index.html"));
            let html = html.expect("page");
            let rule = format!("@page {{ size: {size}; }}");
            assert!(html.contains(&rule), "{page} with papier: {papier}");
        }
    }
}

#[test]
fn an_aspect_id_set_by_hand_keeps_its_answers_when_the_text_changes() {
    let kit = common::Fixture::new();
    let abc = "content/elementen/abc.md";
    kit.edit(
        abc,
        "aspecten:\n  - Een aspect om op te reflecteren\n",
        "aspecten:\n  - tekst: Een nieuwe tekst voor het aspect\n    id: een-aspect-om-op-te-reflecteren\n  - Een tweede aspect\n",
    );
    let r = kit.build();
    assert!(r.status.success(), "{}", common::stderr(&r));
    let data = data_script(
        &kit.public().join("reflectiescan/data.js"),
        "WERKPLAATS_SCAN",
    );
    let abc_data = &data["elementen"][0];
    assert_eq!(
        abc_data["ids"],
        serde_json::json!(["een-aspect-om-op-te-reflecteren", "een-tweede-aspect"])
    );
    assert_eq!(
        abc_data["uitspraken"][0],
        "Een nieuwe tekst voor het aspect"
    );

    for (id, message) in [
        (
            "Een Aspect",
            "mag alleen kleine letters, cijfers en - bevatten",
        ),
        (
            "een-tweede-aspect\n  - tekst: Nog een\n    id: een-tweede-aspect",
            "twee aspecten hebben de id",
        ),
    ] {
        let kit = common::Fixture::new();
        kit.edit(
            abc,
            "aspecten:\n  - Een aspect om op te reflecteren\n",
            &format!("aspecten:\n  - tekst: Een aspect\n    id: {id}\n"),
        );
        let r = kit.check();
        assert_eq!(r.status.code(), Some(1), "{id}");
        let err = common::stderr(&r);
        assert!(err.contains(message), "{err}");
        assert!(err.contains("abc.md:13"), "at `aspecten:`: {err}");
    }
}

#[test]
fn the_scans_progress_line_is_announced() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    build_real(&out);
    let page = parse(&out.join("reflectiescan/index.html"));
    let line = select(&page, "#voortgang");
    assert_eq!(line[0].value().attr("role"), Some("status"));
}

/// `rollen` in site.yaml sets the scan's roles: their keys, in that order,
/// with the labels the toolkit's theme strings give; a role without a label
/// is a warning naming the text to add, and a bad list is an error.
#[test]
fn the_scans_roles_come_from_site_yaml() {
    let kit = Fixture::new();
    kit.edit("site.yaml", "titel:", "rollen: [lid, begeleider]\ntitel:");
    kit.write("themes/default/i18n/nl.yaml", "rol_lid: Teamlid\n");
    let out = kit.build();
    assert!(out.status.success(), "{}", stderr(&out));
    let warnings = stderr(&out);
    assert!(warnings.contains("\"rol_begeleider\""), "{warnings}");
    assert!(warnings.contains("rol_begeleider: …"), "{warnings}");
    let data = data_script(
        &kit.public().join("reflectiescan/data.js"),
        "WERKPLAATS_SCAN",
    );
    let roles: Vec<(&str, &str)> = (data["rollen"].as_array().unwrap().iter())
        .map(|r| (r["waarde"].as_str().unwrap(), r["label"].as_str().unwrap()))
        .collect();
    assert_eq!(
        roles,
        [("lid", "Teamlid"), ("begeleider", "rol_begeleider")]
    );

    kit.edit(
        "site.yaml",
        "rollen: [lid, begeleider]",
        "rollen: [lid, Lid, lid]",
    );
    let out = kit.check();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("site.yaml:2"), "{err}");
    assert!(err.contains("\"Lid\" is geen sleutel"), "{err}");
    assert!(err.contains("\"lid\" twee keer"), "{err}");
}

/// `werkvormen` in site.yaml sets the work forms prompts may name, labelled
/// by the theme's `werkvorm_<key>` strings; a prompt naming another is an
/// error at its line with the closest one.
#[test]
fn work_forms_come_from_site_yaml() {
    let kit = Fixture::new();
    let prompt = std::fs::read_dir(kit.root().join("content/in-gesprek"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "md"))
        .unwrap();
    let rel = prompt
        .strip_prefix(kit.root())
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let text = kit.read(&rel);
    let line = text
        .lines()
        .find(|l| l.starts_with("werkvorm:"))
        .unwrap()
        .to_string();
    kit.edit(&rel, &line, "werkvorm: [wandelgesprek]");
    let out = kit.check();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("onbekende werkvorm \"wandelgesprek\""),
        "{err}"
    );
    assert!(err.contains("werkvormen:"), "{err}");

    kit.edit(
        "site.yaml",
        "titel:",
        "werkvormen: [wandelgesprek, plenair]\ntitel:",
    );
    kit.write(
        "themes/default/i18n/nl.yaml",
        "werkvorm_wandelgesprek: al wandelend\n",
    );
    let out = kit.build();
    assert!(out.status.success(), "{}", stderr(&out));
    let slug = prompt.file_stem().unwrap().to_str().unwrap();
    let page =
        fs::read_to_string(kit.public().join(format!("in-gesprek/{slug}/index.html"))).unwrap();
    assert!(
        page.contains("al wandelend"),
        "the label on the prompt's page"
    );

    kit.edit(
        &rel,
        "werkvorm: [wandelgesprek]",
        "werkvorm: [wandelgesprk]",
    );
    let err = stderr(&kit.check());
    assert!(err.contains("bedoel je \"wandelgesprek\"?"), "{err}");
}
