//! What a template asks of the UI strings, read from the template Tera parsed.
//!
//! The keys are found in Tera's syntax tree, not by scanning text, so a key in
//! a comment, a raw block or a string is no key, and every way of writing a
//! tag is read as Tera reads it. `tera::ast` is public but hidden from Tera's
//! docs and outside its semver promise; Cargo.lock pins the version, and a
//! change to the tree fails to compile here rather than going unnoticed.
//!
//! The tree has no line numbers; the line named in a message is that of the
//! first place the source spells what the tree holds (`line_of`).

use super::{Strings, TemplateFiles};
use crate::diagnostics::{Message, Problem};
use std::collections::BTreeSet;
use std::path::Path;
use tera::ast::{Expr, ExprVal, FunctionCall, Node};

/// The template function that shows a UI string (see `strings::Lookup`).
pub const FUNCTION: &str = "t";

/// One way a template asks for a UI string.
#[derive(Debug, PartialEq, Eq)]
pub enum Use {
    /// `t(k="key")`: a key known before any page renders.
    Key(String),
    /// `t(k=name)`: a key computed while rendering, checked then.
    Computed,
    /// `t()` without `k`.
    NoKey,
    /// `t.key`, `t[...]` or `t` itself: the strings read from the context,
    /// as themes did before the function; holds what the template wrote.
    Old(String),
}

/// Every use of the strings in a template's tree, in the order written.
///
/// A template that binds `t` itself (`set`, `for`, a macro argument) means
/// its own variable, so `t.x` there is not counted as the old form.
pub fn uses(ast: &[Node]) -> Vec<Use> {
    let mut walk = Walk::default();
    walk.nodes(ast);
    if walk.binds_t {
        walk.uses.retain(|u| !matches!(u, Use::Old(_)));
    }
    walk.uses
}

#[derive(Default)]
struct Walk {
    uses: Vec<Use>,
    binds_t: bool,
}

impl Walk {
    fn nodes(&mut self, nodes: &[Node]) {
        for node in nodes {
            self.node(node);
        }
    }

    fn node(&mut self, node: &Node) {
        match node {
            Node::VariableBlock(_, e) => self.expr(e),
            Node::MacroDefinition(_, m, _) => {
                self.bind(m.args.keys().map(String::as_str));
                m.args.values().flatten().for_each(|e| self.expr(e));
                self.nodes(&m.body);
            }
            Node::Set(_, s) => {
                self.bind([s.key.as_str()]);
                self.expr(&s.value);
            }
            Node::FilterSection(_, f, _) => {
                self.call_args(&f.filter);
                self.nodes(&f.body);
            }
            Node::Block(_, b, _) => self.nodes(&b.body),
            Node::Forloop(_, f, _) => {
                self.bind(f.key.iter().map(String::as_str).chain([f.value.as_str()]));
                self.expr(&f.container);
                self.nodes(&f.body);
                if let Some(body) = &f.empty_body {
                    self.nodes(body);
                }
            }
            Node::If(i, _) => {
                for (_, condition, body) in &i.conditions {
                    self.expr(condition);
                    self.nodes(body);
                }
                if let Some((_, body)) = &i.otherwise {
                    self.nodes(body);
                }
            }
            Node::Super
            | Node::Text(_)
            | Node::Extends(..)
            | Node::Include(..)
            | Node::ImportMacro(..)
            | Node::Raw(..)
            | Node::Break(_)
            | Node::Continue(_)
            | Node::Comment(..) => {}
        }
    }

