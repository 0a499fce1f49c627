//! Serve: a live preview of the toolkit while an editor works on it.
//!
//! ```text
//! content/ + themes/ + site.yaml ──notify──▶ watch (filter, debounce)
//!        ──▶ rebuild ──▶ crate::site (rebuild in memory) ──▶ state (snapshot)
//!        ──▶ http + reload
//! ```
//!
//! The site is built in memory and served from there, so a request never sees a
//! half-written file, and nothing is written to disk. A failed rebuild keeps the
//! last good site and shows the error over open pages. This module only wires
//! the parts together: the address, the threads, the signals. What a change
//! makes the site redo is the library's (`crate::site`), not the preview's.

pub mod boundary;
mod guard;
mod http;
#[cfg(test)]
mod incremental_tests;
mod paths;
mod rebuild;
mod reload;
mod state;
pub mod watch;

pub use rebuild::FileWatcher;

use crate::diagnostics::Problem;
use crate::language::Language;
use crate::load::root::check_root;
use crate::messages::Message;
use std::io::ErrorKind;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::net::TcpListener;

/// The port tried first when none is given.
pub const DEFAULT_PORT: u16 = 1111;
/// How many ports after the default are tried when it is taken.
const PORT_TRIES: u16 = 10;

/// How `werkplaats serve` was asked to run.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    /// `None`: the default port, or the next free one. `Some(0)`: any free port.
    pub port: Option<u16>,
    pub bind: IpAddr,
    /// Open the site in the default browser.
    pub open: bool,
    /// The language of the terminal's lines and of problem reports, as the
    /// toolkit's `taal:` was when the preview started.
    pub language: Language,
}

