//! The `@` links of every body: the table of what they may point at, whether
//! each one (and its `#anchor`) holds, plain relative links that should be `@`
//! links, free pages nothing links to, and heading attributes that are not
//! rendered.

use super::suggestion;
use crate::content::Toolkit;
use crate::diagnostics::{LineIndex, Message, Problem, Problems, Text};
use crate::markdown::{self, BodyScan, FoundLink};
use crate::routes::{DocRef, LinkTable, Route, Target, resolve_relative};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

/// Every `@` target: content paths below `content/` and element codes.
pub(super) fn link_table(toolkit: &Toolkit) -> LinkTable {
    let mut t = LinkTable::default();
    t.insert("model.md", Route::model());
    // The site's own sections, by their address: `@/`, `@/elementen/`, `@/reflectiescan/`, …
    let lists = toolkit
        .docs
        .iter()
        .filter(|s| toolkit.shows_overview(*s))
        .map(|s| Route::list(s.info()));
    let own = [
        Route::bibliography(),
        Route::scan(),
        Route::planner(),
        Route::print_hub(),
    ];
    for route in std::iter::once(Route::home()).chain(lists).chain(own) {
        t.insert(route.0.clone(), route);
    }
    for e in toolkit.elements() {
        t.insert(e.meta.code.clone(), Route::element(e));
    }
    for shelf in toolkit.docs.iter() {
        if let Some(intro) = toolkit.intros.get(shelf.info().folder) {
            t.insert(intro.content_path(), Route::list(shelf.info()));
        }
        for i in 0..shelf.len() {
            t.insert(shelf.doc(i).content_path(), Route::on_shelf(shelf, i));
        }
    }
    for a in &toolkit.assets {
        t.insert_file(format!("bestanden/{a}"), format!("bestanden/{a}"));
    }
    t
}

