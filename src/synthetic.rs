//! Synthetic toolkits, for benchmarks and for tests that count how work grows.
//!
//! A toolkit of N free pages of about 400 words (three headings, a list, a
//! blockquote, a table, a code block and five internal links) plus N/10
//! elements, prompts and checklists that link to each other. The same N always
//! gives the same files.

use crate::scaffold::{self, ScaffoldError};
use std::path::Path;

/// Element codes are capitals only: 0 → "EAAA", 1 → "EAAB", …
fn code(i: usize) -> String {
    let mut s = String::from("E");
    let mut x = i;
    for _ in 0..3 {
        s.insert(1, (b'A' + (x % 26) as u8) as char);
        x /= 26;
    }
    s
}

const WORDS: [&str; 16] = [
    "samenwerken",
    "onderwijs",
    "praktijk",
    "onderzoek",
    "werkplaats",
    "leren",
    "studenten",
    "professionals",
    "cliënten",
    "cultuur",
    "relaties",
    "middelen",
    "leiderschap",
    "visie",
    "ontwikkeling",
    "betrokkenen",
];

fn words(seed: usize, count: usize) -> String {
    (0..count)
        .map(|i| WORDS[(seed * 7 + i * 3) % WORDS.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

fn body(i: usize, n: usize, m: usize) -> String {
    let p = |k: usize| format!("pagina-{:05}", k % n);
    format!(
        "## Inleiding {i}\n\n{}. Zie [de volgende pagina](@/paginas/{}.md) en [een andere](@/paginas/{}.md).\n\n\
         - {}\n- {}\n- {}\n\n> {}\n\n## Uitwerking\n\n{}. Lees ook [het element](@{}) en [het gesprek](@/in-gesprek/gesprek-{:05}.md).\n\n\
         | kolom | waarde |\n|---|---|\n| {} | {} |\n| {} | {} |\n\n```\n{}\n```\n\n## Afronding\n\n{} [checklist](@/procesontwerp/checklist-{:05}.md).\n",
        words(i, 90),
        p(i + 1),
        p(i + 7),
        words(i + 1, 8),
        words(i + 2, 8),
        words(i + 3, 8),
        words(i + 4, 30),
        words(i + 5, 120),
        code(i % m),
        i % m,
        words(i + 6, 2),
        i,
        words(i + 7, 2),
        i * 2,
        words(i + 8, 10),
        words(i + 9, 110),
        i % m,
    )
}

/// Writes a toolkit of `n` free pages (at least 10) and `n / 10` elements,
/// prompts and checklists into `dir`; it uses the built-in theme.
pub fn generate(n: usize, dir: &Path) -> Result<(), ScaffoldError> {
    let n = n.max(10);
    let m = n / 10;
    let w = |rel: &str, text: String| scaffold::write_file(dir, Path::new(rel), text.as_bytes());
    w("site.yaml", "titel: Synthetisch\ntaal: nl\n".into())?;
    w(
        "content/bronnen.yaml",
        "bron:\n  kort: Bron, 2024\n  tekst: Bron (2024). Een bron.\n".into(),
    )?;
    let codes: Vec<String> = (0..m).map(code).collect();
    w(
        "content/model.md",
        format!(
            "---\ntitel: Model\nnaam: Synthetisch model\ndefinitie: {}\nkenmerken:\n  - kort: Kenmerk\n    tekst: {}\naanleiding: [Aanleiding]\nopbrengsten: [Opbrengst]\nordening:\n  kern: [{}]\n  cultuur: []\n  instrumenteel: []\n  interpersoonlijk: []\nbronnen: [bron]\n---\n\n{}",
            words(1, 20),
            words(2, 20),
            codes.join(", "),
            body(0, n, m)
        ),
    )?;
    for i in 0..m {
        w(
            &format!("content/elementen/{}.md", codes[i].to_lowercase()),
            format!(
                "---\ncode: {}\nnaam: Element {i}\nkern: {}\nkleur: \"#1f5f7a\"\nvolgorde: {i}\nwat: [{}]\ndoel: [{}]\nbenodigdheden: [{}]\naspecten: [{}]\naspecten_herkomst: toolkit\nverwant: [{}]\nbronnen: [bron]\n---\n\n{}",
                codes[i],
                words(i, 12),
                words(i + 1, 6),
                words(i + 2, 6),
                words(i + 3, 6),
                words(i + 4, 6),
                codes[(i + 1) % m],
                body(i, n, m)
            ),
        )?;
        w(
            &format!("content/in-gesprek/gesprek-{i:05}.md"),
            format!(
                "---\ntitel: Gesprek {i}\ndoel: {}\nelementen: [{}]\nwerkvorm: [duo, plenair]\nduur: 20\ngroepsgrootte: {{min: 2, max: 12}}\nstappen:\n  - tekst: {}\n    minuten: 10\n  - tekst: {}\n    minuten: 10\nvragen: [{}]\nbronnen: [bron]\n---\n\n{}",
                words(i, 10),
                codes[i],
                words(i + 1, 8),
                words(i + 2, 8),
                words(i + 3, 9),
                body(i + 1, n, m)
            ),
        )?;
        w(
            &format!("content/procesontwerp/checklist-{i:05}.md"),
            format!(
                "---\ntitel: Checklist {i}\nitems:\n  - tekst: {}\n  - tekst: {}\n    hulp: {}\nelementen: [{}]\nbronnen: [bron]\n---\n\n{}",
                words(i, 8),
                words(i + 1, 8),
                words(i + 2, 8),
                codes[i],
                body(i + 2, n, m)
            ),
        )?;
    }
    for i in 0..n {
        w(
            &format!("content/paginas/pagina-{i:05}.md"),
            format!(
                "---\ntitel: Pagina {i}\nbronnen: [bron]\n---\n\n{}",
                body(i, n, m)
            ),
        )?;
    }
    Ok(())
}
