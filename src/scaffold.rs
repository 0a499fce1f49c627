//! `werkplaats new`: a small toolkit that builds as it is, and `werkplaats
//! theme eject`: the built-in theme, or one file of it, copied out to change.
//!
//! `new` writes content only, one of each content type, so a new editor has
//! a working example of every file to copy from. The theme stays in the
//! binary (`render::theme::builtin`): a toolkit that copied it would never
//! get the theme's later fixes.

use crate::render::theme::builtin;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Why `new` or `theme eject` refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    #[error("de map {0} bestaat al en is niet leeg; kies een nieuwe map")]
    NotEmpty(String),
    #[error("kan {path} niet schrijven: {source}")]
    Io { path: String, source: io::Error },
    #[error("het ingebouwde thema heeft geen bestand of map \"{file}\"{near}")]
    Unknown { file: String, near: String },
    #[error("{} bestaat al; niets gekopieerd (geef --force om te overschrijven)", .0.join(", "))]
    Exists(Vec<String>),
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
    Ok(())
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

/// Copies the built-in theme, or the part of it `part` names (a file or a
/// folder relative to the theme, such as `templates/base.html` or
/// `static`), into the site's theme folder (`themes/<thema>/`, from
/// `site.yaml`; `themes/default/` without one), where it overrides the
/// built-in one. Refuses, writing nothing, when one of the files is there already,
/// unless `force`. Returns the files written, relative to `root`.
pub fn eject(root: &Path, part: Option<&str>, force: bool) -> Result<Vec<PathBuf>, ScaffoldError> {
    let theme = Path::new("themes").join(site_theme(root));
    let wanted = part.map(|p| {
        let p = p.trim_matches('/').replace('\\', "/");
        let p = p
            .strip_prefix("themes/default/")
            .map(str::to_string)
            .unwrap_or(p);
        p.strip_prefix(&format!("{}/", builtin::LABEL))
            .map(str::to_string)
            .unwrap_or(p)
    });
    let files: Vec<_> = builtin::files("")
        .into_iter()
        .filter(|(rel, _)| match &wanted {
            None => true,
            Some(w) => rel == w || rel.starts_with(&format!("{w}/")),
        })
        .collect();
    if let (Some(w), true) = (&wanted, files.is_empty()) {
        return Err(unknown(w));
    }
    let there: Vec<String> = files
        .iter()
        .map(|(rel, _)| theme.join(rel))
        .filter(|rel| fs::symlink_metadata(root.join(rel)).is_ok())
        .map(|rel| rel.display().to_string())
        .collect();
    if !force && !there.is_empty() {
        return Err(ScaffoldError::Exists(there));
    }
    let mut written = Vec::new();
    for (rel, bytes) in files {
        let rel = theme.join(rel);
        write_file(root, &rel, bytes)?;
        written.push(rel);
    }
    Ok(written)
}

/// The name of the theme `root`'s `site.yaml` chooses, read as a build reads
/// it; the default theme's when there is none or it is no plain name (the
/// build reports that).
fn site_theme(root: &Path) -> String {
    let text = crate::load::text_resolved(root, Path::new("site.yaml")).ok();
    let site =
        text.and_then(|t| crate::load::yaml::parse::<crate::content::SiteConfig>(&t, 1).ok());
    match site {
        Some(s) if crate::content::names_problems(&s.thema, &s.taal).is_empty() => s.thema,
        _ => crate::render::theme::DEFAULT.to_string(),
    }
}

/// The refusal of an eject of `wanted`, with the closest file the theme has.
fn unknown(wanted: &str) -> ScaffoldError {
    let all = builtin::files("");
    let near = all
        .iter()
        .map(|(rel, _)| (strsim::levenshtein(wanted, rel), rel))
        .min_by_key(|(d, _)| *d)
        .filter(|(d, _)| *d <= 2.max(wanted.chars().count() / 3))
        .map(|(_, rel)| format!("; bedoel je {rel}?"))
        .unwrap_or_else(|| {
            "; geef een pad binnen het thema, zoals templates/base.html, i18n/nl.yaml of static"
                .into()
        });
    ScaffoldError::Unknown {
        file: wanted.to_string(),
        near,
    }
}
