use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `site.yaml`: settings of the site as a whole.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Titel van de site, in de kop en de titel van elke pagina.
    pub titel: String,
    /// Eén regel die de site beschrijft, voor de startpagina en zoekmachines.
    #[serde(default)]
    pub beschrijving: Option<String>,
    /// Taalcode (standaard nl); kiest de teksten van de interface uit themes/<thema>/i18n/<taal>.yaml.
    #[serde(default = "default_language")]
    pub taal: String,
    /// Adres waar de site online staat, bijvoorbeeld https://example.org/toolkit/; voor sitemap.xml en QR-codes.
    #[serde(default)]
    pub basis_url: Option<String>,
    /// Map onder themes/ met het thema (standaard default).
    #[serde(default = "default_theme")]
    pub thema: String,
    /// Ruwe HTML in Markdown toestaan (standaard false: HTML wordt als tekst getoond).
    #[serde(default)]
    pub ruwe_html: bool,
    /// Papierformaat waar de afdruklinks van de site naartoe leiden: a4 (standaard) of letter; beide worden altijd gebouwd.
    #[serde(default)]
    pub papier: Paper,
    /// Hoeveel millimeter de achterkanten van dubbelzijdige kaartvellen verschuiven (x_mm, y_mm), om de afwijking van een printer op te vangen.
    #[serde(default)]
    pub duplex_verschuiving: DuplexOffset,
    /// Colofon in de voet van elke pagina: uitgever, licentie en versie, elk op één regel; weggelaten velden worden niet getoond.
    #[serde(default)]
    pub colofon: Colophon,
    /// De rollen waaruit deelnemers van de reflectiescan kiezen, als sleutels (kleine letters, cijfers en -); het label van rol x is de tekst rol_x van het thema. Standaard de rollen van het artikel.
    #[serde(default = "default_roles")]
    pub rollen: Vec<String>,
    /// De werkvormen die gesprekken onder werkvorm noemen, als sleutels (kleine letters, cijfers en -); het label van werkvorm x is de tekst werkvorm_x van het thema. Standaard individueel, duo, subgroepen en plenair.
    #[serde(default = "default_work_forms")]
    pub werkvormen: Vec<String>,
}

/// The work forms of the prompts unless site.yaml lists others.
pub const DEFAULT_WORK_FORMS: [&str; 4] = ["individueel", "duo", "subgroepen", "plenair"];

fn default_work_forms() -> Vec<String> {
    DEFAULT_WORK_FORMS.map(String::from).to_vec()
}

/// The roles of the article's professional workplaces: professionals in
/// opleiding (students), professionals, docenten, bruggenbouwers (the
/// "ondersteuners"), managers and cliënten, and a way out. The keys are
/// stored in the scan's exported files, so they stay as they are.
pub const DEFAULT_ROLES: [&str; 7] = [
    "student",
    "professional",
    "docent",
    "bruggenbouwer",
    "manager",
    "client",
    "anders",
];

fn default_roles() -> Vec<String> {
    DEFAULT_ROLES.map(String::from).to_vec()
}

/// What is wrong with a list of keys (`rollen`, `werkvormen`): none at all,
/// a key that is not a plain name (keys go into saved files and text keys),
/// or one key twice. `example` shows the list's form in the hint; `label`
/// is the prefix of the theme strings that name the keys.
fn keys_problems(
    path: &'static str,
    keys: &[String],
    example: &str,
    label: &str,
) -> Vec<SettingProblem> {
    let hint = format!(
        "schrijf elke sleutel in kleine letters, cijfers en -, bijvoorbeeld {example}, \
         en geef haar label als tekst {label}<sleutel> in het thema"
    );
    let mut out = Vec::new();
    if keys.is_empty() {
        out.push(SettingProblem {
            path,
            message: format!("`{path}` is leeg"),
            hint: hint.clone(),
        });
    }
    let mut seen = std::collections::BTreeSet::new();
    for key in keys {
        let plain = !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        let message = if !plain {
            format!("`{path}`: \"{key}\" is geen sleutel")
        } else if !seen.insert(key.as_str()) {
            format!("`{path}` noemt \"{key}\" twee keer")
        } else {
            continue;
        };
        out.push(SettingProblem {
            path,
            message,
            hint: hint.clone(),
        });
    }
    out
}