    fn bind<'n>(&mut self, names: impl IntoIterator<Item = &'n str>) {
        self.binds_t |= names.into_iter().any(|n| n == FUNCTION);
    }

    fn expr(&mut self, e: &Expr) {
        self.val(&e.val);
        for filter in &e.filters {
            self.call_args(filter);
        }
    }

    fn call_args(&mut self, call: &FunctionCall) {
        call.args.values().for_each(|e| self.expr(e));
    }

    fn val(&mut self, val: &ExprVal) {
        match val {
            ExprVal::Ident(name) => self.ident(name),
            ExprVal::Math(m) => {
                self.expr(&m.lhs);
                self.expr(&m.rhs);
            }
            ExprVal::Logic(l) => {
                self.expr(&l.lhs);
                self.expr(&l.rhs);
            }
            ExprVal::Test(t) => {
                self.ident(&t.ident);
                t.args.iter().for_each(|e| self.expr(e));
            }
            ExprVal::MacroCall(m) => m.args.values().for_each(|e| self.expr(e)),
            ExprVal::FunctionCall(f) => {
                if f.name == FUNCTION {
                    self.uses.push(match f.args.get("k").map(|e| &e.val) {
                        Some(ExprVal::String(key)) => Use::Key(key.clone()),
                        Some(_) => Use::Computed,
                        None => Use::NoKey,
                    });
                }
                self.call_args(f);
            }
            ExprVal::Array(items) => items.iter().for_each(|e| self.expr(e)),
            ExprVal::StringConcat(c) => c.values.iter().for_each(|v| self.val(v)),
            ExprVal::In(i) => {
                self.expr(&i.lhs);
                self.expr(&i.rhs);
            }
            ExprVal::String(_) | ExprVal::Int(_) | ExprVal::Float(_) | ExprVal::Bool(_) => {}
        }
    }

    fn ident(&mut self, name: &str) {
        let rest = name.strip_prefix(FUNCTION);
        if rest.is_some_and(|r| r.is_empty() || r.starts_with(['.', '['])) {
            self.uses.push(Use::Old(name.to_string()));
        }
    }
}

/// What the templates ask of the strings, checked.
#[derive(Default)]
pub struct Checked {
    /// `t()` without a key.
    pub errors: Vec<Problem>,
    /// Some template still reads the strings as `t.key`: the theme then gets
    /// the table in every context, as before the function existed.
    pub old_form: bool,
    /// Keys the strings lack.
    pub warnings: Vec<Problem>,
    /// The keys `warnings` name.
    pub reported: BTreeSet<String>,
}

/// Checks every template's uses of the strings: a key the strings lack is a
/// warning naming template and line; the old form still works (a theme copied
/// by an older `werkplaats new` uses it everywhere) but is a warning, once per
/// theme, saying what to write instead.
pub fn check(
    tera: &tera::Tera,
    sources: &[(String, String)],
    files: &TemplateFiles,
    strings: &Strings,
) -> Checked {
    let mut checked = Checked::default();
    for (name, source) in sources {
        let Ok(template) = tera.get_template(name) else {
            continue;
        };
        let file = files.file(name);
        let all = uses(&template.ast);
        let old: Vec<&str> = all
            .iter()
            .filter_map(|u| match u {
                Use::Old(ident) => Some(ident.as_str()),
                _ => None,
            })
            .collect();
        if let Some(first) = old.first()
            && !checked.old_form
        {
            checked.old_form = true;
            checked.warnings.push(old_form(&file, source, first));
        }
        let mut seen = BTreeSet::new();
        for u in &all {
            match u {
                Use::Key(key) if !strings.contains(key) && seen.insert(key) => {
                    let line = line_of_key(source, key);
                    let who = Message::new("vrager-template").arg("naam", name);
                    checked
                        .warnings
                        .push(strings.missing_key(&file, line, key, who));
                    checked.reported.insert(key.clone());
                }
                Use::NoKey => checked.errors.push(
                    Problem::error(
                        &file,
                        line_of_ident(source, "t()"),
                        Message::new("t-zonder-sleutel"),
                    )
                    .hint(Message::new("t-zonder-sleutel-hint")),
                ),
                _ => {}
            }
        }
    }
    checked
}

/// The warning for a theme whose templates still read the strings as
/// `t.key`, at the first place found.
fn old_form(file: &Path, source: &str, first: &str) -> Problem {
    let hint = match first.strip_prefix("t.").filter(|k| !k.contains(['.', '['])) {
        Some(key) => Message::new("oude-vorm-hint-sleutel")
            .arg("sleutel", key)
            .arg("oud", first),
        None => Message::new("oude-vorm-hint"),
    };
    Problem::warning(
        file,
        line_of_ident(source, first),
        Message::new("oude-vorm").arg("oud", first),
    )
    .hint(hint)
}

