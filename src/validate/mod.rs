//! Validate: checks that the loaded toolkit holds together.
//!
//! Loading proved each file is well-formed on its own; this stage checks what
//! spans files: codes are unique, every reference (element codes, bibliography
//! keys, `@` links and their `#anchors`) points at something, and the model places
//! every element; `print` checks what goes on paper (colours, duplex offset, and
//! the fit of each card, which render asks for). All problems are collected
//! before failing.

use crate::content::kind::AnyDoc;
use crate::content::{Doc, Toolkit};
use crate::diagnostics::{Message, Problem, Problems, SourceTexts};
use crate::load::locate::{self, Seg};
use crate::markdown::{self, BodyScan};
use crate::routes::documents;
use crate::{Failure, Loaded, Validated};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::Path;

mod assets;
mod docs;
mod links;
pub mod print;
use links::{anchors, check_body_links, check_orphans, link_table};

/// Checks `loaded`; on success hands on the toolkit with its link table.
pub fn validate(loaded: Loaded) -> Result<Validated, Failure> {
    let Loaded {
        toolkit,
        mut warnings,
        texts,
    } = loaded;
    let mut problems = Problems::default();
    let links = link_table(&toolkit);
    let docs = documents(&toolkit);
    // Each body is parsed once, on all cores; the checks below only look up.
    let mut scans: Vec<BodyScan> = docs.par_iter().map(|d| markdown::scan(d.body)).collect();
    let anchors = anchors(&docs, &mut scans);
    let known = Known::of(&toolkit);

    check_elements(&toolkit, &known, &mut problems);
    check_model(&toolkit, &known, &mut problems);
    docs::check_docs(&toolkit, &known, &links, &mut problems);
    check_bibliography(&toolkit, &mut problems);
    check_site(&toolkit, &texts, &mut problems);
    check_orphans(&toolkit, &docs, &scans, &links, &mut problems);
    check_body_links(&docs, &scans, &links, &anchors, &mut problems);
    problems.extend(assets::check_downloads(&toolkit));
    problems.extend(print::colour_contrast(toolkit.elements()));

    for p in problems.0.drain(..) {
        warnings.push(p);
    }
    if warnings.has_errors() {
        Err(Failure {
            problems: warnings,
            texts,
        })
    } else {
        Ok(Validated {
            toolkit,
            links,
            warnings,
            texts,
        })
    }
}

/// The codes and keys references may use.
struct Known {
    codes: Vec<String>,
    sources: Vec<String>,
    /// The same as sets, so each reference is checked in constant time.
    code_set: HashSet<String>,
    source_set: HashSet<String>,
    /// Codes that at least one prompt is about.
    prompted: HashSet<String>,
}

impl Known {
    /// The codes and keys `toolkit` has.
    fn of(toolkit: &Toolkit) -> Known {
        let codes: Vec<String> = toolkit
            .elements()
            .iter()
            .map(|e| e.meta.code.clone())
            .collect();
        let sources: Vec<String> = toolkit.bibliography.keys().cloned().collect();
        Known {
            code_set: codes.iter().cloned().collect(),
            source_set: sources.iter().cloned().collect(),
            prompted: toolkit
                .prompts()
                .iter()
                .flat_map(|p| p.meta.elementen.iter().cloned())
                .collect(),
            codes,
            sources,
        }
    }

    fn check_codes(&self, doc: &dyn AnyDoc, codes: &[String], problems: &mut Problems) {
        for code in codes {
            if !self.code_set.contains(code) {
                problems.push(
                    Problem::error(
                        doc.file(),
                        doc.line_of_value(code),
                        format!("onbekende elementcode \"{code}\""),
                    )
                    .hint(suggest(code, &self.codes, "elementcode")),
                );
            }
        }
    }

    fn check_sources(
        &self,
        doc: &dyn AnyDoc,
        keys: &[String],
        required: bool,
        problems: &mut Problems,
    ) {
        if required && keys.is_empty() {
            problems.push(
                Problem::error(
                    doc.file(),
                    doc.line_of("bronnen"),
                    "er is geen bron genoemd",
                )
                .hint("noem onder `bronnen:` minstens één sleutel uit content/bronnen.yaml"),
            );
        }
        for key in keys {
            if !self.source_set.contains(key) {
                problems.push(
                    Problem::error(
                        doc.file(),
                        doc.line_of_value(key),
                        format!("onbekende bron \"{key}\""),
                    )
                    .hint(format!(
                        "{}; bronnen staan in content/bronnen.yaml",
                        suggest(key, &self.sources, "bron")
                    )),
                );
            }
        }
    }
}

