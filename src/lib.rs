//! werkplaats: a static-site generator for workshop toolkits.
//!
//! The build is a pipeline, one module per stage:
//!
//! ```text
//! content/ + themes/ → load → validate → render → write → public/
//! ```
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let root = std::path::Path::new("toolkit");
//! let site = werkplaats::load(root)
//!     .and_then(werkplaats::validate)
//!     .and_then(|v| {
//!         let theme = werkplaats::Theme::of_site(&v)?;
//!         werkplaats::render(&v, &theme, &Default::default(), Default::default())
//!     })
//!     .map_err(|f| f.problems.0[0].to_string())?;
//! werkplaats::write(&site, root, &root.join("public"))?;
//! # Ok(()) }
//! ```

pub mod aspects;
pub mod cards;
pub mod colour;
pub mod content;
pub mod diagnostics;
pub mod language;
pub mod load;
pub mod markdown;
pub mod messages;
pub mod pdf;
pub mod print;
pub mod render;
pub mod routes;
pub mod scaffold;
pub mod schema;
pub mod serve;
pub mod site;
pub mod synthetic;
pub mod validate;
pub mod write;

pub use load::load;
pub use render::{RenderOptions, RenderedSite, Theme, render};
pub use validate::validate;
pub use write::{WriteError, write};

use content::Toolkit;
use diagnostics::{Problems, SourceTexts};
use routes::LinkTable;

/// The output of the load stage.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub toolkit: Toolkit,
    /// Warnings found while loading (errors make loading fail).
    pub warnings: Problems,
    /// File texts, for quoting lines in reports.
    pub texts: SourceTexts,
}

/// The output of the validate stage: a toolkit whose references all hold.
///
/// Read-only outside the library: validation's verdict holds only for the
/// toolkit it checked, and the one change made to a validated toolkit (a new
/// body that keeps its document's frame) is the incremental site's
/// (`site::quick`), which keeps the two in step.
#[derive(Debug, Clone)]
pub struct Validated {
    pub(crate) toolkit: Toolkit,
    /// Every `@` link target.
    pub(crate) links: LinkTable,
    pub(crate) warnings: Problems,
    pub(crate) texts: SourceTexts,
}

impl Validated {
    pub fn toolkit(&self) -> &Toolkit {
        &self.toolkit
    }

    /// Every `@` link target.
    pub fn links(&self) -> &LinkTable {
        &self.links
    }

    pub fn warnings(&self) -> &Problems {
        &self.warnings
    }

    /// File texts, for quoting lines in reports.
    pub fn texts(&self) -> &SourceTexts {
        &self.texts
    }
}

/// Why a stage stopped: every problem found, with the texts to quote them.
#[derive(Debug, Clone)]
pub struct Failure {
    pub problems: Problems,
    pub texts: SourceTexts,
}

/// Load, validate and render: everything `check` and `build` share. Drafts
/// are left out unless `options.drafts`.
pub fn build_site(
    root: &std::path::Path,
    options: &RenderOptions,
) -> Result<RenderedSite, Failure> {
    let loaded = load(root)?;
    let loaded = if options.drafts {
        loaded
    } else {
        load::drafts::leave_out(loaded)?
    };
    validate(loaded).and_then(|v| {
        let theme = Theme::of_site(&v)?;
        site::passes::checked_render(&v, &theme, options, render::Request::default())
    })
}
