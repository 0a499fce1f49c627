//! The YAML parser's syntax errors in the site's language, with the usual
//! cause read from the text: indentation, a missing space after `:`, an
//! unquoted `:` in a value.
//!
//! The parser's messages are English and name its own state ("while parsing
//! a block mapping, did not find expected key"), not what the editor wrote;
//! and it notices a line indented too far only where the value before it
//! ends. This module looks at the lines around the error and names the line
//! to change. It only reads text: which error it was is for `yaml.rs`.

/// What the text shows about a problem: the 1-based line and column (in the
/// YAML text) of the cause, and what to do.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Cause {
    pub line: usize,
    pub column: usize,
    pub message: Option<String>,
    pub hint: String,
}

/// The parser's message for a syntax error, in Dutch. Messages that are not
/// listed say only that the YAML cannot be read here: the cause and hint
/// say the rest.
pub(super) fn translate(message: &str) -> String {
    const TABLE: &[(&str, &str)] = &[
        (
            "did not find expected key",
            "hier verwachtte de YAML een veld (`naam: waarde`) op dezelfde inspringing als de velden erboven",
        ),
        (
            "did not find expected '-' indicator",
            "hier verwachtte de YAML een volgend lijstitem (`- …`) op dezelfde inspringing als de lijst erboven",
        ),
        (
            "mapping values are not allowed",
            "een dubbele punt met een spatie erna staat waar geen veld kan beginnen",
        ),
        (
            "expected ':'",
            "na een veldnaam hoort een dubbele punt met een spatie (`naam: waarde`)",
        ),
        (
            "tab",
            "een tab als inspringing; YAML springt alleen in met spaties",
        ),
        ("unclosed quote", "een aanhalingsteken wordt niet gesloten"),
        (
            "quoted scalar",
            "de tekst tussen aanhalingstekens is niet goed afgesloten",
        ),
        (
            "unclosed bracket '['",
            "een `[` wordt niet gesloten met `]`",
        ),
        (
            "flow sequence",
            "een lijst tussen `[` en `]` is niet goed afgesloten",
        ),
        ("unclosed bracket", "een `{` wordt niet gesloten met `}`"),
        (
            "flow mapping",
            "velden tussen `{` en `}` zijn niet goed afgesloten",
        ),
        ("invalid indentation", "onverwachte inspringing"),
        (
            "placement of ':'",
            "een dubbele punt staat waar hij niet kan staan",
        ),
        (
            "unknown anchor",
            "een alias `*naam` zonder anker `&naam` ervoor",
        ),
        (
            "did not find expected node content",
            "hier ontbreekt een waarde",
        ),
        ("unexpected character", "een teken dat hier niet kan staan"),
        (
            "unexpected EOF",
            "het bestand houdt op midden in een waarde",
        ),
        (
            "unexpected end",
            "het bestand houdt op midden in een waarde",
        ),
    ];
    TABLE
        .iter()
        .find(|(english, _)| message.contains(english))
        .map_or("de YAML is hier niet te lezen", |(_, dutch)| dutch)
        .to_string()
}

/// The hint when the text shows no particular cause.
pub(super) const GENERAL_HINT: &str = "controleer de inspringing (alleen spaties, velden van één blok recht onder elkaar), de spatie na elke dubbele punt, en zet een waarde met een dubbele punt erin tussen aanhalingstekens";

/// The cause of a syntax error at `line` (1-based in `text`, whose first
/// line is the file's `first_line`), when the text shows one: a missing
/// space after `:` or an unquoted `:` on the line, or a line whose
/// indentation matches no block above it.
pub(super) fn syntax_cause(text: &str, line: usize, first_line: usize) -> Option<Cause> {
    let lines: Vec<&str> = text.lines().collect();
    let own = *lines.get(line.checked_sub(1)?)?;
    tab(own, line)
        .or_else(|| missing_space(own, line))
        .or_else(|| unquoted_colon(own, line))
        .or_else(|| misaligned(&lines, line, first_line))
}

/// A quote or bracket at (`line`, `column`) that is never closed.
pub(super) fn unclosed(text: &str, line: usize, column: usize) -> Cause {
    let open = text
        .lines()
        .nth(line.saturating_sub(1))
        .and_then(|l| l.chars().nth(column.saturating_sub(1)))
        .unwrap_or('"');
    let close = match open {
        '[' => ']',
        '{' => '}',
        other => other,
    };
    Cause {
        line,
        column,
        message: Some(format!(
            "ongeldige YAML: de `{open}` hier wordt niet gesloten met `{close}`"
        )),
        hint: format!(
            "zet de `{close}` aan het eind van de waarde; een dubbele punt in tekst kan alleen tussen aanhalingstekens"
        ),
    }
}

