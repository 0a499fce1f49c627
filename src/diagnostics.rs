//! Problems found in a toolkit, as values, and how they are shown.
//!
//! Every stage reports problems the same way: file, line, column, what is wrong and
//! what to do. Stages collect them instead of stopping at the first, so an editor
//! sees everything at once. Showing them (with the offending line underlined) is
//! left to miette rather than hand-formatted.

use crate::language::Language;
pub use crate::messages::{Message, Text};
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How bad a problem is: errors fail the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// Path relative to the toolkit root (or as given, for files outside it).
    pub file: PathBuf,
    /// 1-based line; 0 when the problem is about the file as a whole.
    pub line: usize,
    /// 1-based column; 0 when unknown.
    pub column: usize,
    pub message: Text,
    /// What the editor can do about it.
    pub hint: Option<Text>,
}

impl Problem {
    /// An error at a line of a file.
    pub fn error(file: impl Into<PathBuf>, line: usize, message: impl Into<Text>) -> Self {
        Problem {
            severity: Severity::Error,
            file: file.into(),
            line,
            column: 0,
            message: message.into(),
            hint: None,
        }
    }

    /// A warning at a line of a file.
    pub fn warning(file: impl Into<PathBuf>, line: usize, message: impl Into<Text>) -> Self {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(file, line, message)
        }
    }

    /// Adds the hint that says what to do.
    pub fn hint(mut self, hint: impl Into<Text>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Sets the column.
    pub fn column(mut self, column: usize) -> Self {
        self.column = column;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The column as reports give it: 1-based characters (not bytes, not
    /// UTF-16 units), 1 when only the line is known, 0 for the file as a whole.
    pub fn shown_column(&self) -> usize {
        match self.line {
            0 => 0,
            _ => self.column.max(1),
        }
    }
}

impl fmt::Display for Problem {
    /// One line, `file:line:column: error: message (hint)`, the shape editors and
    /// grep understand.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "fout",
            Severity::Warning => "waarschuwing",
        };
        write!(f, "{}", self.file.display())?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.shown_column())?;
        }
        write!(f, ": {kind}: {}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " — {hint}")?;
        }
        Ok(())
    }
}

