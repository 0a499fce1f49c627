use super::*;

/// A theme below a temp folder with `templates` and the strings `nl.yaml`;
/// the theme, or the problems of loading it.
fn load_with(templates: &[(&str, &str)]) -> (tempfile::TempDir, Result<Theme, Problems>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let t = dir.path().join("themes/eigen");
    std::fs::create_dir_all(t.join("templates")).expect("mkdir");
    std::fs::create_dir_all(t.join("i18n")).expect("mkdir");
    std::fs::write(t.join("i18n/nl.yaml"), "hallo: Hallo\nhtml: <b>&</b>\n").expect("write");
    for (name, text) in templates {
        std::fs::write(t.join("templates").join(name), text).expect("write");
    }
    let theme = Theme::load(dir.path(), "eigen", "nl", &mut SourceTexts::default());
    (dir, theme)
}

fn theme_with(templates: &[(&str, &str)]) -> (tempfile::TempDir, Theme) {
    let (dir, theme) = load_with(templates);
    (dir, theme.map_err(|p| p.0).expect("the theme loads"))
}

#[test]
fn a_macro_shows_a_string_without_being_handed_anything() {
    let (_dir, theme) = theme_with(&[
        (
            "a.html",
            "{% import \"m.html\" as m %}{{ m::m() }} {{ t(k=\"hallo\") | upper }}",
        ),
        (
            "m.html",
            "{% macro m() %}{{ t(k=\"hallo\") }}{% endmacro %}",
        ),
    ]);
    let html = theme.tera.render("a.html", &tera::Context::new());
    assert_eq!(html.expect("renders"), "Hallo HALLO");
    assert!(theme.warnings().is_empty());
}

#[test]
fn a_string_is_escaped_like_a_variable_unless_marked_safe() {
    let (_dir, theme) = theme_with(&[
        ("a.html", "<p>{{ t(k=\"html\") }}</p><p>{{ v }}</p>"),
        ("b.html", "{{ t(k=\"html\") | safe }}"),
    ]);
    let mut ctx = tera::Context::new();
    ctx.insert("v", "<b>&</b>");
    let html = theme.tera.render("a.html", &ctx).expect("renders");
    assert_eq!(
        html,
        "<p>&lt;b&gt;&amp;&lt;&#x2F;b&gt;</p><p>&lt;b&gt;&amp;&lt;&#x2F;b&gt;</p>"
    );
    let html = theme.tera.render("b.html", &ctx).expect("renders");
    assert_eq!(html, "<b>&</b>");
}

#[test]
fn a_key_the_strings_lack_is_a_warning_naming_template_and_line() {
    let (_dir, theme) = theme_with(&[(
        "a.html",
        "{{ t(k=\"hallo\") }}\n<p>{{ t(k=\"weg\") }}</p>\n{{ t(k=\"weg\") }}",
    )]);
    let warnings = theme.warnings();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let w = &warnings[0];
    assert!(!w.is_error());
    assert_eq!(w.file, Path::new("themes/eigen/templates/a.html"));
    assert_eq!(w.line, 2);
    assert!(w.message.contains("\"weg\""), "{w:?}");
    // Shown as the key while rendering, and not named a second time.
    let html = theme.tera.render("a.html", &tera::Context::new());
    assert_eq!(html.expect("renders"), "Hallo\n<p>weg</p>\nweg");
    assert_eq!(theme.warnings().len(), 1);
}

#[test]
fn a_computed_key_the_strings_lack_is_reported_after_rendering() {
    let (_dir, theme) = theme_with(&[("a.html", "{{ t(k=naam) }}")]);
    assert!(theme.warnings().is_empty());
    let mut ctx = tera::Context::new();
    ctx.insert("naam", "hallo");
    assert_eq!(theme.tera.render("a.html", &ctx).expect("renders"), "Hallo");
    assert!(theme.warnings().is_empty());
    ctx.insert("naam", "weg");
    assert_eq!(theme.tera.render("a.html", &ctx).expect("renders"), "weg");
    let warnings = theme.warnings();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].file, Path::new("themes/eigen/i18n/nl.yaml"));
    assert!(warnings[0].message.contains("\"weg\""), "{warnings:?}");
}

#[test]
fn the_old_form_still_renders_with_one_warning_saying_what_to_write() {
    let (_dir, theme) = theme_with(&[
        (
            "a.html",
            "<h1>\n{{ t.hallo }}</h1>{% if t.weg %}{{ t.hallo }}{% endif %}",
        ),
        ("b.html", "{% for t in lijst %}{{ t.naam }}{% endfor %}"),
        ("c.html", "{{ t.hallo }}"),
    ]);
    let warnings = theme.warnings();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let p = &warnings[0];
    assert!(!p.is_error());
    assert_eq!(p.file, Path::new("themes/eigen/templates/a.html"));
    assert_eq!(p.line, 2);
    assert!(p.message.contains("`t.hallo`"), "{p:?}");
    assert_eq!(
        p.hint.as_deref(),
        Some(
            "schrijf {{ t(k=\"hallo\") }} in plaats van {{ t.hallo }}, in elke template van het thema"
        )
    );
    // The table is in every context, so the old form shows the string.
    let mut ctx = tera::Context::new();
    ctx.insert("t", theme.context_strings().expect("the table"));
    let html = theme.tera.render("a.html", &ctx).expect("renders");
    assert_eq!(html, "<h1>\nHallo</h1>");
}