/// The toolkit's own colophon, shown in every page's footer before the
/// generator credit. Each part is optional: a site shows only what it knows.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Colophon {
    /// Wie de toolkit uitgeeft, bijvoorbeeld een hogeschool of project.
    #[serde(default)]
    pub uitgever: Option<String>,
    /// Onder welke licentie de inhoud valt, bijvoorbeeld CC BY 4.0.
    #[serde(default)]
    pub licentie: Option<String>,
    /// Versie of datum van deze uitgave, bijvoorbeeld 1.2 of december 2026.
    #[serde(default)]
    pub versie: Option<String>,
}

/// The longest colophon line part accepted: the footer holds a line, not a text.
const COLOPHON_MAX: usize = 120;

impl Colophon {
    /// Each part that is given must be one short line with some text.
    fn problems(&self) -> Vec<SettingProblem> {
        let parts = [
            ("colofon.uitgever", &self.uitgever),
            ("colofon.licentie", &self.licentie),
            ("colofon.versie", &self.versie),
        ];
        parts
            .into_iter()
            .filter_map(|(path, value)| {
                let v = value.as_deref()?;
                let why = if v.trim().is_empty() {
                    "is leeg"
                } else if v.contains(['\n', '\r']) {
                    "beslaat meer dan één regel"
                } else if v.chars().count() > COLOPHON_MAX {
                    "is langer dan 120 tekens"
                } else {
                    return None;
                };
                Some(SettingProblem {
                    path,
                    message: format!("`{path}` {why}"),
                    hint: "schrijf één korte regel, of laat het veld weg als je het niet weet"
                        .into(),
                })
            })
            .collect()
    }
}

/// A paper size the print pages are laid out for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    pub const ALL: [Paper; 2] = [Paper::A4, Paper::Letter];

    /// The key used in `site.yaml`, URLs and file names.
    pub fn key(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "letter",
        }
    }

    /// Width and height in millimetres, portrait.
    pub fn size_mm(self) -> (f64, f64) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::Letter => (215.9, 279.4),
        }
    }

    /// The CSS `@page` size keyword.
    pub fn css(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        }
    }

    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "Letter",
        }
    }
}

/// Millimetres the backs of a duplex sheet are moved: `x_mm` to the right, `y_mm`
/// down, as seen on the back. Home duplexers drift 2–4 mm.
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DuplexOffset {
    /// Millimeter naar rechts (negatief: naar links), gezien op de achterkant.
    #[serde(default)]
    pub x_mm: f64,
    /// Millimeter naar beneden (negatief: naar boven).
    #[serde(default)]
    pub y_mm: f64,
}

/// A site setting whose value is wrong: its key path in `site.yaml` (to find
/// its line), what is wrong and what to do, in Dutch for the editor.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingProblem {
    pub path: &'static str,
    pub message: String,
    pub hint: String,
}

impl SiteConfig {
    /// What is wrong with the values of these settings; empty when all hold.
    /// The types already took care of the shapes; these are the values.
    pub fn problems(&self) -> Vec<SettingProblem> {
        let mut out = names_problems(&self.thema, &self.taal);
        if let Some(why) = self.basis_url.as_deref().and_then(base_url_problem) {
            out.push(SettingProblem {
                path: "basis_url",
                message: format!("`basis_url` is geen webadres: {why}"),
                hint: BASE_URL_HINT.into(),
            });
        }
        out.extend(self.colofon.problems());
        out.extend(keys_problems(
            "rollen",
            &self.rollen,
            "[student, docent, anders]",
            "rol_",
        ));
        out.extend(keys_problems(
            "werkvormen",
            &self.werkvormen,
            "[individueel, duo, plenair]",
            "werkvorm_",
        ));
        out
    }
}

