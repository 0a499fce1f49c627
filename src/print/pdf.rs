//! `werkplaats pdf`: the print pages as PDF files, through headless Chromium.
//!
//! The site is built as for `build`, written to a temporary folder, and each
//! print page is printed with Chromium's own `--print-to-pdf`, which honours the
//! pages' CSS page size. Chromium is a program the user installs, not a library:
//! it is looked up on PATH (or given), and its absence is an error that says how
//! to install it. This module does not draw progress; the caller does.
//!
//! Each Chromium gets a time limit ([`TIMEOUT_VAR`], three minutes unless
//! set): a Chromium that hangs is stopped, and the command says which PDF it
//! was making, instead of waiting forever.

use super::{PdfJob, pdf_jobs};
use crate::content::Paper;
use crate::render::RenderOptions;
use crate::render::RenderedSite;
use crate::write::{WriteOptions, write_with};
use crate::{Failure, load, render_with_theme, validate, write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How many Chromiums print at once.
const WORKERS: usize = 3;

/// How long one Chromium may take for one PDF, unless [`TIMEOUT_VAR`] says.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(180);

/// The environment variable that sets how many seconds one Chromium may take
/// for one PDF (a slow machine, a very large toolkit; or a quick test).
pub const TIMEOUT_VAR: &str = "WERKPLAATS_PDF_TIMEOUT";

/// How often a running Chromium is looked at; it takes a second or more.
const POLL: Duration = Duration::from_millis(25);

/// Names Chromium goes by on PATH, in order of preference.
const CHROMIUM_NAMES: [&str; 4] = ["chromium", "chromium-browser", "google-chrome", "chrome"];

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

/// Finds Chromium: `given` if set, else the first of the usual names on PATH.
pub fn find_chromium(given: Option<&Path>) -> Result<PathBuf, PdfError> {
    if let Some(path) = given {
        return which::which(path).map_err(|_| PdfError::BadChromium(path.to_path_buf()));
    }
    CHROMIUM_NAMES
        .iter()
        .find_map(|name| which::which(name).ok())
        .ok_or(PdfError::NoChromium)
}

/// Builds the toolkit at `req.root` and prints its decks, worksheets and the
/// whole toolkit to PDF files below `req.out/<paper>/`.
pub fn make_pdfs(req: &PdfRequest, progress: &mut dyn Progress) -> Result<PdfReport, PdfFailure> {
    let chromium = find_chromium(req.chromium.as_deref())?;
    let limit = timeout_from(std::env::var(TIMEOUT_VAR).ok().as_deref())?;
    let valid = load(&req.root)
        .and_then(validate)
        .map_err(PdfFailure::Build)?;
    let options = RenderOptions {
        base_url: req.base_url.clone(),
        ..RenderOptions::default()
    };
    let site = render_with_theme(&valid, &options).map_err(PdfFailure::Build)?;
    let paper = req.paper.unwrap_or(valid.toolkit.site.paper);
    let with_qr = req.base_url.is_some() || valid.toolkit.site.base_url.is_some();

    let temp = tempfile::tempdir().map_err(|source| PdfError::Io {
        path: std::env::temp_dir(),
        source,
    })?;
    let site_dir = temp.path().join("site");
    write(&site, &req.root, &site_dir).map_err(PdfError::from)?;
    // Chromium prints into the temporary folder; only a complete set is put
    // in place, the way `build` writes a site.
    let printed = temp.path().join("pdf");

    let jobs = pdf_jobs(&valid.toolkit, paper);
    progress.start(jobs.len());
    let next = AtomicUsize::new(0);
    let progress = Mutex::new(progress);
    let failures = Mutex::new(Vec::new());
    // A few Chromiums at once: each spends most of its time starting up.
    std::thread::scope(|scope| {
        for worker in 0..WORKERS {
            let profile = temp.path().join(format!("chromium-profile-{worker}"));
            let (next, progress, failures) = (&next, &progress, &failures);
            let (jobs, site_dir, chromium, printed) = (&jobs, &site_dir, &chromium, &printed);
            scope.spawn(move || {
                while let Some(job) = jobs.get(next.fetch_add(1, Ordering::SeqCst)) {
                    if let Ok(mut p) = progress.lock() {
                        p.job(job);
                    }
                    let page = site_dir.join(job.route.file());
                    let out = printed.join(&job.file);
                    match print_to_pdf(chromium, &profile, &page, &out, limit) {
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
        return Err(e.into());
    }
    put_in_place(req, paper, &jobs, &printed)?;
    let files: Vec<PathBuf> = jobs.iter().map(|j| req.out.join(&j.file)).collect();
    Ok(PdfReport {
        paper,
        files,
        warnings: site.warnings,
        texts: site.texts,
        with_qr,
    })
}

/// The time limit per PDF: `value` of [`TIMEOUT_VAR`] in seconds, if set.
fn timeout_from(value: Option<&str>) -> Result<Duration, PdfError> {
    match value.map(str::trim) {
        None | Some("") => Ok(DEFAULT_TIMEOUT),
        Some(v) => match v.parse::<u64>() {
            Ok(secs) if secs > 0 => Ok(Duration::from_secs(secs)),
            _ => Err(PdfError::BadTimeout(v.to_string())),
        },
    }
}

/// `file://` URL of an absolute path, percent-encoded: a `#`, `?` or `%` in
/// a folder name (of the temp folder, say) would otherwise end the path or
/// be read as an escape.
pub fn file_url(path: &Path) -> String {
    use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_encode};
    const KEEP: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'/')
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~')
        .remove(b':');
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str()).to_vec();
    #[cfg(not(unix))]
    let bytes = {
        let p = path.to_string_lossy().replace('\\', "/");
        if p.starts_with('/') {
            p
        } else {
            format!("/{p}")
        }
        .into_bytes()
    };
    format!("file://{}", percent_encode(&bytes, KEEP))
}

/// Prints one HTML file to `out` with headless Chromium, stopping it when it
/// takes longer than `limit`.
pub fn print_to_pdf(
    chromium: &Path,
    profile: &Path,
    page: &Path,
    out: &Path,
    limit: Duration,
) -> Result<(), PdfError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| PdfError::Io { path, source }
    };
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(io(dir))?;
    }
    let _ = std::fs::remove_file(out);
    let page = std::path::absolute(page).map_err(io(page))?;
    // Chromium's messages go to a file, not a pipe: nothing then waits on a
    // pipe that a hung Chromium (or a process it started) holds open.
    std::fs::create_dir_all(profile).map_err(io(profile))?;
    let log_path = profile.join("chromium-stderr.log");
    let log = std::fs::File::create(&log_path).map_err(io(&log_path))?;
    let failed = |detail: String| PdfError::Print {
        file: out.to_path_buf(),
        detail,
    };
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", out.display()))
        .arg(file_url(&page))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .map_err(|e| failed(e.to_string()))?;
    let status = wait_at_most(&mut child, limit)
        .map_err(|e| failed(e.to_string()))?
        .ok_or_else(|| PdfError::Timeout {
            file: out.to_path_buf(),
            limit,
        })?;
    let made = std::fs::metadata(out).map(|m| m.len() > 0).unwrap_or(false);
    if !status.success() {
        let stderr = std::fs::read(&log_path).unwrap_or_default();
        let stderr = String::from_utf8_lossy(&stderr);
        let last = stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        let detail = match last {
            "" => status.to_string(),
            last => format!("{status}: {last}"),
        };
        return Err(failed(detail));
    }
    if !made {
        return Err(failed(format!(
            "{} schreef geen pdf; is dit wel Chromium?",
            chromium.display()
        )));
    }
    Ok(())
}

/// Waits for `child` to end; `None` when it ran past `limit`, and then it is
/// killed (its own processes, Chromium's renderers, end with it).
fn wait_at_most(
    child: &mut std::process::Child,
    limit: Duration,
) -> std::io::Result<Option<std::process::ExitStatus>> {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if start.elapsed() >= limit {
            let _ = child.kill();
            let _ = child.wait();
            return Ok(None);
        }
        std::thread::sleep(POLL);
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_are_percent_encoded() {
        assert_eq!(
            file_url(Path::new("/tmp/a #b%c?d/é x.html")),
            "file:///tmp/a%20%23b%25c%3Fd/%C3%A9%20x.html"
        );
        assert_eq!(
            file_url(Path::new("/tmp/.tmpAb_1-~/site/index.html")),
            "file:///tmp/.tmpAb_1-~/site/index.html"
        );
    }

    #[test]
    fn the_time_limit_is_whole_seconds_above_zero() {
        assert_eq!(timeout_from(None).ok(), Some(DEFAULT_TIMEOUT));
        assert_eq!(timeout_from(Some("2")).ok(), Some(Duration::from_secs(2)));
        for bad in ["0", "-1", "1.5", "twee"] {
            assert!(
                matches!(timeout_from(Some(bad)), Err(PdfError::BadTimeout(_))),
                "{bad}"
            );
        }
    }
}