/// A type error at `line` that comes from indentation: the next line is
/// indented further under a key that already has its value (`min: 3` and
/// under it `  max: 12`, read as the text "3 max: 12"), or the fields of a key
/// without a value are not indented under it.
pub(super) fn type_cause(text: &str, line: usize, first_line: usize) -> Option<Cause> {
    let lines: Vec<&str> = text.lines().collect();
    let own = *lines.get(line.checked_sub(1)?)?;
    let (next_no, next) = lines
        .iter()
        .enumerate()
        .skip(line)
        .find(|(_, l)| is_content(l))?;
    let key = key_of(own)?;
    let next_key = key_of(next)?;
    let value = own.split_once(':')?.1.trim();
    let (ind, next_ind) = (key_indent(own), indent(next));
    let file_line = line + first_line - 1;
    if !value.is_empty() && !value.starts_with(['[', '{', '|', '>']) && next_ind > ind {
        return Some(Cause {
            line: next_no + 1,
            column: next_ind + 1,
            message: Some(format!(
                "`{next_key}` springt verder in dan `{key}` op regel {file_line}; zo leest YAML het als een vervolg van de waarde van `{key}`"
            )),
            hint: format!(
                "zet `{next_key}` recht onder `{key}` ({ind} spaties), of, als het eronder hoort, maak van `{key}` een blok zonder waarde op zijn regel"
            ),
        });
    }
    (value.is_empty() && next_ind <= ind).then(|| Cause {
        line: next_no + 1,
        column: next_ind + 1,
        message: None,
        hint: format!(
            "`{key}` heeft geen waarde op regel {file_line}: spring wat eronder hoort verder in dan `{key}`, bijvoorbeeld `{}{next_key}: …`",
            " ".repeat(ind + 2)
        ),
    })
}

/// A tab in a line's indentation, which YAML does not allow.
fn tab(own: &str, line: usize) -> Option<Cause> {
    let lead = &own[..own.len() - own.trim_start().len()];
    let at = lead.find('\t')?;
    Some(Cause {
        line,
        column: at + 1,
        message: None,
        hint: "vervang de tab aan het begin van de regel door spaties (twee per niveau); veel editors kunnen tabs bij het opslaan omzetten".into(),
    })
}

/// `duur:20`: a key and a value without the space YAML needs between them.
fn missing_space(own: &str, line: usize) -> Option<Cause> {
    let body = own.trim_start().trim_start_matches("- ");
    if body.starts_with(['"', '\'', '#', '[', '{']) {
        return None;
    }
    let colon = body.find(':')?;
    let (key, rest) = (&body[..colon], &body[colon + 1..]);
    let word = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-'));
    let glued = rest.chars().next().is_some_and(|c| !c.is_whitespace()) && !rest.starts_with("//");
    (word && glued).then(|| {
        let at = own.len() - body.len() + colon;
        Cause {
            line,
            column: own[..at].chars().count() + 2,
            message: None,
            hint: format!("zet een spatie na de dubbele punt: `{key}: {rest}`"),
        }
    })
}

/// `doel: Samen: verkennen`: a `: ` inside a value that is not quoted.
fn unquoted_colon(own: &str, line: usize) -> Option<Cause> {
    let body = own.trim_start().trim_start_matches("- ");
    let (key, value) = body.split_once(": ")?;
    let value = value.trim();
    if key.contains([' ', '"', '\'']) || value.starts_with(['"', '\'', '[', '{', '|', '>']) {
        return None;
    }
    let inner = value.find(": ")?;
    let at = own.len() - value.len() + inner;
    Some(Cause {
        line,
        column: own[..at].chars().count() + 1,
        message: None,
        hint: format!(
            "zet de waarde tussen aanhalingstekens, want er staat een dubbele punt in: `{key}: \"{}\"`",
            value.replace('"', "\\\"")
        ),
    })
}