/// "did you mean X?" when a close candidate exists, else the list of candidates.
pub fn suggest(given: &str, candidates: &[String], what: &str) -> String {
    match closest(given, candidates) {
        Closest::One(c) => format!("bedoel je \"{c}\"?"),
        Closest::None => format!("er is nog geen enkele {what}"),
        Closest::Known(list) => format!("bekende waarden: {list}"),
    }
}

/// [`suggest`] through the catalogue, so it can be said in any language:
/// `what` is the id of the noun for what is looked for (`wat-pagina`).
pub fn suggestion(given: &str, candidates: &[String], what: &'static str) -> Message {
    match closest(given, candidates) {
        Closest::One(c) => Message::new("suggestie-bedoel-je").arg("naam", c),
        Closest::None => Message::new("suggestie-geen").text("wat", Message::new(what)),
        Closest::Known(list) => Message::new("suggestie-bekend").arg("waarden", list),
    }
}

/// What a suggestion can offer for an unknown name.
enum Closest<'a> {
    /// A candidate close enough to be what was meant.
    One(&'a str),
    /// There are no candidates at all.
    None,
    /// No close one: the first eight, sorted, joined with commas.
    Known(String),
}

fn closest<'a>(given: &str, candidates: &'a [String]) -> Closest<'a> {
    let best = candidates
        .iter()
        .map(|c| {
            (
                strsim::levenshtein(&given.to_lowercase(), &c.to_lowercase()),
                c,
            )
        })
        .min_by_key(|(d, _)| *d)
        .filter(|(d, c)| *d <= 2.max(c.len() / 3));
    match best {
        Some((_, c)) => Closest::One(c),
        None if candidates.is_empty() => Closest::None,
        None => {
            let mut sorted: Vec<&str> = candidates.iter().map(String::as_str).collect();
            sorted.sort_unstable();
            let more = if sorted.len() > 8 { ", …" } else { "" };
            Closest::Known(format!(
                "{}{more}",
                sorted[..sorted.len().min(8)].join(", ")
            ))
        }
    }
}

fn check_elements(toolkit: &Toolkit, known: &Known, problems: &mut Problems) {
    let mut seen: HashMap<&str, &Path> = HashMap::new();
    for e in toolkit.elements() {
        let m = &e.meta;
        let line = e.line_of("code:");
        if let Some(first) = seen.insert(&m.code, &e.file) {
            problems.push(
                Problem::error(
                    &e.file,
                    line,
                    format!(
                        "de code \"{}\" wordt al gebruikt in {}",
                        m.code,
                        first.display()
                    ),
                )
                .hint("elke elementcode mag maar één keer voorkomen"),
            );
        }
        let code_ok =
            (2..=8).contains(&m.code.len()) && m.code.chars().all(|c| c.is_ascii_uppercase());
        if !code_ok {
            problems.push(
                Problem::error(
                    &e.file,
                    line,
                    format!("de code \"{}\" is geen geldige elementcode", m.code),
                )
                .hint("gebruik 2 tot 8 hoofdletters, zoals LOS"),
            );
        }
        if !is_hex_colour(&m.kleur) {
            problems.push(
                Problem::error(&e.file, e.line_of("kleur"), format!("\"{}\" is geen kleur", m.kleur))
                    .hint("schrijf de kleur als \"#rrggbb\", tussen aanhalingstekens, bijvoorbeeld \"#1f6f8b\""),
            );
        }
        for (field, list) in [
            ("wat", &m.wat),
            ("doel", &m.doel),
            ("benodigdheden", &m.benodigdheden),
        ] {
            if list.is_empty() {
                problems.push(
                    Problem::error(
                        &e.file,
                        e.line_of(&format!("{field}:")),
                        format!("de lijst `{field}` is leeg"),
                    )
                    .hint("vul minstens één punt in"),
                );
            }
        }
        problems.extend(aspect_problems(e));
        known.check_codes(e, &m.verwant, problems);
        known.check_sources(e, &m.aspecten_bronnen, false, problems);
        if !known.prompted.contains(&m.code) {
            problems.push(
                Problem::warning(
                    &e.file,
                    line,
                    format!("geen enkel gesprek gaat over {}", m.code),
                )
                .hint(format!(
                    "noem {} onder `elementen:` in een bestand in content/in-gesprek/",
                    m.code
                )),
            );
        }
    }
}

