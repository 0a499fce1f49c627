//! Every text the command line shows of its own, in each language it speaks.
//!
//! A table in the code rather than the theme's `i18n/*.yaml`: the command
//! must speak before there is a toolkit (outside one, `new`, a broken
//! `site.yaml`) and a theme's strings are about the site, for its readers.
//! One row per text with all languages side by side, so a text cannot be
//! added in one language and forgotten in the other; a test checks that every
//! command and argument has its row.

use super::language::Language;

/// One text in every language: a key, then Dutch, then English.
type Row = (&'static str, &'static str, &'static str);

/// Help texts: `""` is the program, `build` a command, `build root` an
/// argument (by its id) of that command; `theme eject` a nested command.
const HELP: &[Row] = &[
    (
        "",
        "Maakt van een toolkit voor werkplaatsen in Markdown en YAML een site om te lezen en af te drukken.",
        "Turns a workshop toolkit in Markdown and YAML into a browsable, printable site.",
    ),
    (
        "format",
        "Hoe problemen worden gemeld: voor mensen, één JSON-object per regel (stdout), of bestand:regel:kolom: ernst: melding per regel voor editors (stdout).",
        "How problems are reported: for people, one JSON object per line (stdout), or file:line:column: severity: message per line for editors (stdout).",
    ),
    (
        "quiet",
        "Toon alleen problemen: geen voortgang en geen regel bij succes.",
        "Print only problems: no progress or success lines.",
    ),
    (
        "verbose",
        "Toon meer: hoe lang de opdracht duurde.",
        "Print more: how long the command took.",
    ),
    (
        "build",
        "Bouw de site in de uitvoermap (standaard ROOT/public).",
        "Build the site into the output folder (default ROOT/public).",
    ),
    (
        "build root",
        "De map van de toolkit (met site.yaml, content/ en themes/).",
        "The toolkit folder (holds site.yaml, content/ and themes/).",
    ),
    (
        "build out",
        "De uitvoermap; wordt alleen vervangen als de bouw slaagt.",
        "Output folder; replaced only when the build succeeds.",
    ),
    (
        "build base_url",
        "Het absolute adres waar de site komt te staan (gaat voor basis_url in site.yaml).",
        "Absolute URL the site is hosted at (overrides basis_url in site.yaml).",
    ),
    (
        "build force",
        "Neem een uitvoermap over die werkplaats niet maakte, of met bestanden die het niet schreef: die worden door de site vervangen.",
        "Take over an output folder that werkplaats did not make, or that holds files it did not write: they are replaced by the site.",
    ),
    (
        "build deny_warnings",
        "Laat ook waarschuwingen de bouw doen mislukken (exit 1, niets geschreven), voor CI.",
        "Fail on warnings too (exit 1, nothing written), for CI.",
    ),
    (
        "build drafts",
        "Neem de concepten mee (pagina's met `concept: true`), zoals serve doet.",
        "Include the drafts (pages with `concept: true`), as serve does.",
    ),
    (
        "build pdf",
        "Druk ook de kaartensets, werkbladen en de hele toolkit af naar pdf (A4 en Letter), om te downloaden uit het printgedeelte van de site (vraagt Chromium).",
        "Also print the decks, worksheets and the whole toolkit to PDF (A4 and Letter) into the site's print section, for download (needs Chromium).",
    ),
    (
        "build chromium",
        "Het Chromium-programma voor --pdf (standaard: chromium, chromium-browser of google-chrome op PATH).",
        "The Chromium program for --pdf (default: chromium, chromium-browser or google-chrome on PATH).",
    ),
    (
        "check",
        "Controleer de toolkit zoals `build` doet, zonder iets te schrijven.",
        "Check the toolkit as `build` does, without writing anything.",
    ),
    (
        "check root",
        "De map van de toolkit.",
        "The toolkit folder.",
    ),
    (
        "check deny_warnings",
        "Laat ook waarschuwingen mislukken (exit 1), voor CI.",
        "Fail on warnings too (exit 1), for CI.",
    ),
    (
        "check watch",
        "Controleer opnieuw bij elke bewaarde wijziging en toon alleen wat er aan de problemen veranderde (stoppen: Ctrl-C).",
        "Check again on every save and print only what changed in the problems (stop: Ctrl-C).",
    ),
    (
        "schema",
        "Schrijf JSON Schema's van de inhoudstypen, voor YAML-ondersteuning in editors.",
        "Write JSON Schemas of the content types, for editors' YAML support.",
    ),
    (
        "schema root",
        "De map van de toolkit.",
        "The toolkit folder.",
    ),
    (
        "schema out",
        "Waar ze heen gaan (standaard ROOT/schemas).",
        "Where to write them (default ROOT/schemas).",
    ),
    (
        "pdf",
        "Druk de kaartensets, de werkbladen en de hele toolkit af naar pdf met headless Chromium.",
        "Print the card decks, the worksheets and the whole toolkit to PDF with headless Chromium.",
    ),
    ("pdf root", "De map van de toolkit.", "The toolkit folder."),
    (
        "pdf out",
        "De map voor de pdf-bestanden (standaard ROOT/pdf); een map per papierformaat.",
        "Output folder for the PDFs (default ROOT/pdf); files go in a folder per paper.",
    ),
    (
        "pdf paper",
        "Papierformaat (standaard: `papier` in site.yaml, anders A4).",
        "Paper size (default: `papier` in site.yaml, else A4).",
    ),
    (
        "pdf chromium",
        "Het Chromium-programma (standaard: chromium, chromium-browser of google-chrome op PATH).",
        "The Chromium program (default: chromium, chromium-browser or google-chrome on PATH).",
    ),
    (
        "pdf base_url",
        "Het absolute adres van de site, voor de QR-codes op de kaarten.",
        "Absolute URL the site is hosted at, for the QR codes on the cards.",
    ),
    (
        "pdf force",
        "Neem een papiermap (zoals pdf/a4/) over die werkplaats niet schreef.",
        "Adopt a paper folder (e.g. pdf/a4/) that werkplaats did not write.",
    ),
    (
        "serve",
        "Bekijk de site in een browser; hij werkt zich bij zodra je bewaart.",
        "Preview the site in a browser; it updates as you save.",
    ),
    (
        "serve root",
        "De map van de toolkit.",
        "The toolkit folder.",
    ),
    (
        "serve port",
        "Poort om op te luisteren [standaard: 1111, of de eerstvolgende vrije]; 0 kiest een willekeurige vrije poort.",
        "Port to serve on [default: 1111, or the next free one]; 0 picks any free port.",
    ),
    (
        "serve bind",
        "Adres om op te luisteren; alles behalve loopback laat anderen op het netwerk binnen.",
        "Address to listen on; anything but loopback lets others on the network in.",
    ),
    (
        "serve open",
        "Open de site in de standaardbrowser.",
        "Open the site in the default browser.",
    ),
    (
        "clean",
        "Verwijder de uitvoermap (standaard ROOT/public), alleen als werkplaats hem schreef.",
        "Remove the output folder (default ROOT/public), only if werkplaats wrote it.",
    ),
    (
        "clean root",
        "De map van de toolkit.",
        "The toolkit folder.",
    ),
    (
        "clean out",
        "De uitvoermap om te verwijderen.",
        "The output folder to remove.",
    ),
    (
        "completions",
        "Toon een script voor het aanvullen in de shell (bash, zsh, fish, elvish, powershell).",
        "Print a shell completion script (bash, zsh, fish, elvish, powershell).",
    ),
    ("completions shell", "De shell.", "The shell."),
    (
        "man",
        "Toon de handleiding (roff), bijvoorbeeld `werkplaats man > werkplaats.1`.",
        "Print the manual page (roff), e.g. `werkplaats man > werkplaats.1`.",
    ),
    (
        "new",
        "Maak een kleine toolkit die meteen bouwt (ook: init).",
        "Create a small toolkit that builds as it is (also: init).",
    ),
    (
        "new dir",
        "De map om te maken; mag niet bestaan of moet leeg zijn.",
        "The folder to create; must not exist or be empty.",
    ),
    (
        "theme",
        "Werk met het ingebouwde thema.",
        "Work with the built-in theme.",
    ),
    (
        "theme eject",
        "Kopieer het ingebouwde thema, of een bestand of map ervan, naar themes/default/ om het daar te veranderen; wat niet gekopieerd is, blijft ingebouwd.",
        "Copy the built-in theme, or one file or folder of it, into themes/default/ to change it there; what is not copied stays built in.",
    ),
    (
        "theme eject file",
        "Een bestand of map van het thema, zoals templates/base.html, i18n/nl.yaml of static (standaard: het hele thema).",
        "A file or folder of the theme, e.g. templates/base.html, i18n/nl.yaml or static (default: the whole theme).",
    ),
    (
        "theme eject root",
        "De map van de toolkit.",
        "The toolkit folder.",
    ),
    (
        "theme eject force",
        "Overschrijf bestanden die er al zijn.",
        "Overwrite files that are there already.",
    ),
];

/// The words around the help texts and in usage errors. `{…}` are filled in.
const WORDS: &[Row] = &[
    ("usage", "Gebruik:", "Usage:"),
    ("options", "Opties", "Options"),
    ("arguments", "Argumenten", "Arguments"),
    ("commands", "Opdrachten", "Commands"),
    ("OPTIONS", "[OPTIES]", "[OPTIONS]"),
    ("COMMAND", "<OPDRACHT>", "<COMMAND>"),
    ("default", "standaard", "default"),
    ("possible", "mogelijk", "possible values"),
    ("help", "Toon deze hulp.", "Print help."),
    ("version", "Toon de versie.", "Print version."),
    (
        "help command",
        "Toon deze hulp, of die van de opgegeven opdracht.",
        "Print this message or the help of the given command.",
    ),
    (
        "help command names",
        "De opdracht waarvan je de hulp wilt zien.",
        "The command to print the help of.",
    ),
    ("error", "fout", "error"),
    ("tip", "tip", "tip"),
    ("did you mean", "bedoel je '{}'?", "did you mean '{}'?"),
    (
        "more",
        "Meer weten: probeer '--help'.",
        "For more information, try '--help'.",
    ),
    (
        "unknown argument",
        "onbekend argument '{}'",
        "unexpected argument '{}'",
    ),
    (
        "unknown command",
        "onbekende opdracht '{}'",
        "unrecognized command '{}'",
    ),
    (
        "bad value",
        "ongeldige waarde '{}' voor '{}'",
        "invalid value '{}' for '{}'",
    ),
    (
        "no value",
        "'{}' vraagt om een waarde",
        "'{}' needs a value",
    ),
    (
        "possible values",
        "mogelijke waarden: {}",
        "possible values: {}",
    ),
    (
        "missing",
        "verplicht, maar niet gegeven: {}",
        "required, but not given: {}",
    ),
    (
        "missing command",
        "'{}' vraagt om een opdracht; kies uit: {}",
        "'{}' needs a command; choose from: {}",
    ),
    (
        "conflict",
        "'{}' gaat niet samen met '{}'",
        "'{}' cannot be used with '{}'",
    ),
    (
        "twice",
        "'{}' mag maar één keer",
        "'{}' may be given only once",
    ),
    (
        "values",
        "verkeerd aantal waarden voor '{}'",
        "wrong number of values for '{}'",
    ),
    (
        "utf8",
        "een argument is geen geldige UTF-8",
        "an argument is not valid UTF-8",
    ),
    ("invalid", "ongeldige aanroep", "invalid arguments"),
    (
        "serve json",
        "serve kent geen --format json of line: de voorvertoning meldt problemen in de terminal en op de pagina; gebruik check --format json",
        "serve takes no --format json or line: the preview reports problems in the terminal and on the page; use check --format json",
    ),
    (
        "watch json",
        "check --watch kent geen --format json of line: het meldt voor mensen wat er veranderde; een editor roept bij elke keer bewaren check --format line aan",
        "check --watch takes no --format json or line: it tells people what changed; an editor runs check --format line on every save",
    ),
    (
        "watching",
        "ik volg de toolkit; bij elke bewaarde wijziging controleer ik opnieuw (stoppen: Ctrl-C)",
        "watching the toolkit; checking again on every save (stop: Ctrl-C)",
    ),
    ("new problem", "nieuw", "new"),
    ("fixed problem", "opgelost", "fixed"),
    (
        "unchanged",
        "geen wijzigingen in de problemen ({})",
        "no change in the problems ({})",
    ),
    ("now", "nu: {}", "now: {}"),
    (
        "count",
        "fouten: {}, waarschuwingen: {}",
        "errors: {}, warnings: {}",
    ),
    ("all fine", "in orde", "all fine"),
    ("checked", "in orde: {}", "all fine: {}"),
    (
        "denied",
        "{}; --deny-warnings laat waarschuwingen de run doen mislukken",
        "{}; --deny-warnings makes warnings fail the run",
    ),
    ("done in", "klaar in {} ms", "done in {} ms"),
    ("error line", "fout: {}", "error: {}"),
    ("file", "bestand", "file"),
    ("files", "bestanden", "files"),
    (
        "written",
        "{}: {} {} geschreven, {} ongewijzigd, {} verwijderd",
        "{}: {} {} written, {} unchanged, {} removed",
    ),
    (
        "nothing changed",
        "{}: niets veranderd, {} {} ongewijzigd",
        "{}: nothing changed, {} {} unchanged",
    ),
    (
        "with pdfs",
        "{} (met {} pdf-bestanden)",
        "{} (with {} PDF files)",
    ),
    (
        "pdfs written",
        "{} pdf-bestanden ({}) geschreven naar {}",
        "{} PDF files ({}) written to {}",
    ),
    (
        "no qr",
        "let op: de kaarten hebben geen QR-code; zet basis_url in site.yaml of geef --base-url",
        "note: the cards have no QR codes; set basis_url in site.yaml or give --base-url",
    ),
    (
        "schemas written",
        "{} schema's geschreven naar {}",
        "{} schemas written to {}",
    ),
    (
        "schemas failed",
        "kan de schema's niet schrijven: {}",
        "cannot write the schemas: {}",
    ),
    (
        "man failed",
        "kan de man-pagina niet schrijven: {}",
        "cannot write the manual page: {}",
    ),
    (
        "new toolkit",
        "nieuwe toolkit in {}; bouw hem met: werkplaats build --root {}",
        "new toolkit in {}; build it with: werkplaats build --root {}",
    ),
    ("cleaned", "{} verwijderd", "{} removed"),
    (
        "nothing to clean",
        "{} bestaat niet; niets te doen",
        "{} does not exist; nothing to do",
    ),
    (
        "ejected all",
        "{} bestanden naar themes/default/",
        "{} files to themes/default/",
    ),
    (
        "ejected",
        "gekopieerd: {}; wat je daar verandert, gaat voor het ingebouwde thema",
        "copied: {}; what you change there goes before the built-in theme",
    ),
    ("stopped", "gestopt met volgen", "stopped watching"),
    (
        "watch failed",
        "kan de bestanden niet volgen: {}",
        "cannot watch the files: {}",
    ),
];

/// The help text under `key`, if the table has it.
pub fn help(language: Language, key: &str) -> Option<&'static str> {
    find(HELP, language, key)
}