/// All problems of a run, sorted by file and line when reported.
#[derive(Debug, Clone, Default)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn push(&mut self, problem: Problem) {
        self.0.push(problem);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Problem>) {
        self.0.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Problem::is_error)
    }

    pub fn errors(&self) -> usize {
        self.0.iter().filter(|p| p.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.0.len() - self.errors()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Errors first, then warnings, each sorted by file and line, for
    /// reporting: a warning often follows from an error (a mistyped code
    /// leaves an element without prompts) and is read after it.
    pub fn sorted(mut self) -> Self {
        self.0.sort_by(|a, b| {
            (a.severity, &a.file, a.line, a.column).cmp(&(b.severity, &b.file, b.line, b.column))
        });
        self.0.dedup();
        self
    }

    pub fn iter(&self) -> impl Iterator<Item = &Problem> {
        self.0.iter()
    }
}

impl IntoIterator for Problems {
    type Item = Problem;
    type IntoIter = std::vec::IntoIter<Problem>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// The text of files problems may point into, so a report can quote the line.
///
/// Texts are shared, not copied: the load stage keeps every content file's text
/// here, and later stages clone the whole set.
#[derive(Debug, Clone, Default)]
pub struct SourceTexts(HashMap<PathBuf, Arc<str>>);

impl SourceTexts {
    pub fn insert(&mut self, file: &Path, text: &str) {
        self.insert_shared(file, Arc::from(text));
    }

    /// Keeps `text` without copying it.
    pub fn insert_shared(&mut self, file: &Path, text: Arc<str>) {
        self.0.insert(file.to_path_buf(), text);
    }

    pub fn get(&self, file: &Path) -> Option<&str> {
        self.0.get(file).map(|text| &**text)
    }
}

#[derive(Debug, thiserror::Error)]
#[error("{message}")]
struct Rendered {
    message: String,
    code: Option<Excerpt>,
    span: Option<miette::SourceSpan>,
    help: Option<String>,
    severity: miette::Severity,
    /// The marker's label ("hier").
    here: String,
}

/// By hand, not derived: the derive fixes a severity per type, and a warning
/// must get its own mark and colour, not an error's red cross.
impl miette::Diagnostic for Rendered {
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display + 'a>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.code.as_ref().map(|c| c as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let span = self.span?;
        let label = miette::LabeledSpan::new_with_span(Some(self.here.clone()), span);
        Some(Box::new(std::iter::once(label)))
    }
}

/// Renders problems for a terminal: each with the quoted line and a marker, then a
/// count. `color` is off when output is not a terminal.
///
/// The work is in proportion to the problems and the files they point into:
/// each file's lines are found once, and miette is handed only the lines it
/// quotes, not a copy of the whole file per problem.
pub fn render_report(
    problems: &Problems,
    texts: &SourceTexts,
    color: bool,
    language: Language,
) -> String {
    let mut out = render_problems(problems, texts, color, language);
    let tally = Message::new("telling")
        .count("fouten", problems.errors())
        .count("waarschuwingen", problems.warnings());
    out.push_str(&tally.say(language));
    out.push('\n');
    out
}

/// [`render_report`] without the count, for a caller that closes with its own
/// line (`check`'s "in orde: …"), in `language` where the problems were
/// said through the catalogue.
pub fn render_problems(
    problems: &Problems,
    texts: &SourceTexts,
    color: bool,
    language: Language,
) -> String {
    let here = Message::new("hier").say(language);
    let theme = if color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let handler = miette::GraphicalReportHandler::new_themed(theme).with_context_lines(1);
    let mut indexes: HashMap<&Path, LineIndex> = HashMap::new();
    let mut out = String::new();
    for p in problems.iter() {
        let quoted = match texts.get(&p.file) {
            Some(text) if p.line > 0 => {
                let index = indexes
                    .entry(&p.file)
                    .or_insert_with(|| LineIndex::new(text));
                Excerpt::around(text, index, p)
            }
            _ => None,
        };
        let (code, span) = quoted.unzip();
        let said = p.message.say(language);
        let message = if code.is_some() {
            said.into_owned()
        } else {
            format!("{}: {said}", location(p))
        };
        let diag = Rendered {
            message,
            code,
            span,
            help: p.hint.as_ref().map(|h| h.say(language).into_owned()),
            severity: match p.severity {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
            },
            here: here.clone(),
        };
        let _ = handler.render_report(&mut out, &diag);
        out.push('\n');
    }
    out
}

/// `file:line:column`, as much of it as is known.
fn location(p: &Problem) -> String {
    match p.line {
        0 => format!("{}", p.file.display()),
        l => format!("{}:{l}:{}", p.file.display(), p.shown_column()),
    }
}

/// One JSON object per problem, one per line, for editors' tooling. `line`
/// and `column` are 1-based, the column in characters; both are 0 when the
/// problem is about the file as a whole.
pub fn render_json(problems: &Problems, language: Language) -> String {
    let mut out = String::new();
    for p in problems.iter() {
        let value = serde_json::json!({
            "severity": match p.severity { Severity::Error => "error", Severity::Warning => "warning" },
            "file": json_path(&p.file),
            "line": p.line,
            "column": p.shown_column(),
            "message": p.message.say(language),
            "hint": p.hint.as_ref().map(|h| h.say(language)),
        });
        out.push_str(&value.to_string());
        out.push('\n');
    }
    out
}

/// A problem's file as tools read it: the real path, with `/` between parts.
/// Only on Windows is a backslash a separator; on Unix it is a character of
/// the file name (`a\b.md`), and turning it into `/` would name another file.
fn json_path(file: &Path) -> String {
    let path = file.to_string_lossy();
    if cfg!(windows) {
        path.replace('\\', "/")
    } else {
        path.into_owned()
    }
}

/// Lines longer than this are not quoted in reports.
const MAX_QUOTED_LINE: usize = 1000;

/// Where each line of a text starts, found once, so that a file with many
/// problems is not scanned from the top for each.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset of the start of each line; the first is 0.
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    /// The 1-based line that byte `offset` is on.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// Byte offset where the line of `offset` starts.
    pub fn line_start_of(&self, offset: usize) -> usize {
        self.starts[self.line_of(offset).saturating_sub(1)]
    }

    /// The bytes of 1-based `line`, its line break included; `None` past the
    /// last line.
    fn line(&self, line: usize) -> Option<std::ops::Range<usize>> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let end = self.starts.get(line).copied().unwrap_or(self.len);
        (start < self.len || line == 1).then_some(start..end)
    }
}

/// The lines of a file that a report quotes (the problem's line and one on
/// either side), with where they are in the file, so that miette numbers and
/// marks them as in the whole file.
#[derive(Debug)]
struct Excerpt {
    name: String,
    text: String,
    /// Byte offset of `text` in the file.
    offset: usize,
    /// 0-based line of `text`'s first line in the file.
    first_line: usize,
}

