//! Where a value stands in YAML text, for messages about values that parsed.
//!
//! The parser reports where a syntax or type error is, but a value that parsed
//! and is wrong (a number out of range, a key twice, a URL that is no web
//! address) is found later, without a position. This finds the line of a key
//! path (`duplex_verschuiving.x_mm`, `stappen[1].minuten`) by the indentation
//! of block-style YAML, which is how editors write it. A value in flow style
//! (`{x_mm: 1}`) is placed at the line of the key that holds it. It does not
//! parse YAML: text it cannot follow yields `None`, and the caller falls back.

/// One step of a path: a key of a mapping or an item of a list (from 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg<'a> {
    Key(&'a str),
    Item(usize),
}

/// Reads `a.b[1].c` into segments.
pub fn path(dotted: &str) -> Vec<Seg<'_>> {
    let mut out = Vec::new();
    for part in dotted.split('.') {
        let (key, items) = part.split_once('[').unwrap_or((part, ""));
        if !key.is_empty() {
            out.push(Seg::Key(key));
        }
        for index in items.split('[') {
            if let Ok(i) = index.trim_end_matches(']').parse() {
                out.push(Seg::Item(i));
            }
        }
    }
    out
}

/// The 0-based index of the line in `text` where the value at `path` is
/// written: the line of its key, or of its list item.
pub fn find(text: &str, path: &[Seg]) -> Option<usize> {
    let all = lines(text);
    let mut scope: &[Line] = &all;
    let mut at = None;
    for seg in path {
        if scope.is_empty() {
            // The value stands on the line of its key, in flow style.
            return at;
        }
        let (line, inner) = match *seg {
            Seg::Key(name) => key_in(scope, name)?,
            Seg::Item(n) => item_in(scope, n)?,
        };
        at = Some(line);
        scope = inner;
    }
    at
}

/// Every key of the top-level mapping with its 0-based line, in file order,
/// duplicates included.
pub fn top_level_keys(text: &str) -> Vec<(String, usize)> {
    lines(text)
        .iter()
        .filter(|l| l.indent == 0 && !l.dash)
        .filter_map(|l| Some((key_of(l.body)?, l.no)))
        .collect()
}

/// A line with content: where its text starts and whether it is a list item.
struct Line<'a> {
    /// 0-based line index in the text.
    no: usize,
    indent: usize,
    /// The line starts with `- `.
    dash: bool,
    /// The text after the indentation (and after `- `).
    body: &'a str,
    /// The column where `body` starts.
    col: usize,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    for (no, raw) in text.lines().enumerate() {
        let trimmed = raw.trim_start_matches(' ');
        let indent = raw.len() - trimmed.len();
        let trimmed = trimmed.trim_end();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let (dash, body) = match trimmed.strip_prefix('-') {
            Some(rest) if rest.is_empty() || rest.starts_with([' ', '\t']) => {
                (true, rest.trim_start())
            }
            _ => (false, trimmed),
        };
        let col = indent + (trimmed.len() - body.len());
        out.push(Line {
            no,
            indent,
            dash,
            body,
            col,
        });
    }
    out
}

/// The key `name` among the keys at the scope's level, and the lines of its value.
fn key_in<'s, 'a>(scope: &'s [Line<'a>], name: &str) -> Option<(usize, &'s [Line<'a>])> {
    let level = scope.first()?.col;
    let i = scope.iter().enumerate().position(|(i, l)| {
        l.col == level && (!l.dash || i == 0) && key_of(l.body).as_deref() == Some(name)
    })?;
    let key = &scope[i];
    let rest = &scope[i + 1..];
    // A list may stand at the indentation of its key.
    let len = rest
        .iter()
        .position(|l| !(l.indent > key.col || (l.dash && l.indent == key.col)))
        .unwrap_or(rest.len());
    Some((key.no, &rest[..len]))
}

