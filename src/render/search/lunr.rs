//! An elasticlunr index, built on all cores.
//!
//! `elasticlunr-rs` adds documents one at a time and runs every word through
//! its language pipeline (a regex trimmer, stop words, a Snowball stemmer); at
//! 10,000 pages that is millions of words on one core, and most of a build's
//! time. Here the crate's own tokenizer and pipeline still decide what a term
//! is, but each page's words are counted on all cores, each different word goes
//! through the pipeline once per thread, and the counted terms are put in the
//! same trie the crate builds. The JSON is the crate's format (elasticlunr.js
//! 0.9.5), which the browser loads; a test compares it with the crate's own.

use elasticlunr::lang::Language;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;

/// The index format's version, as elasticlunr.js checks it.
const VERSION: &str = "0.9.5";

/// The field that holds a document's reference.
const REF: &str = "id";

/// Builds the index JSON of `docs`, each given as one text per field of `fields`;
/// `None` when `stopped` says the render was given up.
pub fn index_json(
    language: &str,
    fields: &[&str],
    docs: &[Vec<&str>],
    stopped: &(dyn Fn() -> bool + Sync),
) -> Option<String> {
    let words = words_of(language, docs, stopped);
    if stopped() {
        return None;
    }
    let terms = Terms::of(language, &words);
    if stopped() {
        return None;
    }
    // Per document and field: how often each term occurs, and how many terms.
    let counted: Vec<Vec<(HashMap<&str, u64>, usize)>> = words
        .par_iter()
        .map(|doc| doc.iter().map(|w| terms.count(w)).collect())
        .collect();
    let (mut postings, store) = postings_of(fields, &counted);
    if stopped() {
        return None;
    }
    write_index(language, fields, &mut postings, &store)
}

/// The different words of every field of every document, each with how
/// often it occurs there, counted on all cores.
fn words_of(
    language: &str,
    docs: &[Vec<&str>],
    stopped: &(dyn Fn() -> bool + Sync),
) -> Vec<Vec<Words>> {
    docs.par_iter()
        .map_init(
            || language_of(language),
            |lang, doc| {
                if stopped() {
                    return Vec::new();
                }
                doc.iter()
                    .map(|text| {
                        let mut words = Words::new();
                        for word in lang.tokenize(text) {
                            *words.entry(word).or_insert(0) += 1;
                        }
                        words
                    })
                    .collect()
            },
        )
        .collect()
}

