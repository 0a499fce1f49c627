//! The whole toolkit's chapters, as the PDF's bookmarks and a screen reader
//! see them.
//!
//! Chromium builds the PDF outline from the headings' levels as assistive
//! technology reads them. The sections are the same HTML as in the other
//! print documents, where a section's title is the page's `h1`; under a
//! chapter heading they sit one level lower. Lowering them with `aria-level`
//! keeps the markup and the print CSS of every section as they are.

use serde::Serialize;

/// One chapter of the whole-toolkit document: its title and its sections.
#[derive(Serialize)]
pub(super) struct ChapterHtml {
    pub(super) titel: String,
    pub(super) secties: Vec<String>,
}

/// Sections grouped under their chapters, in order: a section whose chapter
/// is the one before it joins that chapter.
pub(super) fn group(sections: impl IntoIterator<Item = (String, String)>) -> Vec<ChapterHtml> {
    let mut chapters: Vec<ChapterHtml> = Vec::new();
    for (chapter, html) in sections {
        let html = below_chapter(&html);
        match chapters.last_mut() {
            Some(c) if c.titel == chapter => c.secties.push(html),
            _ => chapters.push(ChapterHtml {
                titel: chapter,
                secties: vec![html],
            }),
        }
    }
    chapters
}

/// `html` with every heading read one level lower (`h1` as level 2, …).
///
/// The theme's templates escape content, so `<h1` only starts a tag; raw
/// HTML a site allows is lowered the same way, which is what its place in
/// the document asks for.
fn below_chapter(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(at) = rest.find("<h") {
        let (before, tag) = rest.split_at(at);
        out.push_str(before);
        let level = tag
            .as_bytes()
            .get(2)
            .copied()
            .filter(|b| (b'1'..=b'6').contains(b));
        let after = tag.as_bytes().get(3).copied();
        match (level, after) {
            (Some(l), Some(b'>' | b' ')) => {
                out.push_str(&tag[..3]);
                out.push_str(&format!(r#" aria-level="{}""#, l - b'0' + 1));
                rest = &tag[3..];
            }
            _ => {
                out.push_str("<h");
                rest = &tag[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_read_one_level_lower_and_nothing_else_changes() {
        let html = r#"<section><h1>Titel</h1><header>x</header><h2 id="a">Sub</h2><hr><h6>z</h6></section>"#;
        assert_eq!(
            below_chapter(html),
            r#"<section><h1 aria-level="2">Titel</h1><header>x</header><h2 aria-level="3" id="a">Sub</h2><hr><h6 aria-level="7">z</h6></section>"#
        );
    }

    #[test]
    fn consecutive_sections_of_one_chapter_share_it() {
        let s = |c: &str, h: &str| (c.to_string(), h.to_string());
        let chapters = group([
            s("Model", "<p>m</p>"),
            s("Elementen", "a"),
            s("Elementen", "b"),
            s("Bronnen", "c"),
        ]);
        let titles: Vec<_> = chapters
            .iter()
            .map(|c| (c.titel.as_str(), c.secties.len()))
            .collect();
        assert_eq!(titles, [("Model", 1), ("Elementen", 2), ("Bronnen", 1)]);
    }
}
