//! UI strings written into the templates once, instead of into every page.
//!
//! Templates show UI strings as `t.key`. Handing Tera the whole table of
//! strings with every page (about 250 of them, copied into each template
//! context) was a fifth of a large site's render time, and Tera macros cannot
//! see the page context, so the table was passed on to each macro call too.
//! The strings are fixed while a theme is loaded, so `t.key` inside a tag
//! (`{{ }}`, `{% %}`) is replaced by the string itself, as a Tera string
//! literal, before the template is parsed: same value, same escaping.
//!
//! A template that uses `t` any other way (`t[name]`, passing `t` on, a
//! variable of its own called `t`), or a string no Tera literal can hold, is
//! left exactly as written, and the table is then put in every context as
//! before (`Inlined::needs_table`), so older themes keep working.

use std::collections::BTreeMap;

/// A template's source with its UI strings written in.
pub struct Inlined {
    pub source: String,
    /// Whether the template still reads `t` from its context.
    pub needs_table: bool,
}

/// Writes the strings of `table` into `source` where it says `t.key`.
pub fn inline(source: &str, table: &BTreeMap<String, String>) -> Inlined {
    let mut out = String::with_capacity(source.len());
    let mut needs_table = false;
    let mut rest = source;
    while let Some(open) = next_tag(rest) {
        out.push_str(&rest[..open.start]);
        let tag = &rest[open.start..];
        let Some(len) = tag_len(tag, open.close) else {
            // Unclosed: Tera reports it, on the template as written.
            return Inlined {
                source: source.to_string(),
                needs_table: true,
            };
        };
        let tag = &tag[..len];
        if open.close == "#}" {
            out.push_str(tag);
        } else {
            let (text, bare) = inline_tag(tag, table);
            needs_table |= bare;
            out.push_str(&text);
        }
        rest = &rest[open.start + len..];
        if is_raw_start(tag) {
            // `{% raw %}` … `{% endraw %}` is text, not Tera.
            let end = find_endraw(rest).unwrap_or(rest.len());
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        }
    }
    out.push_str(rest);
    if needs_table {
        // Keep the template as written: one use of the table means its own `t`
        // may not be the strings at all.
        return Inlined {
            source: source.to_string(),
            needs_table,
        };
    }
    Inlined {
        source: out,
        needs_table,
    }
}

struct Open {
    start: usize,
    close: &'static str,
}

fn next_tag(text: &str) -> Option<Open> {
    let mut from = 0;
    while let Some(i) = text[from..].find('{') {
        let at = from + i;
        let close = match text.as_bytes().get(at + 1) {
            Some(b'{') => "}}",
            Some(b'%') => "%}",
            Some(b'#') => "#}",
            _ => {
                from = at + 1;
                continue;
            }
        };
        return Some(Open { start: at, close });
    }
    None
}

/// The length of the tag at the start of `tag`, up to and including `close`,
/// skipping string literals (which may contain `}}`). Scans bytes, since a tag
/// may hold any character: every position it stops at is an ASCII byte, so
/// the caller's slices fall between characters.
fn tag_len(tag: &str, close: &str) -> Option<usize> {
    if close == "#}" {
        return tag.find(close).map(|i| i + 2);
    }
    let bytes = tag.as_bytes();
    let mut i = 2;
    while i < bytes.len() {
        match bytes[i] {
            q @ (b'"' | b'\'' | b'`') => {
                i += 1 + bytes.get(i + 1..)?.iter().position(|&c| c == q)?;
            }
            _ if bytes[i..].starts_with(close.as_bytes()) => return Some(i + close.len()),
            _ => {}
        }
        i += 1;
    }
    None
}

