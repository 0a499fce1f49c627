//! `werkplaats schema`: JSON Schemas for editors, generated from the same types
//! that load the content, so the two cannot drift apart.
//!
//! An editor with YAML support (yaml-language-server, as in VS Code) uses them to
//! complete field names and flag mistakes before saving; `werkplaats check` stays
//! the authority, because a schema cannot know which element codes exist.

use crate::content::{Bibliography, Checklist, Element, Model, Page, Prompt, SiteConfig};
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

/// Every content type's schema.
pub fn schemas() -> Vec<SchemaFile> {
    vec![
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
        schema::<Element>(
            "element.json",
            "content/elementen/<code>.md",
            "Front matter van een elementkaart.",
        ),
        schema::<Prompt>(
            "gesprek.json",
            "content/in-gesprek/<slug>.md",
            "Front matter van een gespreksvorm.",
        ),
        schema::<Checklist>(
            "checklist.json",
            "content/procesontwerp/<slug>.md",
            "Front matter van een checklist.",
        ),
        schema::<Page>(
            "pagina.json",
            "content/paginas/<slug>.md",
            "Front matter van een vrije pagina.",
        ),
    ]
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