/// Why the preview could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// Said as `build` says it (see `load::root`), before anything listens.
    #[error("{0}")]
    NotAToolkit(Box<Problem>),
    #[error(
        "poort {port} is al in gebruik (misschien draait werkplaats serve al?); kies een andere poort met --port, bijvoorbeeld --port {}",
        port.saturating_add(1)
    )]
    PortInUse { port: u16 },
    #[error(
        "poorten {first} tot en met {last} zijn allemaal in gebruik; kies een vrije poort met --port"
    )]
    NoFreePort { first: u16, last: u16 },
    #[error("kan niet luisteren op {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("kan de bestanden niet volgen: {0}")]
    Watch(#[from] notify::Error),
    #[error("kan de server niet starten: {0}")]
    Io(#[from] std::io::Error),
}

/// Builds, serves and watches until Ctrl-C (or SIGTERM).
pub fn run(options: &ServeOptions) -> Result<(), ServeError> {
    check_root(&options.root).map_err(|p| ServeError::NotAToolkit(Box::new(p)))?;
    let root = std::fs::canonicalize(&options.root)?;
    boundary::quiet_hook();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(serve(root, options))
}

async fn serve(root: PathBuf, options: &ServeOptions) -> Result<(), ServeError> {
    let listener = bind(options.bind, options.port, options.language).await?;
    let addr = listener.local_addr()?;
    let language = options.language;
    if let Some(warning) = exposure_warning(options.bind) {
        eprintln!("{}", warning.say(language));
    }

    // Watch before the first build, so a change made during it is not missed.
    let builder = crate::site::Builder::new(&root);
    let files = rebuild::FileWatcher::start(&root, builder.stop_flag(), language)?;
    let shared = Arc::new(state::Shared::new(state::Snapshot::new(session_id())));
    let mut publisher = rebuild::Publisher::new(builder, Arc::clone(&shared), language);
    publisher.first();
    std::thread::Builder::new()
        .name("werkplaats-rebuild".into())
        .spawn(move || rebuild::run(files, publisher))?;

    let url = url_for(addr);
    println!(
        "{}",
        Message::new("serve-op").arg("url", &url).say(language)
    );
    if options.open {
        // The launcher may take a moment; the site is served meanwhile.
        let url = url.clone();
        std::thread::spawn(move || {
            // The launcher's own error (an exit status of xdg-open) says
            // nothing to an editor; what to do does.
            if open::that_detached(&url).is_err() {
                let note = Message::new("serve-geen-browser").arg("url", &url);
                eprintln!("{}", note.say(language));
            }
        });
    }

    let app = http::router(Arc::clone(&shared), options.bind.is_loopback());
    let stopping = Arc::clone(&shared);
    let server = axum::serve(listener, app).with_graceful_shutdown(async move {
        stop_signal().await;
        stopping.shut_down();
    });
    // Open connections get a moment to close; the server does not wait longer.
    tokio::select! {
        result = server => result?,
        () = async {
            let mut stopped = shared.shutdown_signal();
            let _ = stopped.wait_for(|s| *s).await;
            tokio::time::sleep(Duration::from_secs(2)).await;
        } => {}
    }
    eprintln!("{}", Message::new("serve-gestopt").say(language));
    Ok(())
}

/// Binds the address; without an explicit port, the next free one after the
/// default is taken, and said so.
async fn bind(
    ip: IpAddr,
    port: Option<u16>,
    language: Language,
) -> Result<TcpListener, ServeError> {
    if let Some(port) = port {
        let addr = SocketAddr::new(ip, port);
        return TcpListener::bind(addr).await.map_err(|e| match e.kind() {
            ErrorKind::AddrInUse => ServeError::PortInUse { port },
            _ => ServeError::Bind { addr, source: e },
        });
    }
    let last = DEFAULT_PORT + PORT_TRIES - 1;
    for port in DEFAULT_PORT..=last {
        let addr = SocketAddr::new(ip, port);
        match TcpListener::bind(addr).await {
            Ok(listener) => {
                if port != DEFAULT_PORT {
                    let note = Message::new("serve-andere-poort")
                        .arg("standaard", DEFAULT_PORT)
                        .arg("poort", port);
                    eprintln!("{}", note.say(language));
                }
                return Ok(listener);
            }
            Err(e) if e.kind() == ErrorKind::AddrInUse => continue,
            Err(e) => return Err(ServeError::Bind { addr, source: e }),
        }
    }
    Err(ServeError::NoFreePort {
        first: DEFAULT_PORT,
        last,
    })
}

/// Said when the preview listens beyond this machine: it serves unpublished
/// work to anyone who can reach the address.
fn exposure_warning(ip: IpAddr) -> Option<Message> {
    (!ip.is_loopback()).then(|| Message::new("serve-bereikbaar").arg("ip", ip))
}

/// The address to open in a browser; for "all interfaces", this machine's.
fn url_for(addr: SocketAddr) -> String {
    let ip = match addr.ip() {
        IpAddr::V4(v4) if v4.is_unspecified() => IpAddr::from([127, 0, 0, 1]),
        IpAddr::V6(v6) if v6.is_unspecified() => IpAddr::from(std::net::Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!("http://{}/", SocketAddr::new(ip, addr.port()))
}

/// Resolves on Ctrl-C, or on SIGTERM where there is one.
pub async fn stop_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}

/// Different for every run of the server.
fn session_id() -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("{:x}", nanos ^ u128::from(std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warns_when_listening_beyond_this_machine() {
        for quiet in ["127.0.0.1", "127.0.0.2", "::1"] {
            assert_eq!(exposure_warning(quiet.parse().unwrap()), None, "{quiet}");
        }
        for loud in ["0.0.0.0", "192.168.1.10", "::"] {
            let w = exposure_warning(loud.parse().unwrap())
                .expect(loud)
                .say(Language::Dutch);
            assert!(w.contains(loud) && w.contains("netwerk"), "{w}");
        }
    }

    #[test]
    fn urls_name_a_reachable_address() {
        assert_eq!(
            url_for("127.0.0.1:1111".parse().unwrap()),
            "http://127.0.0.1:1111/"
        );
        assert_eq!(
            url_for("0.0.0.0:8000".parse().unwrap()),
            "http://127.0.0.1:8000/"
        );
        assert_eq!(url_for("[::]:8000".parse().unwrap()), "http://[::1]:8000/");
    }
}
