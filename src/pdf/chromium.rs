//! Driving headless Chromium: finding it, printing one page with its own
//! `--print-to-pdf` (which honours the pages' CSS page size), and stopping one
//! that hangs.
//!
//! Chromium is a program the user installs, not a library: it is looked up on
//! PATH (or given), and its absence is an error that says how to install it.
//! Each Chromium gets a time limit ([`TIMEOUT_VAR`], three minutes unless
//! set): a Chromium that hangs is stopped, and the command says which PDF it
//! was making, instead of waiting forever.

use super::PdfError;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long one Chromium may take for one PDF, unless [`TIMEOUT_VAR`] says.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(180);

/// The environment variable that sets how many seconds one Chromium may take
/// for one PDF (a slow machine, a very large toolkit; or a quick test).
pub const TIMEOUT_VAR: &str = "WERKPLAATS_PDF_TIMEOUT";

/// How often a running Chromium is looked at; it takes a second or more.
const POLL: Duration = Duration::from_millis(25);

/// Names Chromium goes by on PATH, in order of preference.
pub(super) const CHROMIUM_NAMES: [&str; 4] =
    ["chromium", "chromium-browser", "google-chrome", "chrome"];

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

/// The time limit per PDF: `value` of [`TIMEOUT_VAR`] in seconds, if set.
pub(super) fn timeout_from(value: Option<&str>) -> Result<Duration, PdfError> {
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

/// How many times one PDF is tried when Chromium crashes (ends by a signal,
/// not by an exit code): headless Chromium in a container now and then
/// segfaults at start-up on a page it prints fine the next time.
const CRASH_ATTEMPTS: usize = 3;

/// Prints one HTML file to `out` with headless Chromium, stopping it when it
/// takes longer than `limit`. `query` (without `?`, may be empty) goes to the
/// page's URL, for the page's script to read. The PDF gets an outline
/// (bookmarks) from the page's headings. A Chromium that crashes is started
/// again, up to [`CRASH_ATTEMPTS`] times; one that fails with an exit code,
/// or hangs, is not.
pub fn print_to_pdf(
    chromium: &Path,
    profile: &Path,
    page: &Path,
    query: &str,
    out: &Path,
    limit: Duration,
) -> Result<(), PdfError> {
    let mut attempt = 1;
    loop {
        match print_once(chromium, profile, page, query, out, limit) {
            Err(Attempt::Crashed(_)) if attempt < CRASH_ATTEMPTS => {
                // A crashed Chromium may leave its profile's lock behind.
                let _ = std::fs::remove_file(profile.join("SingletonLock"));
                attempt += 1;
            }
            Err(Attempt::Crashed(error) | Attempt::Failed(error)) => return Err(error),
            Ok(()) => return Ok(()),
        }
    }
}

/// Why one start of Chromium made no PDF: it crashed (worth another try), or
/// anything else.
enum Attempt {
    Crashed(PdfError),
    Failed(PdfError),
}

impl From<PdfError> for Attempt {
    fn from(error: PdfError) -> Self {
        Attempt::Failed(error)
    }
}

/// True when Chromium was ended by a signal (a crash) rather than exiting.
fn crashed(status: std::process::ExitStatus) -> bool {
    #[cfg(unix)]
    {
        std::os::unix::process::ExitStatusExt::signal(&status).is_some()
    }
    #[cfg(not(unix))]
    {
        let _ = status;
        false
    }
}

/// One start of Chromium for one PDF; see [`print_to_pdf`].
fn print_once(
    chromium: &Path,
    profile: &Path,
    page: &Path,
    query: &str,
    out: &Path,
    limit: Duration,
) -> Result<(), Attempt> {
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
            "--generate-pdf-document-outline",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", out.display()))
        .arg(match query {
            "" => file_url(&page),
            q => format!("{}?{q}", file_url(&page)),
        })
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .map_err(|e| Attempt::Failed(failed(e.to_string())))?;
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
        return Err(match crashed(status) {
            true => Attempt::Crashed(failed(detail)),
            false => Attempt::Failed(failed(detail)),
        });
    }
    if !made {
        return Err(Attempt::Failed(failed(format!(
            "{} schreef geen pdf; is dit wel Chromium?",
            chromium.display()
        ))));
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
