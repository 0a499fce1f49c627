//! `werkplaats pdf`: the print pages as PDF files, through headless Chromium.
//!
//! A command beside `serve`, not a stage: it runs the whole pipeline (load,
//! validate, render, write to a temporary folder), prints each print page with
//! Chromium (`chromium`) and puts the set of PDFs in place through `write`.
//! Which PDFs there are is `jobs`. This module does not draw progress; the
//! caller does.

mod chromium;
mod dests;
mod publish;

pub use crate::print::jobs::{PdfJob, pdf_jobs};
pub use chromium::{TIMEOUT_VAR, file_url, find_chromium, print_to_pdf};
pub use publish::{PublishFailure, PublishReport, PublishRequest, build_with_pdfs};

use crate::content::Paper;
use crate::render::RenderOptions;
use crate::render::RenderedSite;
use crate::render::{Request, Theme, render};
use crate::write::{WriteOptions, write_with};
use crate::{Failure, load, validate, write};
use chromium::{CHROMIUM_NAMES, timeout_from};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// How many Chromiums print at once.
const WORKERS: usize = 3;

/// Why no PDF could be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error(
        "Chromium is niet gevonden (gezocht naar {}); installeer het, bijvoorbeeld met `apt-get install chromium`, of geef het pad met --chromium",
        CHROMIUM_NAMES.join(", ")
    )]
    NoChromium,
    #[error("--chromium {0}: dat bestand bestaat niet of is geen programma")]
    BadChromium(PathBuf),
    #[error("kan {path} niet schrijven: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("Chromium kon {file} niet maken: {detail}")]
    Print { file: PathBuf, detail: String },
    #[error(
        "Chromium had na {} s nog geen {file} gemaakt en is gestopt; probeer het opnieuw, of geef meer tijd met {TIMEOUT_VAR}=<seconden>",
        .limit.as_secs()
    )]
    Timeout { file: PathBuf, limit: Duration },
    #[error("{TIMEOUT_VAR}={0}: dat is geen aantal seconden; geef een heel getal groter dan 0")]
    BadTimeout(String),
    #[error(transparent)]
    Write(#[from] crate::WriteError),
}

/// Why `pdf` stopped: the toolkit did not build, or printing failed.
#[derive(Debug)]
pub enum PdfFailure {
    Build(Failure),
    Pdf(PdfError),
}

impl From<PdfError> for PdfFailure {
    fn from(e: PdfError) -> Self {
        PdfFailure::Pdf(e)
    }
}

/// What `pdf` is asked to do.
#[derive(Debug, Clone)]
pub struct PdfRequest {
    pub root: PathBuf,
    pub out: PathBuf,
    /// `None`: the paper from site.yaml.
    pub paper: Option<Paper>,
    pub chromium: Option<PathBuf>,
    pub base_url: Option<String>,
    /// Adopt a paper folder (`pdf/a4/`) that werkplaats did not write, as
    /// `build --force` adopts an output folder.
    pub force: bool,
}

/// What `pdf` made.
#[derive(Debug)]
pub struct PdfReport {
    pub paper: Paper,
    pub files: Vec<PathBuf>,
    /// Warnings from building the site.
    pub warnings: crate::diagnostics::Problems,
    pub texts: crate::diagnostics::SourceTexts,
    /// Whether the cards carry QR codes (only with a base URL).
    pub with_qr: bool,
}

/// Told about progress: first the number of PDFs, then each one as it starts
/// and when it is done.
pub trait Progress: Send {
    fn start(&mut self, total: usize);
    fn job(&mut self, job: &PdfJob);
    fn done(&mut self);
}

