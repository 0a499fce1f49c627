//! Writes a deterministic synthetic toolkit for benchmarks (see
//! `werkplaats::synthetic`).
//!
//! `cargo run --release --example synthetic -- 1000 /tmp/kit1000`

use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(n), Some(dir)) = (
        args.get(1).and_then(|n| n.parse::<usize>().ok()),
        args.get(2),
    ) else {
        eprintln!("usage: synthetic PAGES DIR");
        std::process::exit(2);
    };
    if let Err(e) = werkplaats::synthetic::generate(n, Path::new(dir)) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}
