//! The built-in theme: `themes/default/` of this repository, embedded in the
//! binary, so a toolkit needs no theme of its own.
//!
//! A toolkit's `themes/<thema>/` is a layer on top of it: each template,
//! static file and string key it has replaces the built-in one, everything
//! else comes from here (Zola's and Hugo's lookup order). The repository's
//! own toolkit names `thema: default`, so its `themes/default/` is both the
//! source of this copy and a layer identical to it.

use include_dir::{Dir, include_dir};
use std::path::{Path, PathBuf};

static DEFAULT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// What a message shows as the folder of a built-in theme file.
pub const LABEL: &str = "(ingebouwd thema)";

/// The path a message names for the built-in file `rel` (`templates/x.html`).
pub fn shown(rel: &str) -> PathBuf {
    Path::new(LABEL).join(rel)
}

/// The built-in file `rel` (relative to the theme folder), if there is one.
pub fn file(rel: &str) -> Option<&'static [u8]> {
    DEFAULT.get_file(rel).map(|f| f.contents())
}

/// Every built-in file below `folder` (`templates`, `static`, or `""` for
/// all), as (path relative to the theme folder with `/`, bytes), in path
/// order.
pub fn files(folder: &str) -> Vec<(String, &'static [u8])> {
    let mut all = Vec::new();
    let start = if folder.is_empty() {
        Some(&DEFAULT)
    } else {
        DEFAULT.get_dir(folder)
    };
    if let Some(dir) = start {
        collect(dir, &mut all);
    }
    all.sort_by(|a, b| a.0.cmp(&b.0));
    all
}

fn collect(dir: &'static Dir<'static>, all: &mut Vec<(String, &'static [u8])>) {
    for f in dir.files() {
        let parts: Vec<_> = f.path().iter().map(|p| p.to_string_lossy()).collect();
        all.push((parts.join("/"), f.contents()));
    }
    for sub in dir.dirs() {
        collect(sub, all);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_theme_is_the_one_in_the_repository() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        let all = files("");
        assert!(all.iter().any(|(rel, _)| rel == "templates/base.html"));
        for (rel, bytes) in &all {
            let on_disk = std::fs::read(root.join(rel)).expect("the file is in themes/default");
            assert_eq!(&on_disk[..], *bytes, "{rel}");
        }
        let templates = files("templates");
        assert!(
            templates
                .iter()
                .all(|(rel, _)| rel.starts_with("templates/"))
        );
        assert_eq!(file("i18n/nl.yaml").map(<[u8]>::is_empty), Some(false));
    }
}