/// Builds the toolkit at `req.root` and prints its decks, worksheets and the
/// whole toolkit to PDF files below `req.out/<paper>/`.
pub fn make_pdfs(req: &PdfRequest, progress: &mut dyn Progress) -> Result<PdfReport, PdfFailure> {
    let chromium = find_chromium(req.chromium.as_deref())?;
    let limit = timeout_from(std::env::var(TIMEOUT_VAR).ok().as_deref())?;
    // PDFs are publications: drafts stay out of them.
    let valid = load(&req.root)
        .and_then(crate::load::drafts::leave_out)
        .and_then(validate)
        .map_err(PdfFailure::Build)?;
    let options = RenderOptions {
        base_url: req.base_url.clone(),
        ..RenderOptions::default()
    };
    let site = Theme::of_site(&valid)
        .and_then(|theme| render(&valid, &theme, &options, Request::default()))
        .map_err(PdfFailure::Build)?;
    let paper = req.paper.unwrap_or(valid.toolkit.site.papier);
    let with_qr = req.base_url.is_some() || valid.toolkit.site.basis_url.is_some();

    let jobs = pdf_jobs(&valid.toolkit, paper);
    let printed = print_site(&site, &req.root, &chromium, limit, &jobs, progress)?;
    put_in_place(req, paper, &jobs, &printed.pdfs)?;
    let files: Vec<PathBuf> = jobs.iter().map(|j| req.out.join(&j.file)).collect();
    Ok(PdfReport {
        paper,
        files,
        warnings: site.warnings,
        texts: site.texts,
        with_qr,
    })
}

/// PDFs printed into a temporary folder, which goes when this is dropped.
pub(crate) struct Printed {
    _temp: tempfile::TempDir,
    /// Where each job's `file` is, below this folder.
    pub pdfs: PathBuf,
}

/// Writes `site` to a temporary folder and prints `jobs` from it. Chromium
/// prints into the temporary folder; only a complete set is put in place,
/// the way `build` writes a site.
pub(crate) fn print_site(
    site: &RenderedSite,
    root: &Path,
    chromium: &Path,
    limit: Duration,
    jobs: &[PdfJob],
    progress: &mut dyn Progress,
) -> Result<Printed, PdfError> {
    let temp = tempfile::tempdir().map_err(|source| PdfError::Io {
        path: std::env::temp_dir(),
        source,
    })?;
    let site_dir = temp.path().join("site");
    write(site, root, &site_dir)?;
    let pdfs = temp.path().join("pdf");
    let printer = Printer {
        chromium,
        limit,
        temp: temp.path(),
        site_dir: &site_dir,
        printed: &pdfs,
    };
    printer.print_all(jobs, progress)?;
    for job in jobs.iter().filter(|j| j.numbered) {
        printer.number_contents(job)?;
    }
    Ok(Printed { _temp: temp, pdfs })
}

/// Prints print pages of the site written to `site_dir` into `printed`.
struct Printer<'a> {
    chromium: &'a Path,
    /// Time limit per PDF.
    limit: Duration,
    /// Where each Chromium gets its own profile folder.
    temp: &'a Path,
    site_dir: &'a Path,
    printed: &'a Path,
}

