//! The complexity guard: the work a build does grows in proportion to the
//! toolkit. A build of four times the pages may do at most about four times the
//! work, counted (templates and Markdown bodies rendered, files and bytes
//! written), so that anything quadratic — every page listing every other page,
//! a deck or index redone per page — fails here long before it is slow.
//! Timings are for the benchmarks (`scripts/bench.sh`); counts do not vary.
//!
//! Within one page the same holds for what a page can repeat: headings with
//! the same text and problems to report. There the work is counted by this
//! test's allocator (allocations and bytes on the calling thread), since each
//! quadratic cost found there built or copied a string per step: a candidate
//! id per heading already taken, the whole file per problem quoted.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use werkplaats::diagnostics::render_report;
use werkplaats::language::Language;
use werkplaats::markdown::{self, RenderContext};
use werkplaats::routes::{LinkTable, Route};
use werkplaats::{RenderOptions, build_site, synthetic};

/// Counts what the current thread allocates, then lets the system allocate it.
struct Counting;

thread_local! {
    /// Allocations and bytes allocated by this thread.
    static ALLOCATED: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
}

fn count(bytes: usize) {
    // Ignored while the thread is being torn down.
    let _ = ALLOCATED.try_with(|a| {
        let (n, b) = a.get();
        a.set((n + 1, b + bytes));
    });
}

// SAFETY: every call is handed on to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Allocations and bytes `f` made on this thread.
fn allocated(f: impl FnOnce()) -> (usize, usize) {
    let (n0, b0) = ALLOCATED.with(Cell::get);
    f();
    let (n1, b1) = ALLOCATED.with(Cell::get);
    (n1 - n0, b1 - b0)
}

/// Fails unless four times the input took at most about four times the work.
fn grows_linearly(what: &str, small: (usize, usize), large: (usize, usize)) {
    for (unit, s, l) in [
        ("allocations", small.0, large.0),
        ("bytes", small.1, large.1),
    ] {
        let ratio = l as f64 / s.max(1) as f64;
        assert!(
            ratio <= 4.4,
            "{what}: {s} {unit} for n, {l} for 4n (×{ratio:.2})"
        );
    }
}

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

/// A body of `n` headings with the same text, scanned for validation and
/// rendered: each gets its own id (`vraag`, `vraag-2`, …) without trying
/// the ones before it.
fn headings(n: usize) -> (usize, usize) {
    let body = "## Vraag\n\nTekst.\n\n".repeat(n);
    let links = LinkTable::default();
    let from = Route("paginas/x/".into());
    let ctx = RenderContext {
        links: &links,
        from: &from,
        allow_raw_html: false,
    };
    allocated(|| {
        let ids = markdown::scan(&body).heading_ids;
        assert_eq!(ids.last().map(String::as_str), Some(&*format!("vraag-{n}")));
        let html = markdown::to_html(&body, &ctx);
        assert!(html.contains(&format!("id=\"vraag-{n}\"")));
    })
}

#[test]
fn four_times_the_same_heading_takes_at_most_four_times_the_work() {
    grows_linearly("repeated headings", headings(500), headings(2000));
}

/// The report of a toolkit whose one page has `n` dead links, one a line.
fn dead_links(n: usize) -> (usize, usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    synthetic::generate(10, dir.path()).expect("synthetic toolkit");
    let body: String = (0..n)
        .map(|i| format!("Zie [link {i}](@/nergens-{i}.md).\n"))
        .collect();
    std::fs::write(
        dir.path().join("content/paginas/dood.md"),
        format!("---\ntitel: Dood\nvolgorde: 1\n---\n\n{body}"),
    )
    .expect("page");
    let failure = werkplaats::load(dir.path())
        .and_then(werkplaats::validate)
        .expect_err("dead links fail the check");
    let problems = failure.problems.sorted();
    assert_eq!(problems.errors(), n);
    allocated(|| {
        let report = render_report(&problems, &failure.texts, false, Language::Dutch);
        assert!(report.contains(&format!("nergens-{}.md", n - 1)));
    })
}

#[test]
fn four_times_the_problems_take_at_most_four_times_the_work_to_report() {
    grows_linearly("report of dead links", dead_links(500), dead_links(2000));
}