impl Excerpt {
    /// The excerpt around `p`'s line and the span that marks it: from the
    /// column to the end of the line's text, or the whole line when the column
    /// is unknown. `None` when the line is not worth quoting: past the end of
    /// the text, or very long (minified or hostile input).
    fn around(text: &str, index: &LineIndex, p: &Problem) -> Option<(Excerpt, miette::SourceSpan)> {
        let content = |r: &std::ops::Range<usize>| text[r.clone()].trim_end_matches(['\n', '\r']);
        let quotable = |l: usize| {
            index
                .line(l)
                .filter(|r| content(r).len() <= MAX_QUOTED_LINE)
        };
        let own = quotable(p.line)?;
        let first = p
            .line
            .checked_sub(1)
            .and_then(quotable)
            .unwrap_or(own.clone());
        let last = quotable(p.line + 1).unwrap_or(own.clone());
        let line = content(&own);
        let start = match p.column {
            0 => 0,
            c => line.char_indices().nth(c - 1).map_or(0, |(b, _)| b),
        };
        let span = miette::SourceSpan::new(
            (own.start + start).into(),
            line.len().saturating_sub(start).max(1),
        );
        let excerpt = Excerpt {
            name: p.file.display().to_string(),
            text: text[first.start..last.end].to_string(),
            offset: first.start,
            first_line: index.line_of(first.start) - 1,
        };
        Some((excerpt, span))
    }
}

impl Excerpt {
    /// The 0-based column of `local` in characters, where miette counts
    /// bytes (`bytes`): the header's `file:line:column` then agrees with
    /// `--format json` on a line with accents.
    fn char_column(&self, local: usize, bytes: usize) -> usize {
        let line_start = local.saturating_sub(bytes);
        self.text
            .get(line_start..local)
            .map_or(bytes, |before| before.chars().count())
    }
}

impl miette::SourceCode for Excerpt {
    /// Reads `span` (an offset in the whole file) from the excerpt and tells
    /// miette where in the file it is.
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let local = span
            .offset()
            .checked_sub(self.offset)
            .ok_or(miette::MietteError::OutOfBounds)?;
        let inner = self.text.as_str().read_span(
            &miette::SourceSpan::new(local.into(), span.len()),
            before,
            after,
        )?;
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            miette::SourceSpan::new(
                (inner.span().offset() + self.offset).into(),
                inner.span().len(),
            ),
            inner.line() + self.first_line,
            self.char_column(local, inner.column()),
            inner.line_count(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_points_at_the_line_and_column() {
        let text = "a: 1\nbb: 2\n";
        let index = LineIndex::new(text);
        let span = |line, column| {
            let p = Problem::error("x", line, "m").column(column);
            Excerpt::around(text, &index, &p).map(|(_, s)| (s.offset(), s.len()))
        };
        assert_eq!(span(2, 0), Some((5, 5)));
        assert_eq!(span(2, 2), Some((6, 4)));
        assert_eq!(span(3, 0), None, "past the last line");
    }

    #[test]
    fn lines_are_looked_up() {
        let index = LineIndex::new("a\nbb\n\nc");
        let lines: Vec<usize> = (0..7).map(|o| index.line_of(o)).collect();
        assert_eq!(lines, [1, 1, 2, 2, 2, 3, 4]);
        assert_eq!(index.line_start_of(4), 2);
        assert_eq!(index.line(2), Some(2..5));
        assert_eq!(index.line(4), Some(6..7));
        assert_eq!(index.line(5), None);
        assert_eq!(LineIndex::new("").line(1), Some(0..0));
    }

    #[cfg(unix)]
    #[test]
    fn json_names_the_real_file_when_its_name_holds_a_backslash() {
        let mut problems = Problems::default();
        problems.push(Problem::error("content/paginas/a\\b.md", 0, "geen slug"));
        let line = render_json(&problems, Language::Dutch);
        let value: serde_json::Value = serde_json::from_str(line.trim()).expect("json");
        assert_eq!(value["file"], "content/paginas/a\\b.md");
    }

    #[test]
    fn display_names_file_line_and_hint() {
        let p = Problem::error("content/x.md", 3, "kapot").hint("maak heel");
        assert_eq!(p.to_string(), "content/x.md:3:1: fout: kapot — maak heel");
    }
}