impl Printer<'_> {
    /// Prints every job, a few Chromiums at once; the first failure stops
    /// handing out work and is returned.
    fn print_all(&self, jobs: &[PdfJob], progress: &mut dyn Progress) -> Result<(), PdfError> {
        progress.start(jobs.len());
        let next = AtomicUsize::new(0);
        let progress = Mutex::new(progress);
        let failures = Mutex::new(Vec::new());
        // A few Chromiums at once: each spends most of its time starting up.
        std::thread::scope(|scope| {
            for worker in 0..WORKERS {
                let profile = self.temp.join(format!("chromium-profile-{worker}"));
                let (next, progress, failures) = (&next, &progress, &failures);
                let (site_dir, chromium, printed, limit) =
                    (self.site_dir, self.chromium, self.printed, self.limit);
                scope.spawn(move || {
                    while let Some(job) = jobs.get(next.fetch_add(1, Ordering::SeqCst)) {
                        if let Ok(mut p) = progress.lock() {
                            p.job(job);
                        }
                        let page = site_dir.join(job.route.file());
                        let out = printed.join(&job.file);
                        match print_to_pdf(chromium, &profile, &page, "", &out, limit) {
                            Ok(()) => {
                                if let Ok(mut p) = progress.lock() {
                                    p.done();
                                }
                            }
                            Err(e) => {
                                if let Ok(mut f) = failures.lock() {
                                    f.push(e);
                                }
                                // Stop handing out work.
                                next.store(jobs.len(), Ordering::SeqCst);
                            }
                        }
                    }
                });
            }
        });
        if let Some(e) = failures
            .into_inner()
            .ok()
            .and_then(|f| f.into_iter().next())
        {
            return Err(e);
        }
        Ok(())
    }

    /// Prints `job` again with its contents' page numbers: the pages its
    /// sections landed on in the print before. The numbers take room kept
    /// free for them, so the sections stay where they were; should one move
    /// all the same, it is printed once more. A PDF without destinations
    /// (not Chromium's) stays as it is, without numbers.
    fn number_contents(&self, job: &PdfJob) -> Result<(), PdfError> {
        let out = self.printed.join(&job.file);
        let page = self.site_dir.join(job.route.file());
        let profile = self.temp.join("chromium-profile-0");
        let mut pages = destinations(&out)?;
        for _ in 0..2 {
            if pages.is_empty() {
                return Ok(());
            }
            let query = contents_query(&pages);
            print_to_pdf(self.chromium, &profile, &page, &query, &out, self.limit)?;
            let now = destinations(&out)?;
            if now == pages {
                return Ok(());
            }
            pages = now;
        }
        Err(PdfError::Print {
            file: out,
            detail: "de paginanummers in de inhoud blijven verschuiven".into(),
        })
    }
}

/// The page each named destination of the PDF at `file` is on.
fn destinations(file: &Path) -> Result<HashMap<String, usize>, PdfError> {
    let bytes = std::fs::read(file).map_err(|source| PdfError::Io {
        path: file.to_path_buf(),
        source,
    })?;
    Ok(dests::destination_pages(&bytes).unwrap_or_default())
}

/// The query that hands a print page its contents' page numbers, read by the
/// theme's `print.js`: `paginas=id.3,id.5`, the ids percent-encoded.
fn contents_query(pages: &HashMap<String, usize>) -> String {
    use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
    let mut entries: Vec<String> = pages
        .iter()
        .map(|(id, page)| format!("{}.{page}", utf8_percent_encode(id, NON_ALPHANUMERIC)))
        .collect();
    entries.sort();
    format!("paginas={}", entries.join(","))
}

/// Puts the PDFs printed below `printed` into `req.out/<paper>/` through the
/// write stage, so that folder is owned as a built site is: one werkplaats did
/// not write is refused (unless `req.force`), a PDF it no longer makes (the
/// worksheet of a removed checklist) is removed, nothing else is, and until
/// the swap the previous PDFs stay as they were.
fn put_in_place(
    req: &PdfRequest,
    paper: Paper,
    jobs: &[PdfJob],
    printed: &Path,
) -> Result<(), PdfError> {
    let prefix = format!("{}/", paper.key());
    let assets = jobs
        .iter()
        .map(|j| {
            let inside = j.file.strip_prefix(&prefix).unwrap_or(&j.file);
            (printed.join(&j.file), inside.to_string())
        })
        .collect();
    let pdfs = RenderedSite {
        files: Vec::new(),
        // No theme files go with the PDFs: a folder that does not exist.
        builtin_static: Vec::new(),
        static_dir: printed.join("geen-thema/static"),
        warnings: Default::default(),
        assets,
        texts: Default::default(),
        work: Default::default(),
    };
    let options = WriteOptions { force: req.force };
    write_with(&pdfs, &req.root, &req.out.join(paper.key()), options)?;
    Ok(())
}