fn check_model(toolkit: &Toolkit, known: &Known, problems: &mut Problems) {
    let model = &toolkit.model;
    let mut placed: HashSet<&str> = HashSet::new();
    for (group, codes) in model.meta.ordening.groups() {
        for code in codes {
            if !known.code_set.contains(code) {
                problems.push(
                    Problem::error(
                        &model.file,
                        model.line_of_value(code),
                        format!("onbekende elementcode \"{code}\" in `ordening.{group}`"),
                    )
                    .hint(suggest(code, &known.codes, "elementcode")),
                );
            } else if !placed.insert(code) {
                problems.push(
                    Problem::error(
                        &model.file,
                        model.line_of_value(code),
                        format!("{code} staat meer dan eens in `ordening`"),
                    )
                    .hint("elk element hoort bij precies één groep"),
                );
            }
        }
    }
    for code in &known.codes {
        if !placed.contains(code.as_str()) {
            problems.push(
                Problem::error(
                    &model.file,
                    model.line_of("ordening"),
                    format!("het element {code} staat niet in `ordening`"),
                )
                .hint("zet de code bij kern, cultuur, instrumenteel of interpersoonlijk"),
            );
        }
    }
    if model.meta.kenmerken.is_empty() {
        problems.push(Problem::error(
            &model.file,
            model.line_of("kenmerken"),
            "de lijst `kenmerken` is leeg",
        ));
    }
    known.check_sources(model, &model.meta.bronnen, true, problems);
}

/// A prompt's own checks; `work_forms` are the site's `werkvormen`.
fn check_prompt(p: &Doc<crate::content::Prompt>, work_forms: &[String], problems: &mut Problems) {
    let m = &p.meta;
    if m.vragen.is_empty() {
        problems.push(
            Problem::error(
                &p.file,
                p.line_of("vragen"),
                "het gesprek heeft geen vragen",
            )
            .hint("voeg onder `vragen:` minstens één vraag toe"),
        );
    }
    if m.stappen.is_empty() {
        problems.push(
            Problem::error(
                &p.file,
                p.line_of("stappen"),
                "het gesprek heeft geen stappen",
            )
            .hint("voeg onder `stappen:` minstens één `- tekst: … minuten: …` toe"),
        );
    }
    if m.werkvorm.is_empty() {
        problems.push(
            Problem::error(
                &p.file,
                p.line_of("werkvorm"),
                "er is geen werkvorm genoemd",
            )
            .hint(format!("kies uit {}", work_forms.join(", "))),
        );
    }
    for form in &m.werkvorm {
        if !work_forms.contains(&form.0) {
            problems.push(
                Problem::error(
                    &p.file,
                    p.line_of("werkvorm"),
                    format!("onbekende werkvorm \"{}\"", form.name()),
                )
                .hint(format!(
                    "{} (de werkvormen staan onder `werkvormen:` in site.yaml)",
                    suggest(form.name(), work_forms, "werkvorm")
                )),
            );
        }
    }
    check_prompt_numbers(p, problems);
    // Summed wide: each step is in range only when the check above passed.
    let total: u64 = m.stappen.iter().map(|s| u64::from(s.minuten)).sum();
    if !m.stappen.is_empty() && total != u64::from(m.duur) {
        problems.push(
            Problem::warning(
                &p.file,
                p.line_of("duur"),
                format!(
                    "de stappen duren samen {total} minuten, `duur` zegt {}",
                    m.duur
                ),
            )
            .hint("pas `duur` of de minuten van de stappen aan"),
        );
    }
    if let Some(min) = m.min_duur
        && (min == 0 || min > m.duur)
    {
        problems.push(
            Problem::error(
                &p.file,
                p.line_of("min_duur"),
                format!("`min_duur` is {min}, maar moet tussen 1 en `duur` ({}) liggen", m.duur),
            )
            .hint("geef de kortste duur in minuten waarin het gesprek nog werkt, of laat `min_duur` weg"),
        );
    }
    if let Some(max) = m.groepsgrootte.max
        && max < m.groepsgrootte.min
    {
        problems.push(Problem::error(
            &p.file,
            p.line_of("groepsgrootte.max"),
            "`groepsgrootte.max` is kleiner dan `min`",
        ));
    }
}

/// The longest a conversation or one step of it may take: a day. More is a
/// typing error, and near the integer limit a sum of steps would overflow.
const MAX_MINUTES: u32 = 24 * 60;

