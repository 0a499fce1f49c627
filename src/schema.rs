//! `werkplaats schema`: JSON Schemas for editors, generated from the same types
//! that load the content, so the two cannot drift apart.
//!
//! An editor with YAML support (yaml-language-server, as in VS Code) uses them to
//! complete field names and flag mistakes before saving; `werkplaats check` stays
//! the authority, because a schema cannot know which element codes exist.

use crate::content::kind::{Kind, VisitKind};
use crate::content::registry::each_kind;
use crate::content::{Bibliography, Model, SiteConfig};
use schemars::{JsonSchema, schema_for};
use std::fs;
use std::io;
use std::path::Path;

/// One schema file: its name, the Dutch title and what it describes.
pub struct SchemaFile {
    pub file: &'static str,
    pub json: String,
}

fn schema<T: JsonSchema>(file: &'static str, title: &str, description: &str) -> SchemaFile {
    let mut schema = schema_for!(T);
    schema.insert("title".into(), title.into());
    schema.insert("description".into(), description.into());
    let json = serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n";
    SchemaFile { file, json }
}

/// Every content type's schema: the single files, then each kind's.
pub fn schemas() -> Vec<SchemaFile> {
    struct Kinds(Vec<SchemaFile>);
    impl VisitKind for Kinds {
        fn kind<K: Kind>(&mut self) {
            let s = &K::INFO.schema;
            self.0
                .push(schema::<K::Meta>(s.file, s.title, s.description));
        }
    }
    let mut kinds = Kinds(Vec::new());
    each_kind(&mut kinds);
    let mut files = vec![
        schema::<SiteConfig>("site.json", "site.yaml", "Instellingen van de site."),
        schema::<Model>(
            "model.json",
            "content/model.md",
            "Front matter van het model.",
        ),
        schema::<Bibliography>(
            "bronnen.json",
            "content/bronnen.yaml",
            "De bronnenlijst: per sleutel een bron.",
        ),
    ];
    files.extend(kinds.0);
    files
}

/// Writes all schemas into `dir`.
pub fn write_schemas(dir: &Path) -> io::Result<Vec<String>> {
    fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for s in schemas() {
        fs::write(dir.join(s.file), &s.json)?;
        written.push(s.file.to_string());
    }
    Ok(written)
}