/// Heading ids per route, for checking `#anchor` links; takes the ids out of
/// `scans`.
pub(super) fn anchors(
    docs: &[DocRef<'_>],
    scans: &mut [BodyScan],
) -> HashMap<Route, HashSet<String>> {
    let ids: Vec<HashSet<String>> = scans
        .par_iter_mut()
        .map(|s| std::mem::take(&mut s.heading_ids).into_iter().collect())
        .collect();
    docs.iter().map(|d| d.route.clone()).zip(ids).collect()
}

/// For each output path that content can link to, the `@` link that reaches it;
/// used to suggest the right link for a plain relative one.
fn known_paths(links: &LinkTable) -> HashMap<String, String> {
    let mut known = HashMap::new();
    for key in links.keys() {
        let at = if key.contains('/') || key.ends_with(".md") || key.is_empty() {
            format!("@/{key}")
        } else {
            continue; // element codes: the content path gives the same route
        };
        match links.resolve(&at) {
            Some(Target::Page(route)) => known.insert(route.0.clone(), at),
            Some(Target::File(path)) => known.insert(path.clone(), at),
            None => None,
        };
    }
    known
}

pub(super) fn check_body_links(
    docs: &[DocRef<'_>],
    scans: &[BodyScan],
    links: &LinkTable,
    anchors: &HashMap<Route, HashSet<String>>,
    problems: &mut Problems,
) {
    let known = known_paths(links);
    // Each body on its own, on all cores; problems are gathered in document order.
    let found: Vec<Problems> = docs
        .par_iter()
        .zip(scans)
        .map(|(doc, scan)| {
            let mut found = Problems::default();
            check_doc_links(doc, scan, links, anchors, &known, &mut found);
            found
        })
        .collect();
    for f in found {
        problems.extend(f);
    }
}

/// Checks the links of one body.
fn check_doc_links(
    doc: &DocRef<'_>,
    scan: &BodyScan,
    links: &LinkTable,
    anchors: &HashMap<Route, HashSet<String>>,
    known: &HashMap<String, String>,
    problems: &mut Problems,
) {
    // Lines are found only for a body with a problem, and then once: a body
    // of many broken links is not counted through from the top for each.
    let lines = std::cell::OnceCell::new();
    let place = |offset: usize| {
        let index = lines.get_or_init(|| LineIndex::new(doc.body));
        let start = index.line_start_of(offset);
        let line = doc.body_line + index.line_of(offset) - 1;
        let column = doc.body.get(start..offset).map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    };
    heading_problems(doc, scan, &place, problems);
    for link in &scan.links {
        check_link(doc, link, &place, (links, anchors, known), problems);
    }
}

/// Warnings for heading attributes the body's headings lost or ids they
/// could not keep.
fn heading_problems(
    doc: &DocRef<'_>,
    scan: &BodyScan,
    place: &dyn Fn(usize) -> (usize, usize),
    problems: &mut Problems,
) {
    for dropped in &scan.dropped {
        let (line, column) = place(dropped.offset);
        let message = Message::new("kopattribuut-weggelaten").arg("attribuut", &dropped.attribute);
        problems.push(
            Problem::warning(doc.file, line, message)
                .column(column)
                .hint(Message::new("kopattribuut-weggelaten-hint")),
        );
    }
    for renamed in &scan.renamed {
        let (line, column) = place(renamed.offset);
        let message = Message::new("kop-id-dubbel")
            .arg("gewild", &renamed.wanted)
            .arg("gekregen", &renamed.given);
        problems.push(
            Problem::warning(doc.file, line, message)
                .column(column)
                .hint(Message::new("kop-id-dubbel-hint")),
        );
    }
}

/// What a link can be checked against: every `@` target, each page's
/// anchors, and the content files by path.
type Known<'a> = (
    &'a LinkTable,
    &'a HashMap<Route, HashSet<String>>,
    &'a HashMap<String, String>,
);

/// Checks one link of a body: allowed, pointing somewhere, written with `@`.
fn check_link(
    doc: &DocRef<'_>,
    link: &FoundLink,
    place: &dyn Fn(usize) -> (usize, usize),
    (links, anchors, known): Known<'_>,
    problems: &mut Problems,
) {
    let at = |message: Message| {
        let (line, column) = place(link.offset);
        Problem::error(doc.file, line, message).column(column)
    };
    let (target, fragment) = link
        .dest
        .split_once('#')
        .map_or((link.dest.as_str(), None), |(t, f)| (t, Some(f)));
    if markdown::is_dangerous_url(&link.dest) {
        problems.push(
            at(Message::new("link-niet-toegestaan").arg("link", &link.dest))
                .hint(Message::new("link-niet-toegestaan-hint")),
        );
    } else if link.dest.starts_with('@') {
        match links.resolve(target) {
            None => {
                let keys: Vec<String> = links
                    .keys()
                    .map(|k| {
                        if k.contains('/') || k.ends_with(".md") {
                            format!("@/{k}")
                        } else {
                            format!("@{k}")
                        }
                    })
                    .collect();
                problems.push(
                    at(Message::new("link-nergens").arg("link", &link.dest)).hint(suggestion(
                        target,
                        &keys,
                        "wat-pagina",
                    )),
                );
            }
            Some(Target::File(_)) => {}
            Some(Target::Page(route)) => {
                check_anchor(route, fragment, anchors, target, &at, problems)
            }
        }
    } else if target.is_empty() {
        let here = Text::from(Message::new("deze-pagina"));
        check_anchor(&doc.route, fragment, anchors, here, &at, problems);
    } else if !has_scheme(target) {
        // Plain relative links break where the same text is shown at another
        // depth (print versions, search results): content links with `@`.
        let said = |id| {
            let image = if link.image { "ja" } else { "nee" };
            Message::new(id)
                .arg("afbeelding", image)
                .arg("link", &link.dest)
        };
        let problem = match at_link_for(doc, target, (link.offset, link.image), links, known) {
            Some(at_link) => at(said("link-relatief"))
                .hint(Message::new("link-relatief-hint").text("schrijf", at_link)),
            None => at(said("link-geen-bestand")).hint(Message::new("link-geen-bestand-hint")),
        };
        problems.push(problem);
    }
}

/// The `@` link to write instead of the plain relative link `target` (at
/// `offset` in the body), as `[text](@/…)`, and as `[text](@CODE)` too for an
/// element: the link may point at the content
/// file beside this one (`../elementen/los.md`), or at the page's address on
/// the site (`../../elementen/los/`). `None` when it points at neither.
fn at_link_for(
    doc: &DocRef<'_>,
    target: &str,
    (offset, image): (usize, bool),
    links: &LinkTable,
    known: &HashMap<String, String>,
) -> Option<Text> {
    let from_file = doc
        .file
        .strip_prefix("content")
        .ok()
        .and_then(|rel| rel.parent())
        .map(|dir| {
            let dir: Vec<_> = dir.iter().map(|p| p.to_string_lossy()).collect();
            Route(format!("{}/", dir.join("/")))
        })
        .and_then(|folder| resolve_relative(&folder, target))
        .map(|p| format!("@/{p}"))
        .filter(|at| links.resolve(at).is_some());
    let at = from_file.or_else(|| {
        let page = resolve_relative(&doc.route, target)?;
        known.get(page.trim_end_matches("index.html")).cloned()
    })?;
    let code = match links.resolve(&at) {
        Some(Target::Page(route)) => links
            .keys()
            .filter(|k| !k.contains('/') && !k.ends_with(".md") && !k.is_empty())
            .find(
                |k| matches!(links.resolve(&format!("@{k}")), Some(Target::Page(r)) if r == route),
            ),
        _ => None,
    };
    let text = link_text(doc.body, offset, target).unwrap_or("…");
    let bang = if image { "!" } else { "" };
    let with_path = format!("{bang}[{text}]({at})");
    Some(match code {
        Some(code) => Message::new("link-of")
            .arg("code", format!("{bang}[{text}](@{code})"))
            .arg("pad", with_path)
            .into(),
        None => with_path.into(),
    })
}

/// The text of the inline link `[text](target…)` that starts at `offset`,
/// when it is short and on one line; `None` for other shapes of link.
fn link_text<'a>(body: &'a str, offset: usize, target: &str) -> Option<&'a str> {
    let rest = body.get(offset..)?;
    let rest = rest.strip_prefix("![").or_else(|| rest.strip_prefix('['))?;
    let (text, after) = rest.split_once("](")?;
    let fits = !text.contains(['\n', '[', ']']) && text.chars().count() <= 60;
    (fits && after.starts_with(target)).then_some(text)
}

