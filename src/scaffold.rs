//! `werkplaats new`: a small toolkit that builds as it is.
//!
//! It has one of each content type plus the default theme, so a new editor has a
//! working example of every file to copy from.

use include_dir::{Dir, include_dir};
use std::fs;
use std::io;
use std::path::Path;

/// The default theme, built into the binary so `new` works anywhere.
static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Why `new` refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    #[error("de map {0} bestaat al en is niet leeg; kies een nieuwe map")]
    NotEmpty(String),
    #[error("kan {path} niet schrijven: {source}")]
    Io { path: String, source: io::Error },
}

const FILES: &[(&str, &str)] = &[
    // The output and what werkplaats keeps beside it are built, not written.
    (".gitignore", "public/\n.public.*\npdf/\n"),
    (
        ".vscode/settings.json",
        "{\n  \"yaml.schemas\": {\n    \"schemas/site.json\": \"site.yaml\",\n    \"schemas/bronnen.json\": \"content/bronnen.yaml\"\n  }\n}\n",
    ),
    (
        "site.yaml",
        "# yaml-language-server: $schema=schemas/site.json\ntitel: Mijn toolkit\nbeschrijving: Een nieuwe toolkit, gemaakt met werkplaats\ntaal: nl\n",
    ),
    (
        "content/bronnen.yaml",
        "# yaml-language-server: $schema=../schemas/bronnen.json\nvoorbeeld2024:\n  kort: Voorbeeld, 2024\n  tekst: Voorbeeld, A. (2024). Een voorbeeldbron. Uitgever.\n",
    ),
    (
        "content/model.md",
        "---\ntitel: Het model\nnaam: Een voorbeeldmodel\ndefinitie: Beschrijf hier in een paar zinnen waar het model over gaat.\nkenmerken:\n  - kort: Eerste kenmerk\n    tekst: Een uitgebreidere beschrijving van het eerste kenmerk.\naanleiding:\n  - Een reden om samen te werken\nopbrengsten:\n  - Wat de samenwerking oplevert\nordening:\n  kern: [ABC]\n  cultuur: []\n  instrumenteel: []\n  interpersoonlijk: []\nbronnen: [voorbeeld2024]\n---\n\n## Hoe het model werkt\n\nLeg hier uit hoe de elementen samenhangen. Zie het element [ABC](@ABC).\n",
    ),
    (
        "content/elementen/abc.md",
        "---\ncode: ABC\nnaam: Een voorbeeldelement\nkern: Eén zin die de kern van het element vangt.\nkleur: \"#1f5f7a\"\nvolgorde: 1\nwat:\n  - Wat het element inhoudt\ndoel:\n  - Waar het element voor dient\nbenodigdheden:\n  - Wat ervoor nodig is\naspecten:\n  - Een aspect om op te reflecteren\naspecten_herkomst: toolkit\nbronnen: [voorbeeld2024]\n---\n\n## Toelichting\n\nVertel hier het verhaal van het element. Bespreek het met [het gesprek](@/in-gesprek/kennismaken.md).\n",
    ),
    (
        "content/in-gesprek/kennismaken.md",
        "---\ntitel: Kennismaken met het element\ndoel: Samen verkennen wat het element in de eigen praktijk betekent.\nelementen: [ABC]\nwerkvorm: [duo, plenair]\nduur: 20\ngroepsgrootte:\n  min: 2\n  max: 12\nstappen:\n  - tekst: Bespreek in tweetallen de vragen.\n    minuten: 10\n  - tekst: Deel de opvallendste antwoorden plenair.\n    minuten: 10\nvragen:\n  - Waar herken je dit element in je eigen praktijk?\nbronnen: [voorbeeld2024]\n---\n\nTips voor de begeleider komen hier.\n",
    ),
    (
        "content/procesontwerp/startvragen.md",
        "---\ntitel: Startvragen\ninleiding: Vragen om een samenwerking mee te beginnen.\nvorm: beantwoorden\nitems:\n  - tekst: Wat willen we samen bereiken?\n    hulp: Formuleer het in één zin.\nelementen: [ABC]\nbronnen: [voorbeeld2024]\n---\n\nEen toelichting bij de checklist.\n",
    ),
    (
        "content/paginas/over.md",
        "---\ntitel: Over deze toolkit\nvolgorde: 1\n---\n\nWie de toolkit maakte, en waarom.\n",
    ),
];

/// Creates the scaffold in `dir`, which must not exist or be empty.
pub fn create(dir: &Path) -> Result<(), ScaffoldError> {
    let shown = dir.display().to_string();
    if dir.exists() {
        let empty = fs::read_dir(dir)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty {
            return Err(ScaffoldError::NotEmpty(shown));
        }
    }
    for (rel, text) in FILES {
        write_file(dir, Path::new(rel), text.as_bytes())?;
    }
    for schema in crate::schema::schemas() {
        write_file(
            dir,
            &Path::new("schemas").join(schema.file),
            schema.json.as_bytes(),
        )?;
    }
    write_theme(dir, &DEFAULT_THEME)
}

pub(crate) fn write_file(dir: &Path, rel: &Path, bytes: &[u8]) -> Result<(), ScaffoldError> {
    let path = dir.join(rel);
    let err = |source| ScaffoldError::Io {
        path: path.display().to_string(),
        source,
    };
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(err)?;
    }
    fs::write(&path, bytes).map_err(err)
}

/// Writes the built-in default theme to `dir/themes/default`.
pub(crate) fn write_default_theme(dir: &Path) -> Result<(), ScaffoldError> {
    write_theme(dir, &DEFAULT_THEME)
}

fn write_theme(dir: &Path, theme: &Dir<'_>) -> Result<(), ScaffoldError> {
    for file in theme.files() {
        write_file(
            dir,
            &Path::new("themes/default").join(file.path()),
            file.contents(),
        )?;
    }
    for sub in theme.dirs() {
        write_theme(dir, sub)?;
    }
    Ok(())
}
