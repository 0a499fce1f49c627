//! Load: reads `site.yaml` and `content/` into typed values.
//!
//! Only reading and parsing happens here; whether references between files hold is
//! the validate stage's business. Loading goes on past a broken file so that all
//! broken files are reported in one run.
//!
//! The content folder is walked first (`walk`); then every file is read and parsed
//! on its own (`read`, `frontmatter`, `yaml`), on all cores, and the results are
//! gathered in walk order so problems come out the same on every run.

pub mod drafts;
mod frontmatter;
pub mod locate;
mod read;
pub mod root;
mod walk;
pub mod yaml;
mod yaml_syntax;

pub use frontmatter::{Split, SplitError, split};
pub use read::{resolves_inside_root, text_resolved};
pub use walk::{What, is_ignored, suggest_slug, walk_problem, what_is};

use crate::content::kind::{Kind, Shelves, VisitKind};
use crate::content::registry::each_kind;
use crate::content::{Bibliography, Doc, Intro, Model, SiteConfig, Toolkit};
use crate::diagnostics::{Problem, Problems, SourceTexts};
use crate::{Failure, Loaded};
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use std::path::Path;
use std::sync::Arc;
use walk::Found;

/// Files larger than this are refused: no real content file comes near it, and
/// reading a huge file would stall the preview.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Reads the toolkit at `root`.
pub fn load(root: &Path) -> Result<Loaded, Failure> {
    root::check_root(root).map_err(|problem| Failure {
        problems: Problems(vec![problem]),
        texts: SourceTexts::default(),
    })?;
    let mut out = Gathered::default();
    let (site, model, bibliography) = (
        Path::new("site.yaml"),
        Path::new("content/model.md"),
        Path::new("content/bronnen.yaml"),
    );
    let site = out.take(site, yaml_file::<SiteConfig>(root, site));
    let model = out.take(model, doc::<Model>(root, model, true));
    let bibliography = out
        .take(
            bibliography,
            yaml_file::<yaml::UniqueKeys<_>>(root, bibliography),
        )
        .map(|keys| -> Bibliography { keys.0 });

    let walk::Walk {
        files,
        intros,
        assets,
        problems,
    } = walk::walk_content(root);
    out.problems.extend(problems);
    let docs = out.shelves(root, &files);
    let folders = crate::content::registry::folders();
    let intros = intros
        .iter()
        .filter_map(|(i, f)| {
            let intro = out.take(&f.rel, doc::<Intro>(root, &f.rel, f.is_link))?;
            Some((folders[*i], intro))
        })
        .collect();

    let Gathered { problems, texts } = out;
    match (site, model, bibliography) {
        (Some(site), Some(model), Some(bibliography)) if !problems.has_errors() => Ok(Loaded {
            toolkit: Toolkit {
                root: root.to_path_buf(),
                site,
                model,
                bibliography_text: texts
                    .get(Path::new("content/bronnen.yaml"))
                    .unwrap_or_default()
                    .to_string(),
                bibliography,
                docs,
                intros,
                assets,
            },
            warnings: problems,
            texts,
        }),
        _ => Err(Failure { problems, texts }),
    }
}

/// One file read and parsed: its text when it could be read, and its value or
/// its problem.
struct FileResult<T> {
    text: Option<Arc<str>>,
    value: Result<T, Problem>,
}

/// Problems and texts of all files, gathered in a fixed order.
#[derive(Default)]
struct Gathered {
    problems: Problems,
    texts: SourceTexts,
}

impl Gathered {
    /// Keeps a file's text and problem; hands on its value.
    fn take<T>(&mut self, rel: &Path, result: FileResult<T>) -> Option<T> {
        if let Some(text) = result.text {
            self.texts.insert_shared(rel, text);
        }
        match result.value {
            Ok(value) => Some(value),
            Err(problem) => {
                self.problems.push(problem);
                None
            }
        }
    }

    /// Reads every kind's files (`files`, per kind in registry order) into
    /// its shelf, each kind sorted in its own order.
    fn shelves(&mut self, root: &Path, files: &[Vec<Found>]) -> Shelves {
        struct Load<'a> {
            out: &'a mut Gathered,
            root: &'a Path,
            files: std::slice::Iter<'a, Vec<Found>>,
            shelves: Shelves,
        }
        impl VisitKind for Load<'_> {
            fn kind<K: Kind>(&mut self) {
                let files = self.files.next().map_or(&[][..], Vec::as_slice);
                let mut docs = self.out.docs::<K::Meta>(self.root, files);
                K::sort(&mut docs);
                self.shelves.push::<K>(docs);
            }
        }
        let mut load = Load {
            out: self,
            root,
            files: files.iter(),
            shelves: Shelves::default(),
        };
        each_kind(&mut load);
        load.shelves
    }

    /// Reads and parses a section's files on all cores, then gathers them in
    /// walk order.
    fn docs<T: DeserializeOwned + Send>(&mut self, root: &Path, files: &[Found]) -> Vec<Doc<T>> {
        let results: Vec<FileResult<Doc<T>>> = files
            .par_iter()
            .map(|f| doc::<T>(root, &f.rel, f.is_link))
            .collect();
        files
            .iter()
            .zip(results)
            .filter_map(|(f, result)| self.take(&f.rel, result))
            .collect()
    }
}

/// Reads a whole YAML file into `T`.
fn yaml_file<T: DeserializeOwned>(root: &Path, rel: &Path) -> FileResult<T> {
    let text = match read::text(root, rel, true) {
        Ok(text) => Arc::<str>::from(text),
        Err(problem) => {
            return FileResult {
                text: None,
                value: Err(problem),
            };
        }
    };
    let value = yaml::parse::<T>(&text, 1).map_err(|problem| problem.into_problem(rel));
    FileResult {
        text: Some(text),
        value,
    }
}

/// Reads a Markdown file with front matter into a `Doc<T>`.
fn doc<T: DeserializeOwned>(root: &Path, rel: &Path, maybe_link: bool) -> FileResult<Doc<T>> {
    let text = match read::text(root, rel, maybe_link) {
        Ok(text) => Arc::<str>::from(text),
        Err(problem) => {
            return FileResult {
                text: None,
                value: Err(problem),
            };
        }
    };
    let value = parse_doc(rel, &text);
    FileResult {
        text: Some(text),
        value,
    }
}

/// Splits off the front matter and parses it as `T`.
fn parse_doc<T: DeserializeOwned>(rel: &Path, text: &str) -> Result<Doc<T>, Problem> {
    let parts = split(text).map_err(|e| match e {
        SplitError::Missing => Problem::error(rel, 1, "het bestand begint niet met front matter")
            .hint("zet de velden bovenaan tussen twee regels met alleen `---`"),
        SplitError::Unclosed => Problem::error(rel, 1, "de front matter wordt niet afgesloten")
            .hint("zet na de laatste YAML-regel een regel met alleen `---`"),
    })?;
    let meta = yaml::parse::<T>(parts.front_matter, parts.front_matter_line)
        .map_err(|problem| problem.into_problem(rel))?;
    let slug = rel
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Doc {
        meta,
        body: parts.body.to_string(),
        body_line: parts.body_line,
        front_matter: parts.front_matter.to_string(),
        front_matter_line: parts.front_matter_line,
        file: rel.to_path_buf(),
        slug,
    })
}