/// Replaces `t.key` in one tag; also says whether `t` is used any other way.
fn inline_tag(tag: &str, table: &BTreeMap<String, String>) -> (String, bool) {
    let bytes = tag.as_bytes();
    let mut out = String::with_capacity(tag.len());
    let mut bare = false;
    let mut i = 0;
    let mut copied = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'"' | b'\'' | b'`') {
            let len = bytes[i + 1..].iter().position(|&c| c == b);
            i += 2 + len.unwrap_or(bytes.len() - i - 1);
            continue;
        }
        let starts_word = b == b't' && (i == 0 || !is_ident(bytes[i - 1]) && bytes[i - 1] != b'.');
        let ends_word = bytes.get(i + 1).is_none_or(|c| !is_ident(*c));
        if !(starts_word && ends_word) {
            i += 1;
            continue;
        }
        if bytes.get(i + 1) == Some(&b'.') {
            let key_len = tag[i + 2..].bytes().take_while(|c| is_ident(*c)).count();
            let key = &tag[i + 2..i + 2 + key_len];
            // Tera takes a literal where a value goes, but not before `.x`,
            // `[x]` or a test (`is defined`), nor as what a loop walks.
            let after = tag[i + 2 + key_len..].trim_start();
            let before = tag[..i].trim_end();
            let value_only = !(after.starts_with(['.', '['])
                || starts_with_word(after, "is")
                || ends_with_word(before, "in"));
            match table.get(key).and_then(|v| literal(v)) {
                Some(lit) if key_len > 0 && value_only => {
                    out.push_str(&tag[copied..i]);
                    out.push_str(&lit);
                    i += 2 + key_len;
                    copied = i;
                    continue;
                }
                _ => bare = true,
            }
        } else {
            bare = true;
        }
        i += 1;
    }
    out.push_str(&tag[copied..]);
    (out, bare)
}

fn starts_with_word(text: &str, word: &str) -> bool {
    text.strip_prefix(word)
        .is_some_and(|rest| rest.bytes().next().is_none_or(|c| !is_ident(c)))
}

