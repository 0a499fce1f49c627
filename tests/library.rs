//! Reading the site like a method library: what you do with an element at
//! the top of its page.

mod common;

use common::*;
use scraper::ElementRef;

fn text(e: &ElementRef) -> String {
    e.text().collect::<String>().trim().to_string()
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
