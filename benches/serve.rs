//! How fast the preview follows a save, on a copy of the real toolkit.
//!
//! `cargo bench --bench serve` prints two tables:
//!
//! 1. **save → reload signal**, end to end: a running `werkplaats serve`, a
//!    WebSocket client connected like an open page, and the time from just before
//!    a file is written to the moment the client is told which page changed. It
//!    includes the file watcher, the quiet period that lets multi-step saves
//!    finish (`QUIET`), the rebuild and the push.
//! 2. **rebuild in process**: what the pages cost with and without the cached
//!    theme, and what the rest (print pages, search index) costs, rendered after
//!    the pages have been published; without the watcher and the quiet period.
//!
//! 3. **a library of 1,000 pages** (`werkplaats::synthetic`): save → reload
//!    signal for one page, and the in-process rebuild after changing one page,
//!    one element card, one template and the site config.
//!
//! Run without `--bench` (as `cargo test --all-targets` does) it only makes sure
//! the measurement works, with a couple of rounds. No timing is ever asserted.

use std::fs;
use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use werkplaats::site::{Builder, Changes, Part};

const ROUNDS: usize = 20;
const PATIENCE: Duration = Duration::from_secs(20);

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let rounds = if full { ROUNDS } else { 2 };
    let kit = tempfile::tempdir().expect("temp dir");
    copy_toolkit(Path::new(env!("CARGO_MANIFEST_DIR")), kit.path());
    println!(
        "werkplaats serve on a copy of the real toolkit; {rounds} rounds each; {} cores; load average {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        load_average()
    );
    println!();
    println!("save → reload signal (end to end)   median     worst");
    let server = Server::start(kit.path());
    let mut socket = server.connect();
    for (name, save) in [
        ("Markdown, saved in place", Save::InPlace),
        ("Markdown, renamed over", Save::RenameOver),
        ("stylesheet, saved in place", Save::Css),
    ] {
        let times: Vec<Duration> = (0..rounds)
            .map(|i| save.measure(kit.path(), &mut socket, i, &REAL))
            .collect();
        print_row(name, &times);
    }
    drop(server);

    println!();
    println!("rebuild in process                   median     worst");
    let mut builder = Builder::new(kit.path());
    let times: Vec<Duration> = (0..rounds)
        .map(|_| timed(|| builder.rebuild(Changes::everything()).is_ok()))
        .collect();
    print_row("pages, theme parsed again", &times);
    let times: Vec<Duration> = (0..rounds)
        .map(|i| {
            append(&kit.path().join(REAL.file), &format!("\nx{i}\n"));
            let mut c = Changes::default();
            c.add(Part::Content, PathBuf::from(REAL.file));
            timed(|| builder.rebuild(c).is_ok())
        })
        .collect();
    print_row("pages after a text edit (quick path)", &times);
    let times: Vec<Duration> = (0..rounds)
        .map(|i| {
            append(&kit.path().join(REAL.file), &format!("\n[x{i}](@GOC)\n"));
            let mut c = Changes::default();
            c.add(Part::Content, PathBuf::from(REAL.file));
            timed(|| builder.rebuild(c).is_ok())
        })
        .collect();
    print_row("pages after a new link, theme cached", &times);
    let times: Vec<Duration> = (0..rounds)
        .map(|i| {
            append(&kit.path().join(REAL.file), &format!("\ny{i}\n"));
            let mut c = Changes::default();
            c.add(Part::Content, PathBuf::from(REAL.file));
            assert!(builder.rebuild(c).is_ok());
            timed(|| builder.rebuild_rest().is_some_and(|r| r.is_ok()))
        })
        .collect();
    print_row("the rest: print pages, search index", &times);

    let pages = if full { 1000 } else { 100 };
    let library = tempfile::tempdir().expect("temp dir");
    werkplaats::synthetic::generate(pages, library.path()).expect("synthetic toolkit");
    // The template edits below need the template in the toolkit.
    werkplaats::scaffold::eject(library.path(), Some("templates/page.html"), false).expect("eject");
    let root = library.path();
    println!();
    println!("a library of {pages} pages                median     worst");
    let server = Server::start(root);
    let mut socket = server.connect();
    let page = Target {
        file: "content/paginas/pagina-00000.md",
        page: "pagina-00000/index.html",
    };
    let times: Vec<Duration> = (0..rounds)
        .map(|i| Save::InPlace.measure(root, &mut socket, i, &page))
        .collect();
    print_row("one page saved → reload signal", &times);
    drop(server);
    let mut builder = Builder::new(root);
    assert!(builder.rebuild(Changes::everything()).is_ok());
    // Each edit really changes its file: a page's text (the quick path: only
    // that page is rendered), an element card's front matter, a template, the
    // site config (all three: everything is loaded and rendered again).
    let edits = [
        (
            "pages after one page's text",
            Part::Content,
            page.file,
            "\n",
        ),
        (
            "pages after an element card",
            Part::Content,
            "content/elementen/eaaa.md",
            "\nnaam: Element 0",
        ),
        (
            "pages after a template",
            Part::Theme,
            "themes/default/templates/page.html",
            "\n",
        ),
        (
            "pages after the site config",
            Part::Config,
            "site.yaml",
            "titel: Synthetisch",
        ),
    ];
    for (name, part, file, after) in edits {
        let times: Vec<Duration> = (0..rounds)
            .map(|i| {
                let path = root.join(file);
                let text = fs::read_to_string(&path).expect("read");
                let (head, tail) = text.split_at(text.rfind(after).expect("marker") + after.len());
                fs::write(&path, format!("{head}x{i}{tail}")).expect("write");
                let mut c = Changes::default();
                c.add(part, PathBuf::from(file));
                timed(|| builder.rebuild(c).is_ok())
            })
            .collect();
        print_row(name, &times);
    }
    let times: Vec<Duration> = (0..rounds)
        .map(|i| {
            append(&root.join(page.file), &format!("\ny{i}\n"));
            let mut c = Changes::default();
            c.add(Part::Content, PathBuf::from(page.file));
            assert!(builder.rebuild(c).is_ok());
            timed(|| builder.rebuild_rest().is_some_and(|r| r.is_ok()))
        })
        .collect();
    print_row("then the rest", &times);
}