/// A word or message; the key itself when the table lacks it (a test sees to it
/// that it never does).
pub fn word(language: Language, key: &'static str) -> &'static str {
    find(WORDS, language, key).unwrap_or(key)
}

/// A message with its `{}` filled in order.
pub fn fill(language: Language, key: &'static str, values: &[&str]) -> String {
    let mut out = String::new();
    let mut rest = word(language, key);
    for value in values {
        match rest.split_once("{}") {
            Some((before, after)) => {
                out.push_str(before);
                out.push_str(value);
                rest = after;
            }
            None => break,
        }
    }
    out.push_str(rest);
    out
}

fn find(rows: &[Row], language: Language, key: &str) -> Option<&'static str> {
    rows.iter()
        .find(|row| row.0 == key)
        .map(|row| match language {
            Language::Dutch => row.1,
            Language::English => row.2,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_filled_in_order() {
        assert_eq!(
            fill(Language::Dutch, "bad value", &["x", "--port <PORT>"]),
            "ongeldige waarde 'x' voor '--port <PORT>'"
        );
        assert_eq!(fill(Language::English, "now", &["1 error"]), "now: 1 error");
    }

    #[test]
    fn every_row_has_both_languages_and_one_key() {
        for rows in [HELP, WORDS] {
            for (i, row) in rows.iter().enumerate() {
                assert!(!row.1.is_empty() && !row.2.is_empty(), "{}", row.0);
                let holes = |s: &str| s.matches("{}").count();
                assert_eq!(holes(row.1), holes(row.2), "{}", row.0);
                assert!(
                    rows[..i].iter().all(|other| other.0 != row.0),
                    "{} twice",
                    row.0
                );
            }
        }
    }
}