/// The most participants a group size may name.
const MAX_PARTICIPANTS: u32 = 1000;

/// Every number of a prompt in a sensible range, at the line of its key.
fn check_prompt_numbers(p: &Doc<crate::content::Prompt>, problems: &mut Problems) {
    let m = &p.meta;
    let mut numbers = vec![
        ("duur".to_string(), m.duur, 1, MAX_MINUTES),
        (
            "groepsgrootte.min".to_string(),
            m.groepsgrootte.min,
            1,
            MAX_PARTICIPANTS,
        ),
    ];
    if let Some(max) = m.groepsgrootte.max {
        numbers.push(("groepsgrootte.max".into(), max, 1, MAX_PARTICIPANTS));
    }
    for (i, step) in m.stappen.iter().enumerate() {
        numbers.push((
            format!("stappen[{i}].minuten"),
            step.minuten,
            0,
            MAX_MINUTES,
        ));
    }
    for (path, value, low, high) in numbers {
        if !(low..=high).contains(&value) {
            problems.push(
                Problem::error(
                    &p.file,
                    p.line_of(&path),
                    format!("`{path}` is {value}, maar moet tussen {low} en {high} liggen"),
                )
                .hint("controleer het getal: minuten voor een duur, mensen voor een groepsgrootte"),
            );
        }
    }
}

/// The values of site.yaml's settings, each at the line of its key.
fn check_site(toolkit: &Toolkit, texts: &SourceTexts, problems: &mut Problems) {
    let file = Path::new("site.yaml");
    let text = texts.get(file).unwrap_or_default();
    let settings = toolkit.site.problems().into_iter();
    for p in settings.chain(print::duplex_offset(&toolkit.site.duplex_verschuiving)) {
        let line = locate::find(text, &locate::path(p.path)).map_or(0, |i| i + 1);
        problems.push(Problem::error(file, line, p.message).hint(p.hint));
    }
}

/// Keys and URLs of the bibliography, each at the line where it is written
/// (found by key, so an escaped or oddly quoted value still gets its line).
fn check_bibliography(toolkit: &Toolkit, problems: &mut Problems) {
    let file = Path::new("content/bronnen.yaml");
    let text = &toolkit.bibliography_text;
    let line_of = |path: &[Seg]| locate::find(text, path).map_or(0, |i| i + 1);
    for (key, reference) in &toolkit.bibliography {
        let key_ok = !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !key_ok {
            problems.push(
                Problem::error(
                    file,
                    line_of(&[Seg::Key(key)]),
                    format!("de sleutel \"{key}\" is ongeldig"),
                )
                .hint("gebruik alleen kleine letters, cijfers en '-'"),
            );
        }
        if let Some(url) = &reference.url {
            let lowered = url.trim().to_ascii_lowercase();
            if !(lowered.starts_with("https://") || lowered.starts_with("http://")) {
                problems.push(
                    Problem::error(
                        file,
                        line_of(&[Seg::Key(key), Seg::Key("url")]),
                        format!("de url van \"{key}\" is geen webadres"),
                    )
                    .hint("begin de url met https:// (of http://)"),
                );
            }
        }
    }
}

fn is_hex_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// An empty list of aspects, and ids set by hand that are no id or that two
/// aspects share: the scan saves answers by id, so an id must be one.
fn aspect_problems(e: &Doc<crate::content::Element>) -> Vec<Problem> {
    let aspects = &e.meta.aspecten;
    let at = e.line_of("aspecten:");
    let mut out = Vec::new();
    if aspects.is_empty() {
        out.push(
            Problem::error(&e.file, at, "de lijst `aspecten` is leeg")
                .hint("vul minstens één punt in"),
        );
    }
    let mut seen = HashSet::new();
    for id in aspects.iter().filter_map(crate::content::Aspect::id) {
        if let Some(why) = crate::aspects::aspect_id_problem(id) {
            out.push(
                Problem::error(&e.file, at, format!("de aspect-id \"{id}\" {why}"))
                    .hint("schrijf de id als kleine letters en cijfers met - ertussen, bijvoorbeeld `id: delen-van-doelen`"),
            );
        } else if !seen.insert(id) {
            out.push(
                Problem::error(&e.file, at, format!("twee aspecten hebben de id \"{id}\"")).hint(
                    "geef elk aspect een eigen id; de reflectiescan slaat antwoorden per id op",
                ),
            );
        }
    }
    out
}