/// The file a save changes and the page that shows it.
struct Target {
    file: &'static str,
    page: &'static str,
}

/// An element card of the real toolkit.
const REAL: Target = Target {
    file: "content/elementen/los.md",
    page: "elementen/los/index.html",
};

/// Adds `text` at the end of the file at `path`.
fn append(path: &Path, text: &str) {
    let old = fs::read_to_string(path).expect("read");
    fs::write(path, format!("{old}{text}")).expect("write");
}

/// Other work on the machine shows in the worst times; say how much there was.
fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "unknown".into())
}

fn timed(f: impl FnOnce() -> bool) -> Duration {
    let start = Instant::now();
    assert!(f(), "the rebuild failed");
    start.elapsed()
}

fn print_row(name: &str, times: &[Duration]) {
    let mut sorted = times.to_vec();
    sorted.sort();
    let n = sorted.len();
    let median = (sorted[(n - 1) / 2] + sorted[n / 2]) / 2;
    let worst = sorted[n - 1];
    println!(
        "{name:<36}{:>6.1} ms {:>6.1} ms",
        median.as_secs_f64() * 1000.0,
        worst.as_secs_f64() * 1000.0
    );
}

#[derive(Clone, Copy)]
enum Save {
    InPlace,
    RenameOver,
    Css,
}

impl Save {
    /// Saves a new version and waits for the message that would reload the page.
    fn measure(self, root: &Path, socket: &mut Socket, round: usize, target: &Target) -> Duration {
        // Let the previous save settle, as between an editor's saves.
        std::thread::sleep(Duration::from_millis(150));
        let (rel, page) = match self {
            Save::Css => ("themes/default/static/site.css", None),
            _ => (target.file, Some(target.page)),
        };
        let path = root.join(rel);
        let text = fs::read_to_string(&path).expect("read");
        let marker = format!("meting-{round}-{}", self as u8);
        let new = match self {
            Save::Css => format!("{text}\n/* {marker} */\n"),
            _ => format!("{text}\n{marker}\n"),
        };
        let start = Instant::now();
        match self {
            Save::RenameOver => {
                let temp = path.with_file_name(".bewaren.md.tmp");
                fs::write(&temp, &new).expect("write");
                fs::rename(&temp, &path).expect("rename");
            }
            _ => fs::write(&path, &new).expect("write"),
        }
        loop {
            let m = socket.next();
            let hit = m["type"] == "change"
                && match page {
                    Some(p) => m["pages"]
                        .as_array()
                        .is_some_and(|a| a.iter().any(|x| x == p)),
                    None => m["css"] == true,
                };
            if hit {
                return start.elapsed();
            }
            assert!(start.elapsed() < PATIENCE, "no change message");
        }
    }
}

/// Copies what a toolkit is made of: site.yaml, content/ and themes/.
fn copy_toolkit(from: &Path, to: &Path) {
    fs::copy(from.join("site.yaml"), to.join("site.yaml")).expect("site.yaml");
    for dir in ["content", "themes"] {
        for entry in walkdir::WalkDir::new(from.join(dir)) {
            let entry = entry.expect("walk");
            let rel = entry.path().strip_prefix(from).expect("inside");
            if entry.file_type().is_dir() {
                fs::create_dir_all(to.join(rel)).expect("mkdir");
            } else if entry.file_type().is_file() {
                fs::copy(entry.path(), to.join(rel)).expect("copy");
            }
        }
    }
}

struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(root: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_werkplaats"))
            .args([
                "serve",
                "--root",
                root.to_str().expect("utf-8 path"),
                "--port",
                "0",
            ])
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start werkplaats serve");
        let mut line = String::new();
        let stdout = child.stdout.take().expect("stdout");
        BufReader::new(stdout).read_line(&mut line).expect("read");
        let addr = line
            .split_whitespace()
            .find_map(|w| w.strip_prefix("http://"))
            .map(|a| a.trim_end_matches('/').to_string());
        let Some(addr) = addr else {
            let _ = child.kill();
            panic!("no URL in {line:?}");
        };
        Server { child, addr }
    }

    fn connect(&self) -> Socket {
        let stream = TcpStream::connect(&self.addr).expect("connect");
        stream.set_read_timeout(Some(PATIENCE)).expect("timeout");
        stream.set_nodelay(true).expect("nodelay");
        let url = format!("ws://{}/__werkplaats/live", self.addr);
        let (ws, _) = tungstenite::client(url, stream).expect("websocket");
        let mut socket = Socket(ws);
        let hello = socket.next();
        assert_eq!(hello["type"], "hello");
        socket
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Socket(tungstenite::WebSocket<TcpStream>);

impl Socket {
    fn next(&mut self) -> serde_json::Value {
        loop {
            match self.0.read().expect("a message in time") {
                tungstenite::Message::Text(t) => return serde_json::from_str(&t).expect("JSON"),
                tungstenite::Message::Close(_) => panic!("closed"),
                _ => {}
            }
        }
    }
}