/// Item `n` of the list the scope holds, and the lines of its value.
fn item_in<'s, 'a>(scope: &'s [Line<'a>], n: usize) -> Option<(usize, &'s [Line<'a>])> {
    let first = scope.first()?;
    if !first.dash {
        return None;
    }
    let level = first.indent;
    let starts: Vec<usize> = (0..scope.len())
        .filter(|&i| scope[i].dash && scope[i].indent == level)
        .collect();
    let start = *starts.get(n)?;
    let end = starts.get(n + 1).copied().unwrap_or_else(|| {
        scope[start + 1..]
            .iter()
            .position(|l| l.indent <= level)
            .map_or(scope.len(), |p| start + 1 + p)
    });
    let item = &scope[start..end];
    // `-` alone on its line: the item's mapping starts on the next one.
    let inner = if item[0].body.is_empty() {
        &item[1..]
    } else {
        item
    };
    Some((item[0].no, inner))
}

/// The key a line of a block mapping starts with, decoded when quoted.
fn key_of(body: &str) -> Option<String> {
    let (token, after) = match body.chars().next()? {
        q @ ('"' | '\'') => {
            let end = closing_quote(body, q)?;
            (&body[..=end], &body[end + 1..])
        }
        '{' | '[' | '#' | '&' | '*' | '!' | '|' | '>' | '?' => return None,
        _ => {
            let i = body
                .match_indices(':')
                .map(|(i, _)| i)
                .find(|&i| body[i + 1..].is_empty() || body[i + 1..].starts_with([' ', '\t']))?;
            (&body[..i], &body[i..])
        }
    };
    let after = after.trim_start();
    let value = after.strip_prefix(':')?;
    if !(value.is_empty() || value.starts_with([' ', '\t'])) {
        return None;
    }
    if token.starts_with(['"', '\'']) {
        super::yaml::try_parse::<String>(token)
    } else {
        Some(token.trim_end().to_string())
    }
}

/// The byte index of the quote that closes the one `body` starts with.
fn closing_quote(body: &str, quote: char) -> Option<usize> {
    let mut chars = body.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            // In single quotes a quote is escaped by doubling it.
            '\'' if quote == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') => {
                chars.next();
            }
            c if c == quote => return Some(i),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, dotted: &str) -> Option<usize> {
        find(text, &path(dotted)).map(|i| i + 1)
    }

    const PROMPT: &str = "\
titel: Kennismaken
doel: Samen verkennen
groepsgrootte:
  min: 2
  max: 12
stappen:
  - tekst: Bespreek het doel: samen
    minuten: 10
  - tekst: Deel
    minuten: 10
vragen:
- het doel: iets
- tweede
";

    #[test]
    fn finds_top_level_keys_not_lines_that_contain_them() {
        assert_eq!(at(PROMPT, "doel"), Some(2));
        assert_eq!(at(PROMPT, "vragen"), Some(11));
        assert_eq!(at(PROMPT, "ontbreekt"), None);
    }

    #[test]
    fn follows_nested_keys_and_list_items() {
        assert_eq!(at(PROMPT, "groepsgrootte.max"), Some(5));
        assert_eq!(at(PROMPT, "stappen[0].minuten"), Some(8));
        assert_eq!(at(PROMPT, "stappen[1].minuten"), Some(10));
        assert_eq!(at(PROMPT, "stappen[1].tekst"), Some(9));
        assert_eq!(at(PROMPT, "vragen[1]"), Some(13));
        assert_eq!(at(PROMPT, "stappen[2]"), None);
    }

    #[test]
    fn a_flow_value_is_placed_at_its_key() {
        let text = "titel: x\nduplex_verschuiving: {x_mm: .nan}\n";
        assert_eq!(at(text, "duplex_verschuiving.x_mm"), Some(2));
        let block = "titel: x\nduplex_verschuiving:\n  # links\n\n  x_mm: 1\n  y_mm: -.inf\n";
        assert_eq!(at(block, "duplex_verschuiving.y_mm"), Some(6));
    }

    #[test]
    fn reads_quoted_and_odd_keys() {
        let text = "\"a\\u0062\": 1\n'it''s': 2\n~:\n  url: x\n";
        assert_eq!(at(text, "ab"), Some(1));
        assert_eq!(find(text, &[Seg::Key("it's")]), Some(1));
        assert_eq!(find(text, &[Seg::Key("~"), Seg::Key("url")]), Some(3));
    }

    #[test]
    fn lists_top_level_keys_with_duplicates() {
        let text = "a:\n  kort: x\nb: 1\na: 2\n";
        let keys = top_level_keys(text);
        assert_eq!(
            keys,
            [("a".into(), 0), ("b".into(), 2), ("a".into(), 3)].to_vec()
        );
    }
}