fn check_anchor(
    route: &Route,
    fragment: Option<&str>,
    anchors: &HashMap<Route, HashSet<String>>,
    target: impl Into<Text>,
    at: &dyn Fn(Message) -> Problem,
    problems: &mut Problems,
) {
    let Some(f) = fragment.filter(|f| !f.is_empty()) else {
        return;
    };
    let ids = anchors.get(route);
    if !ids.is_some_and(|ids| ids.contains(f)) {
        let ids: Vec<String> = ids.map(|s| s.iter().cloned().collect()).unwrap_or_default();
        problems.push(
            at(Message::new("kop-bestaat-niet")
                .arg("kop", f)
                .text("waar", target))
            .hint(suggestion(f, &ids, "wat-kop")),
        );
    }
}

/// A free page outside the menu that nothing links to cannot be found by readers.
pub(super) fn check_orphans(
    toolkit: &Toolkit,
    docs: &[DocRef<'_>],
    scans: &[BodyScan],
    links: &LinkTable,
    problems: &mut Problems,
) {
    let mut linked: HashSet<&Route> = HashSet::new();
    for (doc, scan) in docs.iter().zip(scans) {
        for link in &scan.links {
            let target = link.dest.split('#').next().unwrap_or_default();
            if let Some(Target::Page(route)) = links.resolve(target)
                && *route != doc.route
            {
                linked.insert(route);
            }
        }
    }
    for p in toolkit.pages().iter().filter(|p| p.meta.volgorde.is_none()) {
        if !linked.contains(&Route::page(p)) {
            problems.push(
                Problem::warning(&p.file, 0, Message::new("pagina-wees"))
                    .hint(Message::new("pagina-wees-hint").arg("pad", p.content_path())),
            );
        }
    }
}

/// `https:`, `mailto:`, `tel:` and the like: not ours to check.
fn has_scheme(url: &str) -> bool {
    url.starts_with("//")
        || url.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
        })
}