#[test]
fn a_theme_in_the_new_form_gets_no_table() {
    let (_dir, theme) = theme_with(&[("a.html", "{{ t(k=\"hallo\") }}")]);
    assert!(theme.context_strings().is_none());
}

#[test]
fn t_without_a_key_is_refused() {
    let (_dir, loaded) = load_with(&[("a.html", "x\n{{ t() }}")]);
    let problems = loaded.err().expect("refused").0;
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].line, 2);
}

#[test]
fn the_default_theme_asks_only_for_strings_it_has() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let theme = Theme::load(root, "default", "nl", &mut SourceTexts::default());
    let theme = theme.map_err(|p| p.0).expect("the default theme loads");
    assert!(theme.warnings().is_empty(), "{:?}", theme.warnings());
}

/// A toolkit root holding a minimal theme `eigen`.
fn toolkit_with_theme() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let t = dir.path().join("themes/eigen");
    std::fs::create_dir_all(t.join("templates")).expect("mkdir");
    std::fs::create_dir_all(t.join("i18n")).expect("mkdir");
    std::fs::write(t.join("i18n/nl.yaml"), "hallo: Hallo\n").expect("write");
    std::fs::write(t.join("templates/a.html"), "{{ t(k=\"hallo\") }}").expect("write");
    dir
}

fn load_problems(root: &Path, name: &str, language: &str) -> Vec<Problem> {
    match Theme::load(root, name, language, &mut SourceTexts::default()) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.0,
    }
}

#[test]
fn theme_names_and_languages_are_not_paths() {
    let dir = toolkit_with_theme();
    assert!(load_problems(dir.path(), "eigen", "nl").is_empty());
    for (name, language) in [("../eigen", "nl"), ("/tmp", "nl"), ("eigen", "../nl")] {
        let problems = load_problems(dir.path(), name, language);
        assert_eq!(problems.len(), 1, "{name} {language}: {problems:?}");
        assert!(problems[0].message.contains("geen pad"), "{problems:?}");
    }
}

#[test]
fn a_theme_or_its_static_folder_linked_out_of_the_toolkit_is_refused() {
    let outside = toolkit_with_theme();
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("themes")).expect("mkdir");
    let link = dir.path().join("themes/eigen");
    std::os::unix::fs::symlink(outside.path().join("themes/eigen"), link).expect("link");
    let problems = load_problems(dir.path(), "eigen", "nl");
    assert!(!problems.is_empty());
    assert!(
        problems
            .iter()
            .all(|p| p.message.contains("buiten de toolkit"))
    );

    let dir = toolkit_with_theme();
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let link = dir.path().join("themes/eigen/static");
    std::os::unix::fs::symlink(elsewhere.path(), link).expect("link");
    let problems = load_problems(dir.path(), "eigen", "nl");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].file, Path::new("themes/eigen/static"));
}

#[test]
fn a_pipe_among_the_templates_is_refused_unread() {
    let dir = toolkit_with_theme();
    let pipe = dir.path().join("themes/eigen/templates/b.html");
    let made = std::process::Command::new("mkfifo").arg(&pipe).status();
    assert!(made.expect("mkfifo runs").success());
    let root = dir.path().to_path_buf();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let loaded = Theme::load(&root, "eigen", "nl", &mut SourceTexts::default());
        let _ = tx.send(loaded.map(|_| ()).map_err(|p| p.0));
    });
    let result = rx.recv_timeout(std::time::Duration::from_secs(5));
    let problems = result
        .expect("no waiting on the pipe")
        .expect_err("refused");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].message.contains("named pipe"), "{problems:?}");
}

