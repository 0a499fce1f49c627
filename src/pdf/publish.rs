//! `werkplaats build --pdf`: the site with its PDFs, for A4 and Letter, in its
//! print section (`afdrukken/a4/elementkaarten.pdf` beside
//! `afdrukken/a4/elementkaarten/`), so a hosted site offers them for download.
//!
//! The site is rendered once, with download links on its print pages; its
//! print pages are printed from a temporary copy, and the PDFs go into the
//! output with the pages, as the site's own files: the writer's manifest
//! lists them, and a failed print leaves the previous output as it was.

use super::chromium::timeout_from;
use super::{PdfError, PdfFailure, Progress, TIMEOUT_VAR, find_chromium, pdf_jobs, print_site};
use crate::content::Paper;
use crate::render::{RenderOptions, Request, Theme, render};
use crate::write::{WriteOptions, Written, write_with};
use crate::{load, validate};
use std::path::PathBuf;

/// What `build --pdf` is asked to do.
#[derive(Debug, Clone)]
pub struct PublishRequest {
    pub root: PathBuf,
    pub out: PathBuf,
    pub base_url: Option<String>,
    pub chromium: Option<PathBuf>,
    pub force: bool,
    /// Fail on warnings, before anything is printed.
    pub deny_warnings: bool,
}

/// What `build --pdf` did.
#[derive(Debug)]
pub struct PublishReport {
    pub written: Written,
    /// How many PDFs the site holds.
    pub pdfs: usize,
    pub warnings: crate::diagnostics::Problems,
    pub texts: crate::diagnostics::SourceTexts,
}

/// Why `build --pdf` stopped: as for `pdf`, or warnings it was told to deny.
#[derive(Debug)]
pub enum PublishFailure {
    Pdf(PdfFailure),
    Denied(crate::Failure),
}

impl From<PdfError> for PublishFailure {
    fn from(e: PdfError) -> Self {
        PublishFailure::Pdf(PdfFailure::Pdf(e))
    }
}

/// Builds the site at `req.root` with the PDFs of both papers and writes it
/// to `req.out`.
pub fn build_with_pdfs(
    req: &PublishRequest,
    progress: &mut dyn Progress,
) -> Result<PublishReport, PublishFailure> {
    let build = |f| PublishFailure::Pdf(PdfFailure::Build(f));
    let chromium = find_chromium(req.chromium.as_deref())?;
    let limit = timeout_from(std::env::var(TIMEOUT_VAR).ok().as_deref())?;
    // PDFs are publications: drafts stay out of them.
    let valid = load(&req.root)
        .and_then(crate::load::drafts::leave_out)
        .and_then(validate)
        .map_err(build)?;
    let options = RenderOptions {
        base_url: req.base_url.clone(),
        pdfs: true,
        ..RenderOptions::default()
    };
    let mut site = Theme::of_site(&valid)
        .and_then(|theme| render(&valid, &theme, &options, Request::default()))
        .map_err(build)?;
    if req.deny_warnings && !site.warnings.is_empty() {
        return Err(PublishFailure::Denied(crate::Failure {
            problems: site.warnings,
            texts: site.texts,
        }));
    }
    let jobs: Vec<_> = Paper::ALL
        .iter()
        .flat_map(|&paper| pdf_jobs(&valid.toolkit, paper))
        .collect();
    let printed = print_site(&site, &req.root, &chromium, limit, &jobs, progress)?;
    site.assets.extend(
        jobs.iter()
            .map(|j| (printed.pdfs.join(&j.file), j.published())),
    );
    let options = WriteOptions { force: req.force };
    let written = write_with(&site, &req.root, &req.out, options).map_err(PdfError::from)?;
    Ok(PublishReport {
        written,
        pdfs: jobs.len(),
        warnings: site.warnings,
        texts: site.texts,
    })
}
