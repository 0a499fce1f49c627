//! The frame of a document: what of it other pages may show or depend on.
//!
//! A save that keeps a document's frame changes nothing on any other page, so
//! the preview renders only that document's page again (`site::quick`). The
//! quick path compares frames and nothing else, which makes the frame the one
//! place to extend: a page that comes to show more of other documents' bodies
//! (a summary, a count, a first image) must add it here, or the preview goes
//! stale. `site::tests` fails when that is forgotten: for each kind, a body
//! edit that keeps the frame may change that document's page and nothing else.
//!
//! The body's part is taken from the scan validation reads (`markdown::scan`)
//! field by field, so that a new thing validation reads from a body does not
//! compile until it is placed in the frame, or left out here with a reason.

use crate::content::kind::AnyDoc;
use crate::load::Split;
use crate::markdown::{self, BodyScan, DroppedAttribute, FoundLink, RenamedId};

/// What of a body other pages depend on: where it links (related lists, and
/// validation's verdict on every link), its heading ids (other pages'
/// `#anchors` into it) and the heading attributes validation warns about.
/// Offsets are left out: moving text around changes no other page.
#[derive(Debug, PartialEq, Eq)]
pub struct BodyFrame {
    /// Link and image targets in order: (destination, whether an image).
    links: Vec<(String, bool)>,
    heading_ids: Vec<String>,
    /// Heading attributes the renderer leaves out, as written.
    dropped: Vec<String>,
    /// Explicit heading ids that another heading had already taken.
    renamed: Vec<String>,
}

impl BodyFrame {
    pub fn of(body: &str) -> BodyFrame {
        BodyFrame::from(markdown::scan(body))
    }
}

impl From<BodyScan> for BodyFrame {
    fn from(scan: BodyScan) -> BodyFrame {
        // Every field by name and no `..`: see the module's doc.
        let BodyScan {
            links,
            heading_ids,
            dropped,
            renamed,
        } = scan;
        BodyFrame {
            links: links
                .into_iter()
                .map(
                    |FoundLink {
                         dest,
                         image,
                         offset: _,
                     }| (dest, image),
                )
                .collect(),
            heading_ids,
            dropped: dropped
                .into_iter()
                .map(
                    |DroppedAttribute {
                         attribute,
                         offset: _,
                     }| attribute,
                )
                .collect(),
            // The id given instead is among `heading_ids` already.
            renamed: renamed
                .into_iter()
                .map(
                    |RenamedId {
                         wanted,
                         given: _,
                         offset: _,
                     }| wanted,
                )
                .collect(),
        }
    }
}

/// What of a whole document other pages depend on: its front matter (titles,
/// menus, cards, the elements it is about), the lines it stands on (which
/// problems point at) and its body's frame.
#[derive(Debug, PartialEq, Eq)]
pub struct DocFrame<'a> {
    front_matter: &'a str,
    front_matter_line: usize,
    body_line: usize,
    body: BodyFrame,
}

impl<'a> DocFrame<'a> {
    /// The frame of a document as the last build loaded it.
    pub fn of_doc(doc: &'a dyn AnyDoc) -> DocFrame<'a> {
        DocFrame {
            front_matter: doc.front_matter(),
            front_matter_line: doc.front_matter_line(),
            body_line: doc.body_line(),
            body: BodyFrame::of(doc.body()),
        }
    }

    /// The frame of a document's file as read again.
    pub fn of_split(split: &Split<'a>) -> DocFrame<'a> {
        DocFrame {
            front_matter: split.front_matter,
            front_matter_line: split.front_matter_line,
            body_line: split.body_line,
            body: BodyFrame::of(split.body),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(old: &str, new: &str) -> bool {
        BodyFrame::of(old) == BodyFrame::of(new)
    }

    #[test]
    fn text_keeps_the_frame_and_links_or_headings_do_not() {
        let base = "Tekst met [een link](@LOS) en ![beeld](@/bestanden/a.png).\n\n## Kop\n";
        assert!(same(
            base,
            "Andere tekst, [andere woorden](@LOS) en ![ander](@/bestanden/a.png).\n\n## Kop\n"
        ));
        assert!(same(
            base,
            &format!("Een nieuwe alinea.\n\n{base}\nNog een.\n")
        ));
        assert!(!same(
            base,
            "Tekst met [een link](@GOC) en ![beeld](@/bestanden/a.png).\n\n## Kop\n"
        ));
        assert!(!same(
            base,
            "Tekst met [een link](@LOS) en [beeld](@/bestanden/a.png).\n\n## Kop\n"
        ));
        assert!(!same(
            base,
            "Tekst met [een link](@LOS) en ![beeld](@/bestanden/a.png).\n\n## Andere kop\n"
        ));
        assert!(!same(
            base,
            "Tekst met [een link](@LOS), [nog een](@LOS) en ![beeld](@/bestanden/a.png).\n\n## Kop\n"
        ));
        // Same id, but an attribute validation warns about.
        assert!(!same(
            base,
            "Tekst met [een link](@LOS) en ![beeld](@/bestanden/a.png).\n\n## Kop {onclick=x}\n"
        ));
        // Same ids, but an explicit one that was taken.
        assert!(!same("## Kop\n\n## Kop\n", "## Kop\n\n## Kop {#kop}\n"));
    }

    #[test]
    fn front_matter_and_its_lines_are_part_of_the_frame() {
        fn frame(text: &str) -> DocFrame<'_> {
            DocFrame::of_split(&crate::load::split(text).expect("front matter"))
        }
        let base = frame("---\ntitel: A\n---\nTekst.\n");
        assert_eq!(base, frame("---\ntitel: A\n---\nAndere tekst.\n"));
        assert_ne!(base, frame("---\ntitel: B\n---\nTekst.\n"));
        assert_ne!(base, frame("---\ntitel: A\n\n---\nTekst.\n"));
    }
}
