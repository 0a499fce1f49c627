//! Where each heading of a printed document landed: the page of every named
//! destination in a PDF that Chromium wrote.
//!
//! Chromium makes a named destination of every element an internal link
//! (`href="#id"`) points at, so the contents' links of the whole toolkit give
//! one per section. This reads just that from the PDF: the cross-reference
//! table, the catalog's `/Dests` dictionary and the page tree. It is not a
//! general PDF reader: it reads the uncompressed dictionaries Chromium (Skia)
//! writes, and gives `None` for anything else (object streams, a damaged
//! file), so the caller can keep the PDF without page numbers.

use std::collections::HashMap;

/// Page number (1-based) of each named destination in `pdf`, or `None` when
/// the file is not laid out as Chromium writes it.
pub fn destination_pages(pdf: &[u8]) -> Option<HashMap<String, usize>> {
    let objects = Objects::read(pdf)?;
    let trailer = after(pdf, pdf.windows(7).rposition(|w| w == b"trailer")?);
    let catalog = objects.get(reference(trailer, b"/Root")?)?;
    let pages = page_order(&objects, reference(catalog, b"/Pages")?, 0)?;
    let index: HashMap<usize, usize> = pages.iter().enumerate().map(|(i, &n)| (n, i + 1)).collect();
    let dests = objects.get(reference(catalog, b"/Dests")?)?;
    let mut out = HashMap::new();
    let mut rest = dests;
    // Entries read `/name [page 0 R /XYZ x y zoom]`.
    while let Some(slash) = rest.iter().position(|&b| b == b'/') {
        let (name, tail) = name_at(&rest[slash + 1..]);
        rest = tail;
        let tail = skip_space(rest);
        if tail.first() == Some(&b'[') {
            if let Some((page, _)) = number(skip_space(&tail[1..]))
                && let Some(&at) = index.get(&page)
            {
                out.insert(name, at);
            }
            rest = &tail[tail.iter().position(|&b| b == b']').unwrap_or(0)..];
        }
    }
    Some(out)
}

/// The objects of a PDF by number, found through its cross-reference table.
struct Objects<'a> {
    pdf: &'a [u8],
    offsets: HashMap<usize, usize>,
}

impl<'a> Objects<'a> {
    fn read(pdf: &'a [u8]) -> Option<Self> {
        let start = pdf.windows(9).rposition(|w| w == b"startxref")?;
        let (offset, _) = number(skip_space(&pdf[start + 9..]))?;
        let xref = pdf.get(offset..)?.strip_prefix(b"xref")?;
        let (first, rest) = number(skip_space(xref))?;
        let (count, rest) = number(skip_space(rest))?;
        let mut rest = skip_space(rest);
        let mut offsets = HashMap::new();
        for n in first..first + count {
            // Each entry: 10-digit offset, generation, `n` (in use) or `f`.
            let entry = rest.get(..18)?;
            let (at, _) = number(entry)?;
            if entry[17] == b'n' {
                offsets.insert(n, at);
            }
            rest = skip_space(&rest[18..]);
        }
        Some(Objects { pdf, offsets })
    }

    /// The body of object `n`, from `n 0 obj` to `endobj`.
    fn get(&self, n: usize) -> Option<&'a [u8]> {
        let body = self.pdf.get(*self.offsets.get(&n)?..)?;
        let end = body.windows(6).position(|w| w == b"endobj")?;
        Some(&body[..end])
    }
}

/// The page objects below page tree node `node`, in order.
fn page_order(objects: &Objects, node: usize, depth: usize) -> Option<Vec<usize>> {
    // A page tree is shallow; a loop in a damaged file must not recurse forever.
    if depth > 32 {
        return None;
    }
    let body = objects.get(node)?;
    let Some(kids) = find(body, b"/Kids") else {
        return Some(vec![node]);
    };
    let kids = skip_space(after(body, kids + 5));
    let kids = &kids[1..kids.iter().position(|&b| b == b']')?];
    let mut pages = Vec::new();
    let mut rest = kids;
    while let Some((kid, tail)) = number(skip_space(rest)) {
        pages.extend(page_order(objects, kid, depth + 1)?);
        // Skip the generation and `R`.
        let tail = skip_space(tail);
        let (_, tail) = number(tail)?;
        rest = skip_space(tail).strip_prefix(b"R")?;
    }
    Some(pages)
}

/// The object number of the reference `key n 0 R` in `dict`.
fn reference(dict: &[u8], key: &[u8]) -> Option<usize> {
    let at = find(dict, key)?;
    number(skip_space(after(dict, at + key.len()))).map(|(n, _)| n)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn after(bytes: &[u8], at: usize) -> &[u8] {
    bytes.get(at..).unwrap_or_default()
}

fn skip_space(bytes: &[u8]) -> &[u8] {
    let n = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[n..]
}

/// A decimal number at the start of `bytes`, and what follows it.
fn number(bytes: &[u8]) -> Option<(usize, &[u8])> {
    let n = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let value = std::str::from_utf8(&bytes[..n]).ok()?.parse().ok()?;
    Some((value, &bytes[n..]))
}

/// A PDF name (after its `/`), with `#xx` escapes decoded, and what follows.
fn name_at(bytes: &[u8]) -> (String, &[u8]) {
    let end = bytes
        .iter()
        .position(|&b| b.is_ascii_whitespace() || b"/[]<>()".contains(&b))
        .unwrap_or(bytes.len());
    let mut raw = Vec::with_capacity(end);
    let mut i = 0;
    while i < end {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| {
            std::str::from_utf8(h)
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        });
        match (bytes[i], hex) {
            (b'#', Some(b)) => {
                raw.push(b);
                i += 3;
            }
            (b, _) => {
                raw.push(b);
                i += 1;
            }
        }
    }
    (String::from_utf8_lossy(&raw).into_owned(), &bytes[end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PDF as Chromium lays it out: two pages under a nested page tree,
    /// destinations in the catalog's `/Dests`.
    fn sample() -> Vec<u8> {
        let objects = [
            "<</Type /Catalog\n/Pages 2 0 R\n/Dests 5 0 R>>",
            "<</Type /Pages\n/Kids [3 0 R 6 0 R]\n/Count 2>>",
            "<</Type /Page\n/Parent 2 0 R>>",
            "<</Type /Page\n/Parent 6 0 R>>",
            "<</element-los [4 0 R /XYZ 6 776.25 0]\n/model [3 0 R /XYZ 6 700 0]\n/caf#C3#A9 [4 0 R /XYZ 0 0 0]>>",
            "<</Type /Pages\n/Kids [4 0 R]\n/Count 1>>",
        ];
        let mut pdf = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, body) in objects.iter().enumerate() {
            offsets.push(pdf.len());
            pdf.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).bytes());
        }
        let xref = pdf.len();
        pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
        for o in offsets {
            pdf.extend(format!("{o:010} 00000 n \n").bytes());
        }
        pdf.extend(
            format!("trailer\n<</Size 7\n/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n").bytes(),
        );
        pdf
    }

    #[test]
    fn each_destination_gets_the_page_it_points_at() {
        let pages = destination_pages(&sample());
        let expected: HashMap<String, usize> = [("model", 1), ("element-los", 2), ("café", 2)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        assert_eq!(pages, Some(expected));
    }

    #[test]
    fn a_file_not_laid_out_as_chromium_writes_gives_none() {
        assert_eq!(destination_pages(b"%PDF-1.4\n"), None);
        let mut cut = sample();
        cut.truncate(cut.len() / 2);
        assert_eq!(destination_pages(&cut), None);
    }
}