/// Theme and language are names, never paths: the theme is one folder below
/// themes/, the language one file below its i18n/.
pub fn names_problems(theme: &str, language: &str) -> Vec<SettingProblem> {
    let mut out = Vec::new();
    if let Some(why) = name_problem(theme) {
        out.push(SettingProblem {
            path: "thema",
            message: format!(
                "`thema` is de naam van een map onder themes/, geen pad (\"{theme}\" {why})"
            ),
            hint: "schrijf alleen de naam, bijvoorbeeld `thema: default`; een thema van elders kopieer je naar themes/".into(),
        });
    }
    if let Some(why) = language_problem(language) {
        out.push(SettingProblem {
            path: "taal",
            message: format!(
                "`taal` is een taalcode zoals nl of en-GB, geen pad (\"{language}\" {why})"
            ),
            hint: "de teksten van een taal staan in themes/<thema>/i18n/<taal>.yaml".into(),
        });
    }
    out
}

/// What to do about a base URL that is no web address.
pub const BASE_URL_HINT: &str =
    "schrijf het volledige adres van de site, bijvoorbeeld https://example.org/toolkit/";

/// Why `name` cannot be a theme name; `None` when it can. A name is one folder
/// below themes/: it must not climb out of it or point elsewhere.
fn name_problem(name: &str) -> Option<&'static str> {
    if name.is_empty() || name.len() > 64 {
        return Some("is leeg of langer dan 64 tekens");
    }
    let plain = name.starts_with(|c: char| c.is_ascii_alphanumeric())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    (!plain).then_some("mag alleen letters, cijfers, '-' en '_' bevatten")
}

/// Why `code` cannot be a language code (`nl`, `en-GB`); `None` when it can.
fn language_problem(code: &str) -> Option<&'static str> {
    let mut parts = code.split(['-', '_']);
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    let rest_ok =
        parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    (!(first_ok && rest_ok))
        .then_some("is geen taalcode van twee of drie letters, eventueel met een regio")
}

/// Why `url` cannot be the base URL the site is hosted at; `None` when it can
/// (an empty one means there is none).
///
/// The base URL is written as it is into canonical links, `og:url`, the
/// sitemap and the QR codes on printed cards, so only a plain absolute
/// `http(s)://host[:port]/path` in ASCII passes. A general URL parser would
/// accept `javascript:` and normalise what it should refuse, and still need
/// these checks after it; this small check says exactly what is allowed.
pub fn base_url_problem(url: &str) -> Option<&'static str> {
    if url.trim().is_empty() {
        return None;
    }
    let lower = url.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    else {
        return Some("het begint niet met https:// of http://");
    };
    if url.chars().any(|c| !c.is_ascii_graphic()) {
        return Some("het bevat een spatie, een stuurteken of een teken buiten ASCII");
    }
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    if let Some(why) = authority_problem(authority) {
        return Some(why);
    }
    if path.contains(['?', '#']) {
        return Some("een basisadres heeft geen zoekvraag (?) of anker (#)");
    }
    let allowed = |c: char| c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@%/".contains(c);
    if !path.chars().all(allowed) || !percent_escapes_ok(path) {
        return Some("het pad bevat tekens die in een adres gecodeerd moeten worden");
    }
    None
}

/// `host` or `host:port`; a user name (`user@host`) is refused, it only hides
/// where a link goes.
fn authority_problem(authority: &str) -> Option<&'static str> {
    if authority.contains('@') {
        return Some("het bevat een gebruikersnaam (@)");
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) if !authority.ends_with(']') => (h, Some(p)),
        _ => (authority, None),
    };
    if let Some(port) = port
        && !(!port.is_empty() && port.len() <= 5 && port.chars().all(|c| c.is_ascii_digit()))
    {
        return Some("het poortnummer is geen getal");
    }
    if port.is_some_and(|p| !p.parse::<u16>().is_ok_and(|p| p > 0)) {
        return Some("het poortnummer ligt niet tussen 1 en 65535");
    }
    let ipv6 = host.starts_with('[')
        && host.ends_with(']')
        && host.len() > 2
        && host[1..host.len() - 1]
            .chars()
            .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.');
    let name = !host.is_empty()
        && host.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    (!(ipv6 || name)).then_some("er staat geen geldige domeinnaam na https://")
}

fn percent_escapes_ok(path: &str) -> bool {
    let bytes = path.as_bytes();
    bytes.iter().enumerate().all(|(i, &b)| {
        b != b'%'
            || bytes
                .get(i + 1..i + 3)
                .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit))
    })
}

