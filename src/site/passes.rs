//! The render passes of the incremental site, and the one place the library
//! calls the render stage ([`checked_render`]): everything else in `site`
//! sees a [`Pass`], so a change to render's entry points is made here alone.
//!
//! Three passes: the pages (what open pages show), one document's page (a save
//! that kept the document's frame, `site::quick`), and the rest (print pages
//! and the search index), rendered after the pages have been published.

use crate::diagnostics::{Problems, SourceTexts};
use crate::render::{OutputFile, Parts, RenderOptions, RenderedSite, Request, render};
use crate::{Failure, Validated, validate};
use axum::body::Bytes;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

pub use crate::render::{Prepared, Theme};

/// Output files by key (`elementen/los/index.html`, `static/site.css`).
pub type Files = HashMap<String, Bytes>;

/// What one pass rendered, as the preview serves it.
pub struct Pass {
    pub files: Files,
    pub warnings: Problems,
    /// The texts warnings point into.
    pub texts: SourceTexts,
    /// Files `build` copies as they are: (source on disk, key in the output).
    pub assets: Vec<(PathBuf, String)>,
}

impl From<RenderedSite> for Pass {
    fn from(site: RenderedSite) -> Pass {
        Pass {
            files: files_of(site.files),
            warnings: site.warnings,
            texts: site.texts,
            assets: site.assets,
        }
    }
}

/// The whole-toolkit work every pass of `valid` shares.
pub fn prepare(valid: &Validated) -> Arc<Prepared> {
    Arc::new(Prepared::new(valid))
}

/// Every page of the site, with its sitemap and manifest.
pub fn pages(valid: &Validated, theme: &Theme, prepared: &Prepared) -> Result<Pass, Failure> {
    let request = Request::prepared(Parts::Pages, prepared);
    checked_render(valid, theme, &RenderOptions::default(), request).map(Pass::from)
}

/// The page of the document read from `file` alone; `None` when no page is
/// rendered from that file.
pub fn doc_page(
    valid: &Validated,
    theme: &Theme,
    prepared: &Prepared,
    file: &Path,
) -> Option<Result<Pass, Failure>> {
    let options = RenderOptions::default();
    let request = Request::prepared(Parts::Doc(file), prepared);
    match checked_render(valid, theme, &options, request) {
        Ok(site) if site.files.is_empty() => None,
        rendered => Some(rendered.map(Pass::from)),
    }
}

/// What no page needs to show: the print pages and the search index. Given
/// up, with its result to be dropped, as soon as `stop` is set.
pub fn rest(
    valid: &Validated,
    theme: &Theme,
    prepared: &Prepared,
    stop: Arc<AtomicBool>,
) -> Result<Pass, Failure> {
    let options = RenderOptions {
        stop: Some(stop),
        ..RenderOptions::default()
    };
    let request = Request::prepared(Parts::Rest, prepared);
    checked_render(valid, theme, &options, request).map(Pass::from)
}

/// Renders what `request` asks, with the checks that need the theme's words
/// (whether each card's text fits its card) when it asks for the decks; the
/// problems of both are reported together.
pub(crate) fn checked_render(
    valid: &Validated,
    theme: &Theme,
    options: &RenderOptions,
    request: Request,
) -> Result<RenderedSite, Failure> {
    let cards = match request.parts {
        Parts::All | Parts::Rest => validate::print::cards(&valid.toolkit, &*theme.strings),
        Parts::Pages | Parts::Doc(_) => Vec::new(),
    };
    let found = Problems(cards);
    match render(valid, theme, options, request) {
        Err(mut failure) => {
            failure.problems.extend(found.0);
            Err(failure)
        }
        Ok(_) if found.has_errors() => {
            let mut problems = valid.warnings.clone();
            problems.extend(found.0);
            let texts = theme.with_texts(&valid.texts);
            Err(Failure { problems, texts })
        }
        Ok(mut site) => {
            site.warnings.extend(found.0);
            Ok(site)
        }
    }
}

fn files_of(files: Vec<OutputFile>) -> Files {
    files
        .into_iter()
        .map(|f| (f.path, Bytes::from(f.bytes)))
        .collect()
}