#[test]
fn a_missing_variable_is_found_in_the_template_that_uses_it() {
    let (_dir, theme) = theme_with(&[
        ("a.html", "{% include \"b.html\" %}"),
        (
            "b.html",
            "<p>\n  {{ pagina.titl }} {{ pagina.titel }}\n</p>",
        ),
    ]);
    let mut ctx = tera::Context::new();
    ctx.insert("pagina", &serde_json::json!({"titel": "T", "slug": "s"}));
    let error = theme
        .tera
        .render("a.html", &ctx)
        .expect_err("titl is missing");
    let p = theme.render_problem(&error, &ctx);
    assert_eq!(p.file, Path::new("themes/eigen/templates/b.html"));
    assert_eq!((p.line, p.column), (2, 6));
    assert_eq!(p.message, "templatefout: onbekende variabele `pagina.titl`");
    assert_eq!(p.hint.as_deref(), Some("bedoel je `pagina.titel`?"));
    // A name that is not close gets what the context has there.
    let mut far = tera::Context::new();
    far.insert("pagina", &serde_json::json!({"slug": "s"}));
    let error = theme.tera.render("a.html", &far).expect_err("missing");
    let hint = theme.render_problem(&error, &far).hint.unwrap_or_default();
    assert_eq!(hint, "`pagina` heeft: slug");
}

#[test]
fn a_toolkit_without_a_theme_folder_gets_the_built_in_theme() {
    let dir = tempfile::tempdir().expect("temp dir");
    let theme = Theme::load(dir.path(), "default", "nl", &mut SourceTexts::default());
    let theme = theme.map_err(|p| p.0).expect("the built-in theme loads");
    assert!(theme.tera.get_template("base.html").is_ok());
    assert_eq!(
        theme.files.file("base.html"),
        Path::new("(ingebouwd thema)/templates/base.html")
    );
    assert_eq!(theme.strings.get("nav_home"), Some("Start"));
    assert!(theme.warnings().is_empty(), "{:?}", theme.warnings());
}

#[test]
fn a_layer_replaces_one_template_and_one_string_and_inherits_the_rest() {
    let dir = tempfile::tempdir().expect("temp dir");
    let t = dir.path().join("themes/default");
    std::fs::create_dir_all(t.join("templates")).expect("mkdir");
    std::fs::create_dir_all(t.join("i18n")).expect("mkdir");
    std::fs::write(t.join("i18n/nl.yaml"), "nav_home: Thuis\n").expect("write");
    std::fs::write(
        t.join("templates/404.html"),
        "{{ t(k=\"nav_home\") }}/{{ t(k=\"nav_model\") }}",
    )
    .expect("write");
    let theme = Theme::load(dir.path(), "default", "nl", &mut SourceTexts::default());
    let theme = theme.map_err(|p| p.0).expect("the layered theme loads");
    let html = theme.tera.render("404.html", &tera::Context::new());
    assert_eq!(html.expect("renders"), "Thuis/Model");
    assert_eq!(
        theme.files.file("404.html"),
        Path::new("themes/default/templates/404.html")
    );
    assert_eq!(
        theme.files.file("base.html"),
        Path::new("(ingebouwd thema)/templates/base.html")
    );
    assert!(theme.tera.get_template("element.html").is_ok());
}

#[test]
fn a_template_error_in_a_layer_names_the_layers_file() {
    let (_dir, loaded) = load_with(&[("base.html", "<p>\n{{ x </p>")]);
    let problems = loaded.err().expect("refused").0;
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].file,
        Path::new("themes/eigen/templates/base.html")
    );
    assert_eq!(problems[0].line, 2);
}

#[test]
fn a_named_theme_must_exist_and_a_language_must_have_strings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let problems = load_problems(dir.path(), "eigen", "nl");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].message.contains("bestaat niet"), "{problems:?}");
    let problems = load_problems(dir.path(), "default", "fy");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].file, Path::new("themes/default/i18n/fy.yaml"));
    assert!(problems[0].message.contains("\"fy\""), "{problems:?}");
}

#[test]
fn english_has_every_dutch_key_with_the_same_placeholders() {
    let read = |language: &str| {
        let rel = format!("i18n/{language}.yaml");
        let text = String::from_utf8_lossy(builtin::file(&rel).expect("shipped")).into_owned();
        yaml::parse::<yaml::UniqueKeys<String>>(&text, 1)
            .map(|s| s.0)
            .map_err(|p| p.into_problem(Path::new(&rel)))
            .expect("parses")
    };
    let (nl, en) = (read("nl"), read("en"));
    assert_eq!(nl.keys().collect::<Vec<_>>(), en.keys().collect::<Vec<_>>());
    let placeholders = |s: &str| {
        let mut found: Vec<String> = s
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(name, _)| name.to_string()))
            .collect();
        found.sort();
        found
    };
    for (key, dutch) in &nl {
        assert_eq!(placeholders(dutch), placeholders(&en[key]), "{key}");
        if key.ends_with("_kolommen") {
            assert_eq!(
                dutch.matches(';').count(),
                en[key].matches(';').count(),
                "{key}"
            );
        }
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let theme = Theme::load(dir.path(), "default", "en", &mut SourceTexts::default());
    let theme = theme
        .map_err(|p| p.0)
        .expect("English loads without strings of one's own");
    assert_eq!(theme.strings.get("nav_elements"), Some("Elements"));
    assert!(theme.warnings().is_empty(), "{:?}", theme.warnings());
}
