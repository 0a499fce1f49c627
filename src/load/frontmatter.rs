//! Splits a Markdown file into its YAML front matter and body.
//!
//! Tracks line numbers so that a YAML error (which the parser counts from the top
//! of the front matter) can be reported at the line an editor sees, counted from
//! the top of the file. Accepts CRLF line endings and a leading byte-order mark.

/// A file split into front matter and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    pub front_matter: &'a str,
    /// 1-based file line of the front matter's first line.
    pub front_matter_line: usize,
    pub body: &'a str,
    /// 1-based file line where the body starts.
    pub body_line: usize,
}

/// Why a file could not be split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not start with `---`.
    Missing,
    /// The opening `---` has no closing `---`.
    Unclosed,
}

/// Splits `text` (BOM already removed) at the `---` fences.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().ok_or(SplitError::Missing)?;
    if first.trim_end() != "---" {
        return Err(SplitError::Missing);
    }
    let start = first.len();
    let mut offset = start;
    for (i, line) in lines.enumerate() {
        if line.trim_end() == "---" {
            let body_start = offset + line.len();
            return Ok(Split {
                front_matter: &text[start..offset],
                front_matter_line: 2,
                body: &text[body_start..],
                body_line: i + 3,
            });
        }
        offset += line.len();
    }
    Err(SplitError::Unclosed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_counts_lines() {
        let s = split("---\na: 1\nb: 2\n---\n# Kop\n").unwrap();
        assert_eq!(s.front_matter, "a: 1\nb: 2\n");
        assert_eq!(s.front_matter_line, 2);
        assert_eq!(s.body, "# Kop\n");
        assert_eq!(s.body_line, 5);
    }

    #[test]
    fn accepts_crlf() {
        let s = split("---\r\na: 1\r\n---\r\ntekst").unwrap();
        assert_eq!(s.front_matter, "a: 1\r\n");
        assert_eq!(s.body, "tekst");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn empty_body_and_empty_front_matter() {
        let s = split("---\n---").unwrap();
        assert_eq!(s.front_matter, "");
        assert_eq!(s.body, "");
    }

    #[test]
    fn reports_missing_and_unclosed() {
        assert_eq!(split("# Kop"), Err(SplitError::Missing));
        assert_eq!(split(""), Err(SplitError::Missing));
        assert_eq!(split("---\na: 1\n"), Err(SplitError::Unclosed));
    }
}