/// A line whose indentation is not that of the block it follows: one space
/// short of its siblings, or further in than a line that has its value.
fn misaligned(lines: &[&str], line: usize, first_line: usize) -> Option<Cause> {
    let own = lines[line - 1];
    let ind = indent(own);
    let before: Vec<(usize, &str)> = lines[..line - 1]
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, l)| is_content(l))
        .collect();
    let &(prev_no, prev) = before.last()?;
    let what = key_of(own).map_or("deze regel".to_string(), |k| format!("`{k}`"));
    let aligned = before
        .iter()
        .rev()
        .find(|(_, l)| indent(l) <= ind)
        .is_some_and(|(_, l)| indent(l) == ind);
    let opens = prev.trim_end().ends_with(':');
    // In line with a block above, and not further in than a line with a value.
    if aligned && (ind <= indent(prev) || opens) {
        return None;
    }
    let hint = if ind > indent(prev) {
        format!(
            "{what} springt verder in ({ind} spaties) dan regel {}, die al een waarde heeft ({}); zet het recht onder die regel",
            prev_no + first_line,
            key_indent(prev)
        )
    } else {
        let siblings = before
            .iter()
            .rev()
            .take_while(|(_, l)| indent(l) > ind)
            .last()
            .map_or(indent(prev), |(_, l)| indent(l));
        format!(
            "{what} springt {ind} spaties in, de regels erboven {siblings}: zet het recht onder de regel waar het bij hoort"
        )
    };
    Some(Cause {
        line,
        column: ind + 1,
        message: None,
        hint,
    })
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Where a line's key starts: after its indentation and any `- `.
fn key_indent(line: &str) -> usize {
    let mut rest = line.trim_start_matches(' ');
    while let Some(r) = rest.strip_prefix("- ") {
        rest = r.trim_start_matches(' ');
    }
    line.len() - rest.len()
}

/// A line that holds YAML, not only space or a comment.
fn is_content(line: &&str) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.starts_with('#')
}

/// The key a line starts with (`min` in `  - min: 3`), when it is a plain word.
fn key_of(line: &str) -> Option<&str> {
    let body = line.trim_start().trim_start_matches("- ");
    let key = body.split_once(':')?.0.trim();
    (!key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-')))
    .then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_space_after_the_colon_is_named() {
        let c = syntax_cause("a: 1\nduur:20\n", 2, 1).expect("cause");
        assert_eq!((c.line, c.column), (2, 6));
        assert!(c.hint.contains("`duur: 20`"), "{}", c.hint);
        assert_eq!(syntax_cause("link: https://x.nl\n", 1, 1), None);
    }

    #[test]
    fn an_unquoted_colon_in_a_value_is_named() {
        let c = syntax_cause("doel: Samen: verkennen\n", 1, 1).expect("cause");
        assert_eq!((c.line, c.column), (1, 12));
        assert!(
            c.hint.contains("`doel: \"Samen: verkennen\"`"),
            "{}",
            c.hint
        );
        assert_eq!(syntax_cause("doel: \"Samen: x\"\n", 1, 1), None);
    }

    #[test]
    fn a_line_out_of_line_with_its_block_is_named() {
        let text = "g:\n  min: 2\n max: 12\nz: 1\n";
        let c = syntax_cause(text, 3, 1).expect("cause");
        assert_eq!((c.line, c.column), (3, 2));
        assert!(
            c.hint
                .contains("`max` springt 1 spaties in, de regels erboven 2"),
            "{}",
            c.hint
        );
        assert_eq!(syntax_cause("g:\n  min: 2\n  max: 12\n", 3, 1), None);
    }

    #[test]
    fn a_key_indented_under_a_value_is_named_at_its_own_line() {
        // The text starts at line 2 of its file, after `---`.
        let c = type_cause("g:\n  min: 3\n    max: 12\n", 2, 2).expect("cause");
        assert_eq!((c.line, c.column), (3, 5));
        assert!(
            c.message
                .unwrap()
                .contains("`max` springt verder in dan `min` op regel 3")
        );
        let empty = type_cause("g:\nmin: 2\n", 1, 1).expect("cause");
        assert_eq!(empty.line, 2);
        assert!(empty.hint.contains("`  min: …`"), "{}", empty.hint);
        assert_eq!(type_cause("a: x\nb: y\n", 1, 1), None);
    }

    #[test]
    fn a_tab_in_the_indentation_is_named() {
        let c = syntax_cause("a:\n \t- x\n", 2, 1).expect("cause");
        assert_eq!((c.line, c.column), (2, 2));
        assert!(c.hint.contains("vervang de tab"), "{}", c.hint);
    }

    #[test]
    fn no_english_is_left() {
        assert!(
            translate("while parsing a block mapping, did not find expected key")
                .starts_with("hier verwachtte")
        );
        assert_eq!(translate("something new"), "de YAML is hier niet te lezen");
    }
}
