//! Whether a folder is a toolkit at all, asked before anything in it is read.
//!
//! Pointed at the wrong folder, the loader would report every file it expects
//! as missing, and advise about symbolic links; one plain sentence that this is
//! not a toolkit, and how to make or find one, helps more. A folder that has
//! `site.yaml` or `content/` is taken for a toolkit with parts missing: the
//! loader's own messages name those parts.

use crate::diagnostics::Problem;
use std::path::Path;

/// What to do about a folder that is not a toolkit.
const HINT: &str = "maak een toolkit met `werkplaats new MAP`, of wijs er een aan met --root MAP";

/// `Ok` when `root` looks like a toolkit: a folder with `site.yaml` or
/// `content/` in it. Otherwise the one problem to report, about `root` itself.
pub fn check_root(root: &Path) -> Result<(), Problem> {
    // Named as the user can find it again: `.` says nothing in a report.
    let shown = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let message = match std::fs::metadata(root) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            "de map bestaat niet, dus hier is geen toolkit".to_string()
        }
        Err(e) => format!("kan de map niet openen ({e}), dus hier is geen toolkit"),
        Ok(meta) if !meta.is_dir() => "dit is geen map, dus geen toolkit".to_string(),
        Ok(_) if has(root, "site.yaml") || has(root, "content") => return Ok(()),
        Ok(_) => "dit is geen toolkit: er staat geen site.yaml en geen map content/ in".to_string(),
    };
    Err(Problem::error(shown, 0, message).hint(HINT))
}

/// Whether `name` exists in `dir`, as anything: a broken part is the loader's
/// to report.
fn has(dir: &Path, name: &str) -> bool {
    std::fs::symlink_metadata(dir.join(name)).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_without_site_yaml_or_content_is_not_a_toolkit() {
        let dir = tempfile::tempdir().unwrap();
        let problem = check_root(dir.path()).unwrap_err();
        assert!(problem.message.contains("geen toolkit"), "{problem}");
        assert!(problem.message.contains("site.yaml"), "{problem}");
        let hint = problem.hint.as_deref().unwrap_or_default();
        assert!(
            hint.contains("werkplaats new") && hint.contains("--root"),
            "{hint}"
        );
        assert_eq!(problem.file, dir.path());
    }

    #[test]
    fn a_missing_folder_or_a_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nergens");
        let problem = check_root(&missing).unwrap_err();
        assert_eq!(problem.file, missing);
        assert!(problem.message.contains("bestaat niet"), "{problem}");

        let file = dir.path().join("site.yaml");
        std::fs::write(&file, "titel: x\n").unwrap();
        let problem = check_root(&file).unwrap_err();
        assert!(problem.message.contains("geen map"), "{problem}");
    }

    #[test]
    fn a_toolkit_with_parts_missing_is_left_to_the_loader() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("site.yaml"), "").unwrap();
        assert_eq!(check_root(dir.path()), Ok(()));
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("content")).unwrap();
        assert_eq!(check_root(dir.path()), Ok(()));
    }

    #[test]
    fn a_relative_root_is_shown_as_an_absolute_path() {
        let problem = check_root(Path::new("bestaat/niet/hier")).unwrap_err();
        assert!(problem.file.is_absolute(), "{}", problem.file.display());
        assert!(problem.file.ends_with("bestaat/niet/hier"));
    }
}
