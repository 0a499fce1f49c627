//! What changed since the last rebuild, by the part of the toolkit it touched.
//!
//! The part decides what a rebuild redoes (see `site::Builder`); which file
//! events count as changes, and when they are quiet enough to rebuild, is the
//! watcher's business (`serve::watch`), which fills these in.

use std::collections::BTreeSet;
use std::path::PathBuf;

/// The part of a toolkit a path belongs to, which decides what a rebuild redoes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// `content/**`: load, validate and render again with the cached theme.
    Content,
    /// A theme's templates, strings or anything else but `static/`: reload the theme.
    Theme,
    /// A theme's `static/**`: only the static files are read again.
    Static,
    /// `site.yaml`: everything, since it names the theme and language.
    Config,
}

/// What changed since the last rebuild.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    pub content: bool,
    pub theme: bool,
    pub statics: bool,
    pub config: bool,
    /// The changed paths relative to the root: which document a quick save
    /// was, which assets to read again, and what the terminal names.
    pub paths: BTreeSet<PathBuf>,
}

impl Changes {
    /// Everything is dirty: the start, or when events may have been lost.
    pub fn everything() -> Changes {
        Changes {
            content: true,
            theme: true,
            statics: true,
            config: true,
            paths: BTreeSet::new(),
        }
    }

    pub fn add(&mut self, part: Part, path: PathBuf) {
        match part {
            Part::Content => self.content = true,
            Part::Theme => self.theme = true,
            Part::Static => self.statics = true,
            Part::Config => self.config = true,
        }
        self.paths.insert(path);
    }

    /// Adds everything in `other`.
    pub fn merge(&mut self, other: Changes) {
        self.content |= other.content;
        self.theme |= other.theme;
        self.statics |= other.statics;
        self.config |= other.config;
        self.paths.extend(other.paths);
    }

    pub fn is_empty(&self) -> bool {
        !(self.content || self.theme || self.statics || self.config)
    }
}
