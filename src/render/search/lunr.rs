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
use elasticlunr::pipeline::Pipeline;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

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
    let counted: Vec<Vec<Terms>> = docs
        .par_iter()
        .map_init(
            || Stemmer::new(language),
            |stemmer, doc| {
                if stopped() {
                    return Vec::new();
                }
                doc.iter().map(|text| stemmer.terms(text)).collect()
            },
        )
        .collect();
    if stopped() {
        return None;
    }

    let mut index: BTreeMap<&str, Inverted> =
        fields.iter().map(|f| (*f, Inverted::default())).collect();
    let mut store = Store::default();
    for (i, doc) in counted.iter().enumerate() {
        let doc_ref = i.to_string();
        let info = store.doc_info.entry(doc_ref.clone()).or_default();
        for (field, terms) in fields.iter().zip(doc) {
            info.insert(field.to_string(), terms.length);
            if let Some(inverted) = index.get_mut(field) {
                for (term, count) in &terms.counts {
                    inverted.root.add(&doc_ref, term, (*count as f64).sqrt());
                }
            }
        }
        store.docs.insert(doc_ref, BTreeMap::new());
    }
    store.length = docs.len();

    let lang = language_of(language);
    let json = Json {
        fields,
        pipeline: lang.make_pipeline(),
        ref_field: REF,
        version: VERSION,
        index,
        document_store: store,
        lang: lang.name(),
    };
    if stopped() {
        return None;
    }
    Some(serde_json::to_string(&json).unwrap_or_else(|_| "{}".into()))
}

/// Dutch gets its stemmer and stop words; other languages fall back to English.
pub fn language_of(language: &str) -> Box<dyn Language> {
    match language {
        "nl" => Box::new(elasticlunr::lang::Dutch::new()),
        _ => Box::new(elasticlunr::lang::English::new()),
    }
}

/// A field's terms: how often each occurs, and how many there are in all.
#[derive(Default)]
struct Terms {
    counts: BTreeMap<String, u64>,
    length: usize,
}

/// The language's tokenizer and pipeline, remembering what each word became.
struct Stemmer {
    lang: Box<dyn Language>,
    pipeline: Pipeline,
    seen: HashMap<String, Option<String>>,
}

impl Stemmer {
    fn new(language: &str) -> Self {
        let lang = language_of(language);
        let pipeline = lang.make_pipeline();
        Stemmer {
            lang,
            pipeline,
            seen: HashMap::new(),
        }
    }

    fn terms(&mut self, text: &str) -> Terms {
        let mut terms = Terms::default();
        for token in self.lang.tokenize(text) {
            let term = match self.seen.get(&token) {
                Some(term) => term.clone(),
                None => {
                    let term = self.pipeline.run(vec![token.clone()]).pop();
                    self.seen.insert(token, term.clone());
                    term
                }
            };
            if let Some(term) = term {
                *terms.counts.entry(term).or_insert(0) += 1;
                terms.length += 1;
            }
        }
        terms
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Json<'a> {
    fields: &'a [&'a str],
    pipeline: Pipeline,
    #[serde(rename = "ref")]
    ref_field: &'a str,
    version: &'a str,
    index: BTreeMap<&'a str, Inverted>,
    document_store: Store,
    lang: String,
}

#[derive(Serialize, Default)]
struct Inverted {
    root: Node,
}

/// A trie node: the documents of the term that ends here, and the longer terms.
#[derive(Serialize, Default)]
struct Node {
    docs: BTreeMap<String, Tf>,
    df: i64,
    #[serde(flatten, serialize_with = "children")]
    children: BTreeMap<char, Node>,
}

#[derive(Serialize)]
struct Tf {
    tf: f64,
}

impl Node {
    fn add(&mut self, doc_ref: &str, term: &str, tf: f64) {
        let mut node = self;
        for c in term.chars() {
            node = node.children.entry(c).or_default();
        }
        if node.docs.insert(doc_ref.to_string(), Tf { tf }).is_none() {
            node.df += 1;
        }
    }
}

/// Children as a map from one-character strings (serde cannot flatten `char` keys).
fn children<S: serde::Serializer>(map: &BTreeMap<char, Node>, ser: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut out = ser.serialize_map(Some(map.len()))?;
    let mut buf = [0u8; 4];
    for (c, node) in map {
        out.serialize_entry(c.encode_utf8(&mut buf), node)?;
    }
    out.end()
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
