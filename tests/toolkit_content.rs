//! The LOS in PW toolkit's own content checks, not the generator's: they pin
//! what the sources say about this model (six elements, nine kenmerken, the
//! counts of the procesontwerp checklists, …) so that an edit cannot silently
//! drop a part of it. An editor who changes the content on purpose changes the
//! check here; the generator's behaviour is tested in the other test files,
//! on fixture toolkits, and never depends on these numbers.

mod common;

use common::*;
use std::path::Path;
use werkplaats::content::AspectOrigin;

fn real() -> werkplaats::Validated {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let loaded = werkplaats::load(root).unwrap_or_else(|f| panic!("{:?}", f.problems));
    werkplaats::validate(loaded).unwrap_or_else(|f| panic!("{:?}", f.problems))
}

#[test]
fn six_elements_with_the_models_codes_and_complete_cards() {
    let v = real();
    let t = &v.toolkit();
    let mut codes: Vec<&str> = t.elements().iter().map(|e| e.meta.code.as_str()).collect();
    codes.sort_unstable();
    assert_eq!(codes, ["GOC", "LEA", "LOS", "SRI", "VMM", "VOR"]);
    for e in t.elements() {
        let m = &e.meta;
        assert!(
            !m.wat.is_empty() && !m.doel.is_empty() && !m.benodigdheden.is_empty(),
            "{}",
            m.code
        );
        assert!(!m.aspecten.is_empty(), "{} has no aspects", m.code);
        assert!(!m.bronnen.is_empty(), "{} cites no source", m.code);
        assert!(!e.body.trim().is_empty(), "{} has no narrative", m.code);
        assert!(m.citaten.len() <= 2, "{}: at most two quotations", m.code);
        let prompts = t
            .prompts()
            .iter()
            .filter(|p| p.meta.elementen.contains(&m.code))
            .count();
        assert!(prompts >= 1, "no prompt about {}", m.code);
    }
    // Only LOS's aspects come from the article (figure 2); the rest are the toolkit's own.
    let los = t.element("LOS").unwrap();
    assert_eq!(los.meta.aspecten_herkomst, AspectOrigin::Model);
    assert_eq!(los.meta.aspecten.len(), 5);
    for e in t.elements().iter().filter(|e| e.meta.code != "LOS") {
        assert_eq!(
            e.meta.aspecten_herkomst,
            AspectOrigin::Toolkit,
            "{}",
            e.meta.code
        );
    }
}

#[test]
fn the_model_places_each_element_as_the_article_does() {
    let v = real();
    let m = &v.toolkit().model.meta;
    assert_eq!(m.ordening.kern, ["LOS"]);
    assert_eq!(m.ordening.cultuur, ["GOC"]);
    assert_eq!(m.ordening.instrumenteel, ["SRI", "VMM"]);
    assert_eq!(m.ordening.interpersoonlijk, ["LEA", "VOR"]);
    assert_eq!(m.kenmerken.len(), 9, "nine kenmerken");
    assert_eq!(m.aanleiding.len(), 3, "three aanleidingen");
    assert_eq!(m.opbrengsten.len(), 5, "five opbrengsten");
}

#[test]
fn prompts_and_checklists_are_complete_and_cited() {
    let v = real();
    let t = &v.toolkit();
    assert!(
        t.prompts().len() >= 10,
        "every exercise of the sources is a prompt"
    );
    for p in t.prompts() {
        assert!(!p.meta.vragen.is_empty(), "{}", p.slug);
        assert!(!p.meta.bronnen.is_empty(), "{}", p.slug);
    }
    let counts: Vec<(&str, usize)> = t
        .checklists()
        .iter()
        .map(|c| (c.slug.as_str(), c.meta.items.len()))
        .collect();
    assert!(t.checklists().len() >= 9, "{counts:?}");
    for c in t.checklists() {
        assert!(!c.meta.items.is_empty(), "{} is empty", c.slug);
        assert!(!c.meta.bronnen.is_empty(), "{} cites no source", c.slug);
    }
    let count = |slug: &str| {
        t.checklists()
            .iter()
            .find(|c| c.slug == slug)
            .map(|c| c.meta.items.len())
    };
    assert_eq!(count("kenmerken-krachtige-samenwerking"), Some(10));
    assert_eq!(count("basisvragen"), Some(6));
    assert_eq!(count("succesfactoren"), Some(5));
    for p in t.pages() {
        assert!(
            !p.meta.bronnen.is_empty(),
            "page {} cites no source",
            p.slug
        );
    }
}

#[test]
fn check_passes_without_warnings_and_every_link_resolves() {
    let v = real();
    assert!(v.warnings().is_empty(), "{:?}", v.warnings());
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let root = env!("CARGO_MANIFEST_DIR");
    let r = run(&["build", "--root", root, "--out", out.to_str().unwrap()]);
    assert!(r.status.success(), "{}", stderr(&r));
    assert_eq!(broken_links(&out), Vec::<String>::new());
    // A page per element, prompt and checklist.
    let t = &v.toolkit();
    let pages = html_files(&out).len();
    assert!(
        pages
            >= 1 + 1
                + 3
                + t.elements().len()
                + t.prompts().len()
                + t.checklists().len()
                + t.pages().len()
    );
}
