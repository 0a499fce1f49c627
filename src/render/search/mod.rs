//! Search: an index built at build time, searched in the browser.
//!
//! The index is an elasticlunr index (the format mdBook uses), built here with
//! `elasticlunr-rs` and a Dutch Snowball stemmer, so *samenwerken* and
//! *samenwerking* meet at one stem. It is written as a script that assigns a
//! global (`zoekindex.js`), not as JSON to fetch: browsers refuse `fetch()` from
//! `file://`, and the site must work opened from disk. The theme's `zoeken.js`
//! loads it with the same pipeline (elasticlunr.js and the matching Dutch
//! stemmer from lunr-languages) and shows results with their section and a
//! snippet.
//!
//! What is indexed is the text a reader sees on each content page, taken from
//! the typed content (not scraped from HTML). Overview pages and the home page
//! are left out: they only repeat what the pages they list say.

mod lunr;

use crate::content::Toolkit;
use crate::content::kind::AnyDoc;
use crate::routes::Route;
#[cfg(test)]
use elasticlunr::IndexBuilder;
use pulldown_cmark::{Event, Parser, TagEnd};
use rayon::prelude::*;
use serde::Serialize;

/// The output path of the index script, below the site root.
pub const INDEX_FILE: &str = "zoekindex.js";

/// Where the search page goes.
pub fn route() -> Route {
    Route("zoeken/".into())
}

/// One searchable page.
#[derive(Debug, Clone, Serialize)]
pub struct SearchDoc {
    /// Path from the site root, e.g. `elementen/los/index.html`.
    pub href: String,
    pub titel: String,
    /// The section the page belongs to, shown with each result.
    pub sectie: String,
    /// Plain text, for the index and for snippets.
    pub tekst: String,
}

/// Every content page as plain text.
pub fn documents(t: &Toolkit, strings: &crate::render::Strings) -> Vec<SearchDoc> {
    let s = |k: &str| strings.label(k);
    let home = Route::home();
    let doc = |route: &Route, titel: String, sectie: String, tekst: String| SearchDoc {
        href: home.link_to(route),
        titel,
        sectie,
        tekst,
    };
    let mut docs = vec![doc(
        &Route::model(),
        t.model.meta.titel.clone(),
        s("nav_model"),
        text_of(&t.model),
    )];
    // Free pages are most of a large site: text is taken on all cores.
    for shelf in t.docs.iter() {
        let section = s(shelf.info().search_label);
        if let Some(intro) = t.intros.get(shelf.info().folder) {
            let route = Route::list(shelf.info());
            docs.push(doc(
                &route,
                intro.meta.titel.clone(),
                section.clone(),
                text_of(intro),
            ));
        }
        docs.par_extend((0..shelf.len()).into_par_iter().map(|i| {
            let d = shelf.doc(i);
            doc(
                &Route::on_shelf(shelf, i),
                d.heading(),
                section.clone(),
                text_of(d),
            )
        }));
    }
    let refs = join(t.bibliography.values().map(|r| r.tekst.as_str()));
    docs.push(doc(
        &Route::bibliography(),
        s("nav_sources"),
        s("nav_sources"),
        refs,
    ));
    docs
}

/// What a reader sees on a document's page: its front-matter texts, then
/// the body without markup.
fn text_of(d: &dyn AnyDoc) -> String {
    let body = plain_text(d.body());
    join(d.texts().into_iter().chain([body.as_str()]))
}

/// The non-empty parts, trimmed, separated by spaces.
fn join<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The index script: `window.werkplaatsZoekindex = {index, docs};`.
/// `None` when `stopped` says the render was given up.
pub fn index_script(
    docs: &[SearchDoc],
    language: &str,
    stopped: &(dyn Fn() -> bool + Sync),
) -> Option<String> {
    let fields: Vec<Vec<&str>> = docs
        .iter()
        .map(|d| vec![d.titel.as_str(), d.tekst.as_str()])
        .collect();
    let mut script = String::from(
        "// Search index of this site, made by werkplaats at build time.\nwindow.werkplaatsZoekindex = {\"index\":",
    );
    // Appended rather than formatted: at 10,000 pages the index is 60 MB.
    script.push_str(&lunr::index_json(
        language,
        &["titel", "tekst"],
        &fields,
        stopped,
    )?);
    script.push_str(",\"docs\":");
    script.push_str(&serde_json::to_string(docs).unwrap_or_else(|_| "[]".into()));
    script.push_str("};\n");
    Some(script)
}

/// Dutch gets its stemmer and stop words; other languages fall back to English.
#[cfg(test)]
fn builder(language: &str) -> IndexBuilder {
    IndexBuilder::with_language(lunr::language_of(language))
}

/// The text of a Markdown body, without markup.
fn plain_text(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    for event in Parser::new(body) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock,
            ) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stem the index stores for `word` (for tests of what the browser must match).
    fn stem(word: &str, language: &str) -> Vec<String> {
        let mut index: elasticlunr::Index = builder(language).add_field("t").build();
        index.add_doc("0", [word]);
        let json: serde_json::Value = serde_json::from_str(&index.to_json()).unwrap_or_default();
        let mut out = Vec::new();
        collect_terms(&json["index"]["t"]["root"], String::new(), &mut out);
        out
    }

    fn collect_terms(node: &serde_json::Value, prefix: String, out: &mut Vec<String>) {
        let Some(map) = node.as_object() else { return };
        if map
            .get("docs")
            .and_then(|d| d.as_object())
            .is_some_and(|d| !d.is_empty())
        {
            out.push(prefix.clone());
        }
        for (k, child) in map {
            if k != "docs" && k != "df" {
                collect_terms(child, format!("{prefix}{k}"), out);
            }
        }
    }

    #[test]
    fn dutch_stemming_joins_verb_and_noun() {
        assert_eq!(stem("samenwerken", "nl"), stem("samenwerking", "nl"));
        assert_eq!(stem("Samenwerken", "nl"), ["samenwerk"]);
        // Stop words are not indexed.
        assert_eq!(stem("het", "nl"), Vec::<String>::new());
    }

    #[test]
    fn plain_text_drops_markup() {
        assert_eq!(
            plain_text("## Kop\n\nZie [LOS](@LOS) en *dit*.\n\n- een\n- twee"),
            "Kop Zie LOS en dit. een twee"
        );
    }

    #[test]
    fn index_script_assigns_a_global() {
        let docs = vec![SearchDoc {
            href: "a/index.html".into(),
            titel: "Samenwerking".into(),
            sectie: "Elementen".into(),
            tekst: "Lerend samenwerken".into(),
        }];
        let js = index_script(&docs, "nl", &|| false).expect("not stopped");
        let json = js
            .split_once("window.werkplaatsZoekindex = ")
            .and_then(|(_, j)| j.trim_end().strip_suffix(';'))
            .unwrap();
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(v["docs"][0]["href"], "a/index.html");
        assert_eq!(
            v["index"]["pipeline"],
            serde_json::json!(["trimmer-du", "stopWordFilter-du", "stemmer-du"])
        );
    }
}