fn default_language() -> String {
    "nl".into()
}

fn default_theme() -> String {
    "default".into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(yaml: &str) -> SiteConfig {
        crate::load::yaml::try_parse(&format!("titel: t\n{yaml}")).expect("parses")
    }

    fn paths(site: &SiteConfig) -> Vec<&'static str> {
        site.problems().iter().map(|p| p.path).collect()
    }

    #[test]
    fn roles_and_work_forms_are_plain_keys_named_once() {
        assert_eq!(site("").rollen, DEFAULT_ROLES);
        assert_eq!(site("").werkvormen, DEFAULT_WORK_FORMS);
        for bad in ["[]", "[Duo]", "[duo, duo]"] {
            let s = site(&format!("werkvormen: {bad}\n"));
            assert_eq!(paths(&s), ["werkvormen"], "{bad}");
        }
        assert!(paths(&site("rollen: [lid, begeleider-2]\n")).is_empty());
        for bad in ["[]", "[Lid]", "[lid, lid]", "['a b']", "['']"] {
            let s = site(&format!("rollen: {bad}\n"));
            assert_eq!(paths(&s), ["rollen"], "{bad}");
        }
    }

    #[test]
    fn colophon_parts_are_optional_single_lines() {
        let full = site("colofon: {uitgever: Hogeschool X, licentie: CC BY 4.0, versie: '1.0'}");
        assert!(paths(&full).is_empty());
        assert_eq!(full.colofon.licentie.as_deref(), Some("CC BY 4.0"));
        assert_eq!(site("").colofon, Colophon::default());
        let bad = site("colofon:\n  uitgever: ' '\n  licentie: \"a\\nb\"\n  versie: '1.0'\n");
        assert_eq!(paths(&bad), ["colofon.uitgever", "colofon.licentie"]);
        let long = site(&format!("colofon: {{versie: {}}}", "x".repeat(121)));
        assert_eq!(paths(&long), ["colofon.versie"]);
    }

    #[test]
    fn theme_and_language_are_names_not_paths() {
        assert!(paths(&site("thema: mijn-thema_2\ntaal: en-GB")).is_empty());
        for bad in [
            "../../elders/thema",
            "/usr/share",
            "a/b",
            ".",
            "..",
            "",
            "a b",
        ] {
            let s = site(&format!("thema: {bad:?}"));
            assert_eq!(paths(&s), ["thema"], "{bad}");
        }
        for bad in ["../x", "n", "nl/../x", "nl-", "nederlands", "n1"] {
            let s = site(&format!("taal: {bad:?}"));
            assert_eq!(paths(&s), ["taal"], "{bad}");
        }
    }

    #[test]
    fn a_base_url_port_is_one_to_65535() {
        for good in [
            "http://a.org:1/",
            "http://a.org:65535/",
            "http://a.org:08080/",
        ] {
            assert_eq!(base_url_problem(good), None, "{good}");
        }
        for bad in [
            "http://a.org:99999/",
            "http://a.org:65536/",
            "http://a.org:0/",
        ] {
            assert!(base_url_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn only_plain_http_addresses_are_base_urls() {
        for good in [
            "https://example.org",
            "https://example.org/toolkit/",
            "HTTP://x.org:8080/a%20b/",
            "https://[::1]:8080/",
            "",
        ] {
            assert_eq!(base_url_problem(good), None, "{good}");
        }
        for bad in [
            "javascript:alert(1)//",
            "javascript:",
            "example.org",
            "ftp://x y",
            "ftp://x",
            "https://",
            "https://x y.org/",
            "https://x.org/a b",
            "https://x.org/\"><script>",
            "https://user@x.org/",
            "https://x.org:port/",
            "https://x.org/?a=1",
            "https://x.org/%zz",
            "https://bücher.de/",
            "https://-x.org/",
        ] {
            assert!(base_url_problem(bad).is_some(), "{bad}");
        }
        assert_eq!(
            paths(&site("basis_url: \"javascript:alert(1)//\"")),
            ["basis_url"]
        );
    }
}
