//! The panic boundary around every rebuild.
//!
//! The preview lives as long as the editor works; a bug that panics on one save
//! must not end the rebuild thread, or the preview would silently keep showing
//! an old site. A panic in a rebuild becomes an ordinary failure, shown over the
//! open pages and in the terminal like any other, and the next save rebuilds.
//!
//! The default panic hook would print its own message and a backtrace hint
//! first, as if the program had crashed; `quiet_hook` keeps the message for the
//! report instead, while a rebuild runs. Panics anywhere else are left to the
//! default hook.

use crate::Failure;
use crate::diagnostics::{Problem, Problems, SourceTexts};
use std::any::Any;
use std::panic::{self, AssertUnwindSafe, PanicHookInfo};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, Once};

/// How many boundaries are running a job: a panic on any thread meanwhile (the
/// render runs on all cores) is one the boundary will catch.
static ACTIVE: AtomicUsize = AtomicUsize::new(0);
/// What `quiet_hook` kept of the last caught panic: message and place.
static CAUGHT: Mutex<Option<String>> = Mutex::new(None);

/// Runs `job`; a panic in it is returned as its message (with where it
/// happened, when `quiet_hook` is installed) instead of unwinding further.
pub fn catch<T>(job: impl FnOnce() -> T) -> Result<T, String> {
    ACTIVE.fetch_add(1, Ordering::SeqCst);
    // The caller throws away whatever the job left half done (see
    // `Publisher::guarded`), so no broken state is observed after a panic.
    let result = panic::catch_unwind(AssertUnwindSafe(job));
    ACTIVE.fetch_sub(1, Ordering::SeqCst);
    let kept = CAUGHT.lock().map(|mut c| c.take()).unwrap_or_default();
    result.map_err(|payload| kept.unwrap_or_else(|| text_of(payload.as_ref())))
}

/// The message a panic was raised with (`panic!` gives a `&str` or a `String`),
/// its first line and no longer than a report line should be: some quote
/// whole templates.
fn text_of(payload: &(dyn Any + Send)) -> String {
    const LONGEST: usize = 160;
    let text = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("onbekende oorzaak");
    let line = text.lines().next().unwrap_or_default();
    match line.char_indices().nth(LONGEST) {
        Some((end, _)) => format!("{}…", &line[..end]),
        None => line.to_string(),
    }
}

/// The failure a panic in a rebuild is reported as, about the file whose save
/// set it off (`None`: the first build, which no single file set off).
pub fn internal_error(about: Option<&Path>, panic: &str) -> Failure {
    let file = about.unwrap_or(Path::new("."));
    let problem = Problem::error(
        file,
        0,
        format!("interne fout in werkplaats; meld dit alstublieft, met deze melding: {panic}"),
    )
    .hint(
        "dit is een fout in werkplaats, niet in je toolkit; de voorvertoning draait door \
         en bouwt opnieuw bij de volgende wijziging",
    );
    Failure {
        problems: Problems(vec![problem]),
        texts: SourceTexts::default(),
    }
}

/// Replaces the panic hook, once: a panic while a boundary runs is kept for its
/// report instead of printed; any other goes to the hook there was.
pub fn quiet_hook() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if ACTIVE.load(Ordering::SeqCst) == 0 {
                return previous(info);
            }
            if let Ok(mut caught) = CAUGHT.lock() {
                // The first panic is the cause; a rethrow by rayon is not called here.
                caught.get_or_insert_with(|| describe(info));
            }
        }));
    });
}

/// `message (at file:line)`.
fn describe(info: &PanicHookInfo<'_>) -> String {
    let message = text_of(info.payload());
    match info.location() {
        Some(at) => format!("{message} (in {}:{})", at.file(), at.line()),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message() {
        assert_eq!(catch(|| 7), Ok(7));
        assert_eq!(
            catch(|| -> () { panic!("kapot") }),
            Err("kapot".to_string())
        );
        let long = catch(|| -> () { panic!("{}\nen verder", "x".repeat(500)) });
        assert_eq!(long, Err(format!("{}…", "x".repeat(160))));
        let n = 3;
        assert_eq!(
            catch(|| -> () { panic!("kapot na {n}") }),
            Err("kapot na 3".to_string())
        );
    }

    #[test]
    fn the_report_asks_to_report_it_and_names_the_file() {
        let about = Path::new("themes/default/templates/base.html");
        let failure = internal_error(Some(about), "kapot");
        let problem = &failure.problems.0[0];
        assert_eq!(problem.file, about);
        assert!(problem.is_error());
        assert!(
            problem
                .message
                .contains("interne fout in werkplaats; meld dit alstublieft"),
            "{problem}"
        );
        assert!(problem.message.contains("kapot"), "{problem}");
    }
}