/// Per field, each term's documents with their weight, in term order; and
/// the document store (each document's field lengths).
fn postings_of<'t>(
    fields: &[&'t str],
    counted: &[Vec<(HashMap<&'t str, u64>, usize)>],
) -> (BTreeMap<&'t str, Postings<'t>>, Store) {
    let mut postings: BTreeMap<&str, Postings> =
        fields.iter().map(|f| (*f, BTreeMap::new())).collect();
    let mut store = Store::default();
    for (i, doc) in counted.iter().enumerate() {
        let doc_ref = i.to_string();
        let info = store.doc_info.entry(doc_ref.clone()).or_default();
        for (field, (counts, length)) in fields.iter().zip(doc) {
            info.insert(field.to_string(), *length);
            if let Some(terms) = postings.get_mut(field) {
                for (term, count) in counts {
                    terms
                        .entry(term)
                        .or_default()
                        .push((i, (*count as f64).sqrt()));
                }
            }
        }
        store.docs.insert(doc_ref, BTreeMap::new());
    }
    store.length = counted.len();
    (postings, store)
}

/// The index in elasticlunr.js's JSON format.
fn write_index(
    language: &str,
    fields: &[&str],
    postings: &mut BTreeMap<&str, Postings>,
    store: &Store,
) -> Option<String> {
    // Document references sort as strings ("10" before "2") in the JSON.
    let mut by_ref: Vec<usize> = (0..store.length).collect();
    by_ref.sort_by_cached_key(|i| i.to_string());
    let mut rank = vec![0; store.length];
    for (r, i) in by_ref.iter().enumerate() {
        rank[*i] = r;
    }
    let lang = language_of(language);
    let mut out = String::new();
    out.push_str("{\"fields\":");
    out.push_str(&serde_json::to_string(fields).ok()?);
    out.push_str(",\"pipeline\":");
    out.push_str(&serde_json::to_string(&lang.make_pipeline()).ok()?);
    out.push_str(&format!(
        ",\"ref\":\"{REF}\",\"version\":\"{VERSION}\",\"index\":{{"
    ));
    for (n, (field, terms)) in postings.iter_mut().enumerate() {
        if n > 0 {
            out.push(',');
        }
        out.push_str(&serde_json::to_string(field).ok()?);
        out.push_str(":{\"root\":");
        write_trie(&mut out, terms, &rank);
        out.push('}');
    }
    out.push_str("},\"documentStore\":");
    out.push_str(&serde_json::to_string(store).ok()?);
    out.push_str(",\"lang\":");
    out.push_str(&serde_json::to_string(&lang.name()).ok()?);
    out.push('}');
    Some(out)
}

/// Dutch gets its stemmer and stop words; other languages fall back to English.
pub fn language_of(language: &str) -> Box<dyn Language> {
    match language {
        "nl" => Box::new(elasticlunr::lang::Dutch::new()),
        _ => Box::new(elasticlunr::lang::English::new()),
    }
}

/// What the language's pipeline (trimmer, stop words, stemmer) makes of each
/// different word: each word goes through it once, on all cores.
struct Terms<'w> {
    of_word: HashMap<&'w str, Option<String>>,
}

/// The different words of a text, each with how often it occurs.
type Words = HashMap<String, u64>;

impl<'w> Terms<'w> {
    fn of(language: &str, words: &'w [Vec<Words>]) -> Self {
        let unique: Vec<&str> = words
            .par_iter()
            .fold(HashSet::new, |mut set, doc| {
                set.extend(doc.iter().flat_map(|w| w.keys()).map(String::as_str));
                set
            })
            .reduce(HashSet::new, |mut a, b| {
                a.extend(b);
                a
            })
            .into_iter()
            .collect();
        let terms: Vec<Option<String>> = unique
            .par_iter()
            .map_init(
                || language_of(language).make_pipeline(),
                |pipeline, word| pipeline.run(vec![word.to_string()]).pop(),
            )
            .collect();
        Terms {
            of_word: unique.into_iter().zip(terms).collect(),
        }
    }

    /// How often each term occurs in `words`, and how many terms there are.
    fn count(&self, words: &Words) -> (HashMap<&str, u64>, usize) {
        let mut counts: HashMap<&str, u64> = HashMap::new();
        let mut length = 0;
        for (word, n) in words {
            if let Some(Some(term)) = self.of_word.get(word.as_str()) {
                *counts.entry(term.as_str()).or_insert(0) += n;
                length += *n as usize;
            }
        }
        (counts, length)
    }
}

/// Per term (in order), the documents it occurs in with its weight there.
type Postings<'t> = BTreeMap<&'t str, Vec<(usize, f64)>>;

/// Writes the index trie of `terms` (sorted) as elasticlunr's JSON: a node per
/// prefix, holding the documents of the term that ends there (`docs`, `df`) and
/// one child per next character. Written in one pass without recursion, so a
/// very long word cannot exhaust the stack: sorted order opens every prefix
/// before the terms that extend it.
fn write_trie(out: &mut String, terms: &mut Postings, rank: &[usize]) {
    let mut ryu = ryu::Buffer::new();
    let mut docs = |out: &mut String, postings: &mut Vec<(usize, f64)>| {
        postings.sort_by_key(|(i, _)| rank[*i]);
        out.push_str("{\"docs\":{");
        for (n, (i, tf)) in postings.iter().enumerate() {
            if n > 0 {
                out.push(',');
            }
            let _ = write!(out, "\"{i}\":{{\"tf\":{}}}", ryu.format_finite(*tf));
        }
        let _ = write!(out, "}},\"df\":{}", postings.len());
    };
    docs(out, &mut Vec::new());
    // The characters of the nodes open below the root.
    let mut open: Vec<char> = Vec::new();
    for (term, postings) in terms.iter_mut() {
        let chars: Vec<char> = term.chars().collect();
        let common = open.iter().zip(&chars).take_while(|(a, b)| a == b).count();
        for _ in common..open.len() {
            out.push('}');
        }
        open.truncate(common);
        for (k, c) in chars.iter().enumerate().skip(common) {
            out.push(',');
            out.push_str(&key(*c));
            out.push(':');
            if k + 1 == chars.len() {
                docs(out, postings);
            } else {
                docs(out, &mut Vec::new());
            }
            open.push(*c);
        }
    }
    for _ in 0..=open.len() {
        out.push('}');
    }
}

/// A character as a JSON object key.
fn key(c: char) -> String {
    if c == '"' || c == '\\' || c.is_control() {
        serde_json::to_string(&c).unwrap_or_default()
    } else {
        format!("\"{c}\"")
    }
}

#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
struct Store {
    save: bool,
    docs: BTreeMap<String, BTreeMap<String, String>>,
    doc_info: BTreeMap<String, BTreeMap<String, usize>>,
    length: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use elasticlunr::IndexBuilder;

    #[test]
    fn a_very_long_word_does_not_exhaust_the_stack() {
        let word = "a".repeat(200_000);
        let docs = vec![vec!["Lang", word.as_str()]];
        let json = index_json("nl", &["titel", "tekst"], &docs, &|| false).expect("not stopped");
        assert!(json.len() > 200_000);
    }

    /// What `elasticlunr-rs` itself makes of the same documents.
    fn by_the_crate(language: &str, fields: &[&str], docs: &[Vec<&str>]) -> serde_json::Value {
        let mut index = IndexBuilder::with_language(language_of(language))
            .save_docs(false)
            .add_fields(fields)
            .build();
        for (i, d) in docs.iter().enumerate() {
            index.add_doc(&i.to_string(), d);
        }
        serde_json::from_str(&index.to_json()).unwrap()
    }

    #[test]
    fn same_index_as_the_crate_builds() {
        let docs = vec![
            vec![
                "Samenwerking",
                "Lerend en onderzoekend samenwerken in de werkplaats.",
            ],
            vec![
                "Cultuur",
                "Een gedeelde cultuur: samenwerken, leren, geleerd; het onderzoek!",
            ],
            vec!["Leeg", ""],
            vec![
                "Tekens",
                "aan\"haling back\\slash tab\u{7f}teken 12 doc 10 ab abc abd b",
            ],
            vec!["Tien", "nog een document, zodat er een \"10\" is"],
            vec!["a", "b"],
            vec!["c", "d"],
            vec!["e", "f"],
            vec!["g", "h"],
            vec!["i", "j"],
            vec![
                "Café – één",
                "Praktijk-onderzoek en cliënten (in de zorg) — samenwerken 3 keer samenwerken.",
            ],
        ];
        for language in ["nl", "en"] {
            let ours: serde_json::Value = serde_json::from_str(
                &index_json(language, &["titel", "tekst"], &docs, &|| false).expect("not stopped"),
            )
            .unwrap();
            assert_eq!(
                ours,
                by_the_crate(language, &["titel", "tekst"], &docs),
                "{language}"
            );
        }
    }
}
