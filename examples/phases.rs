//! Where a build's time goes: runs each stage of the pipeline once and prints
//! its wall time, so a change can be aimed at the stage that costs most.
//!
//!   cargo run --release --example phases -- TOOLKIT [OUT]
use std::path::PathBuf;
use std::time::Instant;
use werkplaats::render::{Parts, Request, render};

fn main() {
    let mut args = std::env::args_os().skip(1);
    let root = PathBuf::from(args.next().expect("usage: phases TOOLKIT [OUT]"));
    let out = args.next().map(PathBuf::from);
    let clock = Instant::now();
    let mut last = clock.elapsed();
    let mut lap = |what: &str| {
        let now = clock.elapsed();
        eprintln!("{what:<24} {:>8.1} ms", (now - last).as_secs_f64() * 1e3);
        last = now;
    };
    let loaded = werkplaats::load(&root).unwrap_or_else(|_| panic!("load failed"));
    lap("load");
    let valid = werkplaats::validate(loaded).unwrap_or_else(|_| panic!("validate failed"));
    lap("validate");
    let mut texts = valid.texts().clone();
    let site = &valid.toolkit().site;
    let theme = werkplaats::Theme::load(&root, &site.thema, &site.taal, &mut texts)
        .unwrap_or_else(|_| panic!("theme failed"));
    lap("theme");
    let options = Default::default();
    let pages = render(&valid, &theme, &options, Request::parts(Parts::Pages))
        .unwrap_or_else(|_| panic!("render failed"));
    lap("render pages");
    let rest = render(&valid, &theme, &options, Request::parts(Parts::Rest))
        .unwrap_or_else(|_| panic!("render failed"));
    lap("render rest");
    if let Some(out) = out {
        let mut all = pages;
        all.files.extend(rest.files);
        werkplaats::write(&all, &root, &out).expect("write failed");
        lap("write");
    }
    eprintln!(
        "{:<24} {:>8.1} ms",
        "total",
        clock.elapsed().as_secs_f64() * 1e3
    );
}
