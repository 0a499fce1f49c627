use super::*;
use std::io::ErrorKind;
use std::sync::mpsc;
use std::time::Duration;

/// Runs `f` on its own thread and fails when it has not returned in time: a
/// read that blocks must fail the test, not hang the suite.
fn within_seconds<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(5))
        .expect("reading did not return: it blocks")
}

fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    assert!(made.expect("mkfifo runs").success(), "mkfifo {path:?}");
}

#[test]
fn a_named_pipe_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().to_path_buf();
    for name in ["site.yaml", "model.md", "bronnen.yaml"] {
        mkfifo(&root.join(name));
        let root = root.clone();
        let result = within_seconds(move || text(&root, Path::new(name), true));
        let problem = result.expect_err("a pipe is no text");
        assert!(
            problem.message.contains("geen gewoon bestand"),
            "{}",
            problem.message
        );
        assert_eq!(problem.file, Path::new(name));
    }
}

#[test]
fn a_link_to_a_named_pipe_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().to_path_buf();
    mkfifo(&root.join("pijp"));
    std::os::unix::fs::symlink("pijp", root.join("link.md")).expect("symlink");
    let result = within_seconds(move || text(&root, Path::new("link.md"), true));
    assert!(result.expect_err("refused").message.contains("named pipe"));
}

#[test]
fn a_sparse_huge_file_is_refused_without_reading() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = File::create(dir.path().join("groot.html")).expect("create");
    file.set_len(1024 * 1024 * 1024).expect("set_len");
    let problem = text_resolved(dir.path(), Path::new("groot.html")).expect_err("too big");
    assert!(problem.message.contains("te groot"), "{}", problem.message);
}

#[test]
fn a_folder_linked_out_of_the_toolkit_is_refused() {
    let outside = tempfile::tempdir().expect("temp dir");
    std::fs::write(outside.path().join("nl.yaml"), "a: b\n").expect("write");
    let dir = tempfile::tempdir().expect("temp dir");
    std::os::unix::fs::symlink(outside.path(), dir.path().join("i18n")).expect("symlink");
    let rel = Path::new("i18n/nl.yaml");
    assert!(
        text(dir.path(), rel, true).is_ok(),
        "the last part is no link"
    );
    let problem = text_resolved(dir.path(), rel).expect_err("refused");
    assert!(
        problem.message.contains("buiten de toolkit"),
        "{}",
        problem.message
    );
    // A link that stays inside is fine.
    let inside = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(inside.path().join("echt")).expect("mkdir");
    std::fs::write(inside.path().join("echt/nl.yaml"), "a: b\n").expect("write");
    std::os::unix::fs::symlink("echt", inside.path().join("i18n")).expect("symlink");
    assert!(text_resolved(inside.path(), rel).is_ok());
}

#[test]
fn read_errors_are_told_apart() {
    let rel = Path::new("content/model.md");
    let missing = unreadable(rel, &std::io::Error::from(ErrorKind::NotFound));
    assert_eq!(missing.message, "het bestand ontbreekt");
    assert!(
        missing
            .hint
            .expect("hint")
            .contains("maak content/model.md aan")
    );
    let denied = unreadable(rel, &std::io::Error::from(ErrorKind::PermissionDenied));
    assert_eq!(denied.message, "geen toegang tot het bestand");
    assert!(denied.hint.expect("hint").contains("leesrechten"));
    let other = unreadable(rel, &std::io::Error::other("schijf kapot"));
    assert!(other.message.contains("schijf kapot"));
}

#[test]
fn an_invalid_byte_is_placed_at_its_character_column() {
    let bytes = b"a: 1\nb: \"\xc3\xa9\xc3\xa9\xff\"\n".to_vec();
    let p = decode(Path::new("x.yaml"), bytes).expect_err("not UTF-8");
    // `b: "éé` is six characters (eight bytes): the bad byte is the seventh.
    assert_eq!((p.line, p.column), (2, 7));
}
