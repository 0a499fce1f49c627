//! The complexity guard: the work a build does grows in proportion to the
//! toolkit. A build of four times the pages may do at most about four times the
//! work, counted (templates and Markdown bodies rendered, files and bytes
//! written), so that anything quadratic — every page listing every other page,
//! a deck or index redone per page — fails here long before it is slow.
//! Timings are for the benchmarks (`scripts/bench.sh`); counts do not vary.

use werkplaats::{RenderOptions, build_site, synthetic};

/// What one build of a synthetic toolkit of `pages` pages did.
#[derive(Debug)]
struct Measure {
    templates: usize,
    markdown: usize,
    files: usize,
    bytes: usize,
}

fn measure(pages: usize) -> Measure {
    let dir = tempfile::tempdir().expect("temp dir");
    synthetic::generate(pages, dir.path()).expect("synthetic toolkit");
    let site = build_site(dir.path(), &RenderOptions::default())
        .map_err(|f| f.problems.0)
        .expect("the synthetic toolkit builds");
    Measure {
        templates: site.work.templates,
        markdown: site.work.markdown,
        files: site.files.len(),
        bytes: site.files.iter().map(|f| f.bytes.len()).sum(),
    }
}

#[test]
fn four_times_the_pages_take_at_most_four_times_the_work() {
    let small = measure(100);
    let large = measure(400);
    let counts = [
        ("templates rendered", small.templates, large.templates),
        ("Markdown bodies rendered", small.markdown, large.markdown),
        ("files", small.files, large.files),
        ("bytes", small.bytes, large.bytes),
    ];
    for (what, s, l) in counts {
        let ratio = l as f64 / s as f64;
        // More than 3: the count does grow with the pages (a fixed part keeps it
        // under 4). At most 4.4: it grows no faster than they do.
        assert!(
            (3.0..=4.4).contains(&ratio),
            "{what}: {s} for 100 pages, {l} for 400 (×{ratio:.2}); {small:?} {large:?}"
        );
    }
}

#[test]
fn each_page_is_rendered_a_fixed_number_of_times() {
    let m = measure(100);
    // 100 free pages and 10 each of elements, prompts, checklists. Each is a
    // page, a print section for its own document and one for the whole
    // toolkit, and a print page per paper: five templates per document, plus
    // the fixed pages (home, overviews, tools, decks, …). Its Markdown is
    // rendered once, for all three depths it is shown at (with the model's).
    let documents = 130;
    assert!(
        m.templates >= 5 * documents && m.templates <= 5 * documents + 80,
        "{m:?}"
    );
    assert!(
        m.markdown >= documents && m.markdown <= documents + 3,
        "{m:?}"
    );
}
