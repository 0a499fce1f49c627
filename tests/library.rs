//! Reading the site like a method library: what you do with an element at
//! the top of its page, an on-page contents for long pages, and long Dutch
//! words hyphenated where they would not fit their box.

mod common;

use common::*;
use scraper::ElementRef;

fn text(e: &ElementRef) -> String {
    e.text().collect::<String>().trim().to_string()
}

fn hrefs(doc: &scraper::Html, css: &str) -> Vec<String> {
    select(doc, css)
        .iter()
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect()
}

#[test]
fn element_pages_start_with_what_you_do_linking_the_lists_below() {
    let (_dir, out) = real_site();
    for code in ["los", "sri", "vmm", "goc", "lea", "vor"] {
        let doc = parse(&out.join(format!("elementen/{code}/index.html")));
        let block = select(&doc, "nav.aan-de-slag li");
        let sections = select(&doc, "section.verwijzingen[id]");
        assert!(!block.is_empty(), "{code}: no block");
        assert_eq!(block.len(), sections.len(), "{code}: a line per list below");
        for (line, section) in block.iter().zip(&sections) {
            let inner = |css: &str| scraper::Selector::parse(css).unwrap();
            let id = section.value().attr("id").unwrap();
            let to_section: Vec<&str> = line
                .select(&inner("a.soort"))
                .filter_map(|a| a.value().attr("href"))
                .collect();
            assert_eq!(to_section, [format!("#{id}")], "{code}");
            let links: Vec<&str> = line
                .select(&inner("a:not(.soort)"))
                .filter_map(|a| a.value().attr("href"))
                .collect();
            let below: Vec<&str> = section
                .select(&inner("li a"))
                .filter_map(|a| a.value().attr("href"))
                .collect();
            assert_eq!(links, below, "{code} {id}: the same documents");
            let count = line.select(&inner(".aantal")).next().map(|c| text(&c));
            assert_eq!(count, Some(format!("({})", below.len())), "{code} {id}");
            // A list that is the toolkit's reading says so in the block too.
            let noted_below = section.select(&inner("p.noot")).next().is_some();
            let noted_here = line.select(&inner(".noot")).next().map(|n| text(&n));
            assert_eq!(
                noted_here.is_some(),
                noted_below,
                "{code} {id}: {noted_here:?}"
            );
            if let Some(note) = noted_here {
                assert!(note.contains("lezing van deze toolkit"), "{note}");
            }
        }
        // It stands before the long text.
        let html =
            std::fs::read_to_string(out.join(format!("elementen/{code}/index.html"))).unwrap();
        assert!(html.find("aan-de-slag").unwrap() < html.find("class=\"tekst\"").unwrap());
    }
}

#[test]
fn long_pages_get_an_on_page_contents_of_their_sections() {
    let (_dir, out) = real_site();
    for page in [
        "model/index.html",
        "elementen/goc/index.html",
        "over/index.html",
    ] {
        let doc = parse(&out.join(page));
        let nav = select(&doc, "nav.op-deze-pagina");
        assert_eq!(nav.len(), 1, "{page}");
        let label = nav[0].value().attr("aria-labelledby").unwrap();
        assert_eq!(select(&doc, &format!("#{label}")).len(), 1, "{page}");
        let targets = hrefs(&doc, "nav.op-deze-pagina a");
        let sections: Vec<String> = select(&doc, ".tekst h2[id]")
            .iter()
            .map(|h| format!("#{}", h.value().attr("id").unwrap()))
            .collect();
        assert!(sections.len() >= 3, "{page}");
        assert_eq!(targets, sections, "{page}: every section, in order");
        let titles: Vec<String> = select(&doc, "nav.op-deze-pagina a")
            .iter()
            .map(text)
            .collect();
        let headings: Vec<String> = select(&doc, ".tekst h2[id]").iter().map(text).collect();
        assert_eq!(titles, headings, "{page}");
    }
}

#[test]
fn a_page_of_fewer_than_three_sections_has_no_contents() {
    let kit = Fixture::new();
    let page = |n: usize| {
        let sections: String = (1..=n)
            .map(|i| format!("## Deel {i}\n\nTekst.\n\n"))
            .collect();
        format!("---\ntitel: Pagina {n}\nvolgorde: {n}\n---\n\n{sections}")
    };
    kit.write("content/paginas/twee.md", &page(2));
    kit.write("content/paginas/drie.md", &page(3));
    let out = kit.build();
    assert!(out.status.success(), "{}", stderr(&out));
    let two = parse(&kit.public().join("twee/index.html"));
    assert!(select(&two, "nav.op-deze-pagina").is_empty());
    let three = parse(&kit.public().join("drie/index.html"));
    assert_eq!(
        hrefs(&three, "nav.op-deze-pagina a"),
        ["#deel-1", "#deel-2", "#deel-3"]
    );
}

#[test]
fn long_words_in_titles_are_hyphenated_but_never_in_attributes_or_search() {
    let (_dir, out) = real_site();
    let home = parse(&out.join("index.html"));
    let tiles: Vec<String> = select(&home, ".element-tegel .naam")
        .iter()
        .map(text)
        .collect();
    let goc = tiles
        .iter()
        .find(|t| t.replace('\u{AD}', "").starts_with("Grensoverstijgende"))
        .expect("the GOC tile");
    assert!(goc.contains('\u{AD}'), "{goc:?}");
    assert_eq!(
        goc.replace('\u{AD}', ""),
        "Grensoverstijgende en ontwikkelingsgerichte cultuur"
    );
    let element = parse(&out.join("elementen/goc/index.html"));
    let h1 = select(&element, "h1").iter().map(text).next().unwrap();
    assert!(h1.contains('\u{AD}'), "{h1:?}");
    // Titles in the head, attributes and the search index keep the plain word.
    let title = select(&element, "title").iter().map(text).next().unwrap();
    assert!(!title.contains('\u{AD}'), "{title:?}");
    for page in [
        "index.html",
        "in-gesprek/index.html",
        "procesontwerp/index.html",
    ] {
        let html = std::fs::read_to_string(out.join(page)).unwrap();
        for attr in html.split('"').skip(1).step_by(2) {
            assert!(!attr.contains('\u{AD}'), "{page}: attribute {attr:?}");
        }
    }
    let index = std::fs::read_to_string(out.join("zoekindex.js")).unwrap();
    assert!(!index.contains('\u{AD}') && !index.contains("\\u00ad"));
}