fn ends_with_word(text: &str, word: &str) -> bool {
    text.strip_suffix(word)
        .is_some_and(|rest| rest.bytes().last().is_none_or(|c| !is_ident(c)))
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// `value` as a Tera string literal: Tera has no escapes, so a quote the
/// value does not contain; `None` when it contains all three or a line break
/// (which would move the template's line numbers).
fn literal(value: &str) -> Option<String> {
    if value.contains('\n') {
        return None;
    }
    ['"', '\'', '`']
        .into_iter()
        .find(|q| !value.contains(*q))
        .map(|q| format!("{q}{value}{q}"))
}

fn is_raw_start(tag: &str) -> bool {
    tag.starts_with("{%") && tag_word(tag.get(2..tag.len().saturating_sub(2))) == Some("raw")
}

/// What a `{% … %}` tag says, without its blanks and `-` trims.
fn tag_word(inner: Option<&str>) -> Option<&str> {
    inner.map(|s| s.trim_matches(['-', ' ', '\t', '\n']))
}

/// Where `{% endraw %}` starts: the first one, whatever quotes come before it,
/// as Tera reads a raw block. The `%}` that closes a tag is looked for after
/// its `{%`, so `{%}` is no tag of its own.
fn find_endraw(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text.get(from..)?.find("{%") {
        let at = from + i;
        let inner_len = text.get(at + 2..)?.find("%}")?;
        if tag_word(text.get(at + 2..at + 2 + inner_len)) == Some("endraw") {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> BTreeMap<String, String> {
        [
            ("wat", "Wat"),
            ("quote", "Zeg \"ja\""),
            ("all", "a\"b'c`d"),
            ("html", "<b>&</b>"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    #[test]
    fn writes_strings_into_tags_only() {
        let src = "t.wat {{ t.wat }} {% if t.wat %}{{ m::x(titel=t.wat) }}{% endif %} {# t.wat #} \"t.wat\" {{ \"t.wat\" }}";
        let got = inline(src, &table());
        assert!(!got.needs_table);
        assert_eq!(
            got.source,
            "t.wat {{ \"Wat\" }} {% if \"Wat\" %}{{ m::x(titel=\"Wat\") }}{% endif %} {# t.wat #} \"t.wat\" {{ \"t.wat\" }}"
        );
    }

    #[test]
    fn picks_a_quote_the_string_does_not_hold() {
        let got = inline("{{ t.quote }}", &table());
        assert_eq!(got.source, "{{ 'Zeg \"ja\"' }}");
    }

    #[test]
    fn keeps_templates_that_use_the_table_otherwise() {
        for src in [
            "{{ t.all }}",
            "{{ t.missing }}",
            "{{ x(t=t) }} {{ t.wat }}",
            "{% macro m(t) %}{{ t.wat }}{% endmacro %}",
            "{{ t[\"wat\"] }}",
            "{{ t }}",
            "{% if t.wat is defined %}x{% endif %}",
            "{{ t.wat.x | default(value='') }}",
            "{{ t.wat[0] }}",
            "{% for c in t.wat %}{{ c }}{% endfor %}",
        ] {
            let got = inline(src, &table());
            assert!(got.needs_table, "{src}");
            assert_eq!(got.source, src, "left as written");
        }
    }

    #[test]
    fn leaves_other_names_and_raw_blocks_alone() {
        let src =
            "{{ at.wat }} {{ x.t.wat }} {{ tt.wat }} {% raw %}{{ t.wat }}{% endraw %} {{ t.wat }}";
        let got = inline(src, &table());
        assert_eq!(
            got.source,
            "{{ at.wat }} {{ x.t.wat }} {{ tt.wat }} {% raw %}{{ t.wat }}{% endraw %} {{ \"Wat\" }}"
        );
    }

    #[test]
    fn a_raw_block_ends_at_the_first_endraw_whatever_quotes_it_holds() {
        let src = "{% raw %}{% x = 'a %}{% endraw %}<p class=\"a\">{{ t.wat }}</p>";
        let got = inline(src, &table());
        assert_eq!(
            got.source,
            "{% raw %}{% x = 'a %}{% endraw %}<p class=\"a\">{{ \"Wat\" }}</p>"
        );
        let src = "{% raw %}\"{{ t.wat }}{% endraw %}";
        assert_eq!(inline(src, &table()).source, src);
    }

    #[test]
    fn characters_of_several_bytes_and_stray_openers_are_text() {
        let got = inline("{{ t.wat\u{a0}}} {{ 'é' ~ t.wat }}", &table());
        assert_eq!(got.source, "{{ \"Wat\"\u{a0}}} {{ 'é' ~ \"Wat\" }}");
        let got = inline("{% raw %}a{%}b{% endraw %}{{ t.wat }}", &table());
        assert_eq!(got.source, "{% raw %}a{%}b{% endraw %}{{ \"Wat\" }}");
        for src in ["{%\u{a0}", "{{ 'é", "{% raw %}{%}", "{%}"] {
            assert_eq!(inline(src, &table()).source, src, "left as written");
        }
    }

    #[test]
    fn an_inlined_string_is_escaped_like_a_variable() {
        let mut tera = tera::Tera::default();
        tera.autoescape_on(vec![".html"]);
        let got = inline("<p>{{ t.html }}</p>", &table());
        tera.add_raw_template("a.html", &got.source)
            .expect("parses");
        tera.add_raw_template("b.html", "<p>{{ t.html }}</p>")
            .expect("parses");
        let mut ctx = tera::Context::new();
        ctx.insert("t", &table());
        let inlined = tera
            .render("a.html", &tera::Context::new())
            .expect("renders");
        let variable = tera.render("b.html", &ctx).expect("renders");
        assert_eq!(inlined, variable);
        assert_eq!(inlined, "<p>&lt;b&gt;&amp;&lt;&#x2F;b&gt;</p>");
    }
}