/// The line (from 1) of the first place in `source` that spells the old
/// form `ident` as a whole word; 0 when there is none.
pub fn line_of_ident(source: &str, ident: &str) -> usize {
    let part_of_name = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let found = source.match_indices(ident).find(|(at, _)| {
        let before = source[..*at].chars().next_back();
        let after = source[at + ident.len()..].chars().next();
        !before.is_some_and(|c| part_of_name(c) || c == '.') && !after.is_some_and(part_of_name)
    });
    found.map_or(0, |(at, _)| line_at(source, at))
}

/// The line (from 1) of the first place in `source` that quotes `key` as a
/// Tera string does; 0 when there is none.
pub fn line_of_key(source: &str, key: &str) -> usize {
    ['"', '\'', '`']
        .iter()
        .filter_map(|q| source.find(&format!("{q}{key}{q}")))
        .min()
        .map_or(0, |at| line_at(source, at))
}

fn line_at(source: &str, at: usize) -> usize {
    source[..at].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uses_in(source: &str) -> Vec<Use> {
        let mut tera = tera::Tera::default();
        let m = ("m.html", "{% macro x(titel) %}{{ titel }}{% endmacro %}");
        tera.add_raw_templates([m, ("a.html", source)])
            .expect("parses");
        uses(&tera.get_template("a.html").expect("added").ast)
    }

    fn key(k: &str) -> Use {
        Use::Key(k.to_string())
    }

    #[test]
    fn finds_keys_wherever_a_value_goes() {
        let source = r#"{% import "m.html" as m %}{{ t(k="a") }}
{% if t(k="b") %}{{ m::x(titel=t(k="c") | upper) }}{% endif %}
{% set x = "y" ~ t(k="d") %}{% for i in l %}{{ i | replace(from="q", to=t(k="e")) }}{% endfor %}
{% block b %}{% filter upper %}{{ t(k="f") }}{% endfilter %}{% endblock %}
{% macro m(p=1) %}{{ t(k="g") }}{% endmacro %}"#;
        let got = uses_in(source);
        let want: Vec<Use> = ["a", "b", "c", "d", "e", "f", "g"].map(key).into();
        assert_eq!(got, want);
    }

    #[test]
    fn comments_raw_blocks_and_strings_hold_no_keys() {
        let got = uses_in(r#"{# t(k="a") #}{% raw %}{{ t(k="b") }}{% endraw %}{{ 't(k="c")' }}"#);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_computed_key_and_a_missing_one_are_told_apart() {
        let got = uses_in(r#"{{ t(k=naam) }}{{ t(k="x" ~ naam) }}{{ t() }}"#);
        assert_eq!(got, [Use::Computed, Use::Computed, Use::NoKey]);
    }

    #[test]
    fn finds_the_old_form_unless_the_template_has_its_own_t() {
        let got = uses_in("{{ t.a }}{% if t.b is defined %}{{ t[x] }}{% endif %}{{ at.c }}");
        let old = |s: &str| Use::Old(s.to_string());
        assert_eq!(got, [old("t.a"), old("t.b"), old("t[x]")]);
        assert!(uses_in("{% for t in l %}{{ t.a }}{% endfor %}").is_empty());
        assert!(uses_in("{% macro m(t) %}{{ t.a }}{% endmacro %}").is_empty());
    }

    #[test]
    fn names_the_line_of_the_first_whole_word() {
        let source = "a\nat.zoeken\n{{ t.zoeken }}\n{{ t.zoeken_meer }}";
        assert_eq!(line_of_ident(source, "t.zoeken"), 3);
        assert_eq!(line_of_ident(source, "t.zoeken_meer"), 4);
        assert_eq!(line_of_ident(source, "t.weg"), 0);
        assert_eq!(line_of_ident("t.a", "t.a"), 1);
    }

    #[test]
    fn names_the_line_of_the_first_quoted_key() {
        let source = "{{ t(k=\"zoeken_meer\") }}\n{{ t(k='zoeken') }}\n{{ t(k=\"zoeken\") }}";
        assert_eq!(line_of_key(source, "zoeken"), 2);
        assert_eq!(line_of_key(source, "weg"), 0);
    }
}
