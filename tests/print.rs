//! Print pages: card decks, worksheets, the whole toolkit and `werkplaats pdf`'s
//! errors, checked on fixture toolkits by parsing the HTML the build writes. The
//! browser tests (`tests/browser/print.test.mjs`) print them for real.

mod common;

use common::*;
use std::fs;
use std::path::Path;

fn built(kit: &Fixture, extra: &[&str]) -> std::path::PathBuf {
    let root = kit.root();
    let mut args = vec!["build", "--root", root.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = run(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    kit.public()
}

fn texts(doc: &scraper::Html, css: &str) -> Vec<String> {
    select(doc, css)
        .iter()
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect()
}

/// A length in mm from an inline style, e.g. `left` in `left: 12.5mm; top: 3mm`.
fn style_mm(el: &scraper::ElementRef, property: &str) -> f64 {
    let style = el.value().attr("style").unwrap_or_default();
    style
        .split(';')
        .filter_map(|d| d.split_once(':'))
        .find(|(k, _)| k.trim() == property)
        .and_then(|(_, v)| v.trim().strip_suffix("mm")?.parse().ok())
        .unwrap_or_else(|| panic!("no {property} in {style:?}"))
}

#[test]
fn every_print_page_exists_for_both_papers_and_all_links_work() {
    let kit = Fixture::new();
    let public = built(&kit, &[]);
    for paper in ["a4", "letter"] {
        for doc in [
            "elementkaarten",
            "elementkaarten/vouwen",
            "gesprekskaarten",
            "gesprekskaarten/vouwen",
            "toolkit",
            "model",
            "elementen/abc",
            "in-gesprek/kennismaken",
            "procesontwerp",
            "procesontwerp/startvragen",
            "paginas/over",
            "bronnen",
        ] {
            let file = public.join(format!("afdrukken/{paper}/{doc}/index.html"));
            assert!(file.is_file(), "missing {}", file.display());
        }
    }
    assert!(public.join("afdrukken/index.html").is_file());
    assert_eq!(broken_links(&public), Vec::<String>::new());
}

#[test]
fn every_site_page_has_a_print_link_to_its_own_print_version() {
    let kit = Fixture::new();
    let public = built(&kit, &[]);
    for (page, target) in [
        ("index.html", "afdrukken/a4/toolkit/index.html"),
        ("model/index.html", "afdrukken/a4/model/index.html"),
        (
            "elementen/index.html",
            "afdrukken/a4/elementkaarten/index.html",
        ),
        (
            "elementen/abc/index.html",
            "afdrukken/a4/elementen/abc/index.html",
        ),
        (
            "in-gesprek/index.html",
            "afdrukken/a4/gesprekskaarten/index.html",
        ),
        (
            "in-gesprek/kennismaken/index.html",
            "afdrukken/a4/in-gesprek/kennismaken/index.html",
        ),
        (
            "procesontwerp/startvragen/index.html",
            "afdrukken/a4/procesontwerp/startvragen/index.html",
        ),
        ("over/index.html", "afdrukken/a4/paginas/over/index.html"),
        ("bronnen/index.html", "afdrukken/a4/bronnen/index.html"),
    ] {
        let file = public.join(page);
        let doc = parse(&file);
        let links = select(&doc, ".afdruk-actie a");
        assert_eq!(links.len(), 1, "{page}");
        assert_eq!(
            texts(&doc, ".afdruk-actie a")[0]
                .trim_start_matches('⎙')
                .trim(),
            "Deze pagina afdrukken"
        );
        let href = links[0].value().attr("href").unwrap();
        let resolved = file.parent().unwrap().join(href);
        assert_eq!(
            fs::canonicalize(&resolved).unwrap(),
            fs::canonicalize(public.join(target)).unwrap(),
            "{page}"
        );
    }
    // The menu leads to the page listing everything printable.
    let home = parse(&public.join("index.html"));
    // Named apart from each page's own print button, which goes elsewhere.
    assert!(texts(&home, ".kop nav a").contains(&"Afdrukken".to_string()));
}

#[test]
fn print_pages_have_no_navigation_and_set_their_paper() {
    let kit = Fixture::new();
    let public = built(&kit, &[]);
    for file in html_files(&public.join("afdrukken/a4")) {
        let doc = parse(&file);
        assert!(
            select(&doc, "nav, header.kop, .voet").is_empty(),
            "{}",
            file.display()
        );
        let style = texts(&doc, "head style").join("");
        assert!(style.contains("size: A4"), "{}: {style}", file.display());
    }
    let letter = parse(&public.join("afdrukken/letter/elementkaarten/index.html"));
    assert!(
        texts(&letter, "head style")
            .join("")
            .contains("size: letter")
    );
    // The paper switch links to the same document on the other paper.
    let switch: Vec<String> = select(&letter, ".afdruk-balk a")
        .iter()
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    assert!(
        switch.contains(&"../../../afdrukken/a4/elementkaarten/index.html".to_string()),
        "{switch:?}"
    );
}

#[test]
fn element_deck_puts_front_and_mirrored_back_on_consecutive_pages() {
    let kit = Fixture::new();
    let public = built(&kit, &["--base-url", "https://example.org/kit/"]);
    let doc = parse(&public.join("afdrukken/a4/elementkaarten/index.html"));
    let sheets = select(&doc, "section.vel");
    let kinds: Vec<&str> = sheets
        .iter()
        .map(|s| s.value().attr("data-soort").unwrap())
        .collect();
    assert_eq!(kinds, ["voorkant", "achterkant"]);

    let front = select(&doc, "section.vel[data-soort=voorkant] .kaart-voor");
    let back = select(&doc, "section.vel[data-soort=achterkant] .kaart-achter");
    assert_eq!((front.len(), back.len()), (1, 1));
    assert_eq!(front[0].value().attr("data-kaart"), Some("kaart-abc"));
    assert_eq!(back[0].value().attr("data-kaart"), Some("kaart-abc"));
    // Mirrored on the long edge: left on the front is right on the back.
    let (x, y) = (style_mm(&front[0], "left"), style_mm(&front[0], "top"));
    let (bx, by) = (style_mm(&back[0], "left"), style_mm(&back[0], "top"));
    assert!((x - (210.0 - bx - 89.0)).abs() < 0.01, "{x} vs {bx}");
    assert_eq!(y, by);

    assert_eq!(texts(&doc, ".kaart-voor .kaart-code"), ["ABC"]);
    assert_eq!(
        texts(&doc, ".kaart-voor .kaart-titel"),
        ["Een voorbeeldelement"]
    );
    // What the element is on the front, beside its essence; purpose and
    // needs on the back, and the source on both sides.
    assert_eq!(texts(&doc, ".kaart-voor h3"), ["Wat"]);
    assert_eq!(texts(&doc, ".kaart-achter h3"), ["Doel", "Benodigdheden"]);
    assert!(texts(&doc, ".kaart-voor .kaart-bron")[0].contains("Voorbeeld, 2024"));
    assert!(texts(&doc, ".kaart-achter .kaart-bron")[0].contains("Voorbeeld, 2024"));
    // The QR code leads to the card's page on the hosted site.
    assert_eq!(select(&doc, ".kaart-achter svg.qr-code").len(), 1);
    assert!(
        texts(&doc, ".kaart-url")[0].ends_with("https://example.org/kit/elementen/abc/"),
        "{:?}",
        texts(&doc, ".kaart-url")
    );
    // Crop marks on the front, none on the back; the instruction on the margin.
    assert!(select(&doc, "[data-soort=voorkant] line.snijteken").len() >= 8);
    assert!(select(&doc, "[data-soort=achterkant] line.snijteken").is_empty());
    assert!(texts(&doc, ".vel-noot")[0].contains("100 %"));
}

#[test]
fn without_a_base_url_cards_have_no_qr_code() {
    let kit = Fixture::new();
    let public = built(&kit, &[]);
    let doc = parse(&public.join("afdrukken/a4/gesprekskaarten/index.html"));
    assert!(select(&doc, "svg.qr-code").is_empty());
    // The questions on the front, for the table; the facilitator's plan
    // with minutes on the back.
    let card = "[data-kaart=kaart-kennismaken]";
    assert_eq!(texts(&doc, &format!(".kaart-voor{card} h3")), ["Vragen"]);
    assert_eq!(texts(&doc, &format!(".kaart-achter{card} h3")), ["Verloop"]);
    assert_eq!(
        texts(&doc, &format!(".kaart-achter{card} li")),
        [
            "10 min. Bespreek in tweetallen de vragen.",
            "10 min. Deel de opvallendste antwoorden plenair."
        ]
    );
    let facts = texts(&doc, &format!("{card} .kaart-feiten div"));
    assert_eq!(
        facts,
        [
            "Werkvorm: in duo's, plenair",
            "Duur: 20 min.",
            "Groepsgrootte: 2–12 deelnemers"
        ]
    );
    // The prompt is about one element, so that element's card follows it.
    let ids: Vec<_> = select(&doc, ".kaart-voor")
        .iter()
        .filter_map(|c| c.value().attr("data-kaart"))
        .collect();
    assert_eq!(ids, ["kaart-kennismaken", "kaart-abc"]);
}

#[test]
fn fold_over_deck_has_front_and_back_side_by_side_on_one_page() {
    let kit = Fixture::new();
    let public = built(&kit, &[]);
    let doc = parse(&public.join("afdrukken/letter/elementkaarten/vouwen/index.html"));
    let sheets = select(&doc, "section.vel");
    assert_eq!(sheets.len(), 1);
    assert_eq!(sheets[0].value().attr("data-soort"), Some("vouwvel"));
    let front = &select(&doc, ".kaart-voor")[0];
    let back = &select(&doc, ".kaart-achter")[0];
    assert!((style_mm(back, "left") - style_mm(front, "left") - 89.0).abs() < 0.01);
    assert!(!select(&doc, "line.vouwlijn").is_empty());
}

#[test]
fn duplex_offset_moves_the_backs() {
    let kit = Fixture::new();
    kit.edit(
        "site.yaml",
        "taal: nl\n",
        "taal: nl\nduplex_verschuiving:\n  x_mm: 2\n  y_mm: -1.5\n",
    );
    let public = built(&kit, &[]);
    let doc = parse(&public.join("afdrukken/a4/elementkaarten/index.html"));
    let front = &select(&doc, ".kaart-voor")[0];
    let back = &select(&doc, ".kaart-achter")[0];
    let mirrored = 210.0 - style_mm(front, "left") - 89.0;
    assert!((style_mm(back, "left") - mirrored - 2.0).abs() < 0.01);
    assert!((style_mm(back, "top") - style_mm(front, "top") + 1.5).abs() < 0.01);
}

#[test]
fn paper_from_site_yaml_picks_the_print_links() {
    let kit = Fixture::new();
    kit.edit("site.yaml", "taal: nl\n", "taal: nl\npapier: letter\n");
    let public = built(&kit, &[]);
    let doc = parse(&public.join("elementen/abc/index.html"));
    let href = select(&doc, ".afdruk-actie a")[0]
        .value()
        .attr("href")
        .unwrap()
        .to_string();
    assert_eq!(href, "../../afdrukken/letter/elementen/abc/index.html");
}

#[test]
fn worksheets_have_room_to_write_and_tick() {
    let kit = Fixture::new();
    let public = built(&kit, &[]);
    let doc = parse(&public.join("afdrukken/a4/procesontwerp/startvragen/index.html"));
    assert_eq!(texts(&doc, "h1"), ["Startvragen"]);
    assert_eq!(select(&doc, ".items .item").len(), 1);
    // Three lines to start with; print.js adds lines until the last page is full.
    assert_eq!(select(&doc, ".item .antwoord .regel").len(), 3);
    assert_eq!(
        texts(&doc, ".werkblad-velden .werkblad-veld"),
        ["Naam", "Team", "Datum"]
    );
    assert_eq!(
        texts(&doc, ".sectie-bron li"),
        ["Voorbeeld, A. (2024). Een voorbeeldbron. Uitgever."]
    );

    kit.edit(
        "content/procesontwerp/startvragen.md",
        "vorm: beantwoorden",
        "vorm: afvinken",
    );
    let public = built(&kit, &[]);
    let doc = parse(&public.join("afdrukken/a4/procesontwerp/startvragen/index.html"));
    assert_eq!(select(&doc, ".item .vakje").len(), 1);
    assert!(select(&doc, ".item .regel").is_empty());

    let prompt = parse(&public.join("afdrukken/a4/in-gesprek/kennismaken/index.html"));
    assert_eq!(select(&prompt, ".vragen .item").len(), 1);
    assert_eq!(select(&prompt, ".vragen .item .regel").len(), 3);
    assert_eq!(select(&prompt, ".werkblad-velden .werkblad-veld").len(), 3);
}

#[test]
fn whole_toolkit_has_cover_contents_and_every_section() {
    let kit = Fixture::new();
    let public = built(&kit, &[]);
    let doc = parse(&public.join("afdrukken/a4/toolkit/index.html"));
    assert_eq!(texts(&doc, ".omslag h1"), ["Mijn toolkit"]);
    let chapters = texts(&doc, ".inhoudsopgave > ol > li > .inhoud-regel > a");
    assert_eq!(
        chapters,
        [
            "Model",
            "Elementen",
            "In gesprek",
            "Procesontwerp",
            "Achtergrond",
            "Bronnen"
        ]
    );
    let ids: Vec<&str> = select(&doc, ".sectie")
        .iter()
        .filter_map(|s| s.value().attr("id"))
        .collect();
    assert_eq!(
        ids,
        [
            "model",
            "element-abc",
            "gesprek-kennismaken",
            "checklist-startvragen",
            "pagina-over",
            "bronnen"
        ]
    );
    // Each contents line has room for the page number of the section it
    // links to (`werkplaats pdf` fills it in), and is empty in the HTML.
    for line in select(&doc, ".inhoudsopgave .inhoud-regel") {
        let line = scraper::Html::parse_fragment(&line.html());
        let href = select(&line, "a")[0]
            .value()
            .attr("href")
            .unwrap()
            .to_string();
        let slot = select(&line, ".inhoud-pagina");
        assert_eq!(slot.len(), 1, "{href}");
        assert_eq!(Some(&href[1..]), slot[0].value().attr("data-pagina"));
        assert!(ids.contains(&&href[1..]), "{href}");
        assert_eq!(slot[0].text().count(), 0, "{href}");
    }
}

#[test]
fn a_card_back_that_does_not_fit_fails_the_build_naming_card_and_field() {
    let kit = Fixture::new();
    let long = "  - Een heel lange zin over wat er allemaal nodig is om dit element in de praktijk te laten werken\n"
        .repeat(14);
    kit.edit(
        "content/elementen/abc.md",
        "benodigdheden:\n",
        &format!("benodigdheden:\n{long}"),
    );
    for out in [kit.build(), kit.check()] {
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("content/elementen/abc.md:11"), "{err}");
        assert!(err.contains("achterkant"), "{err}");
        assert!(err.contains("\"Een voorbeeldelement\""), "{err}");
        assert!(err.contains("`benodigdheden`"), "{err}");
    }
}

#[test]
fn a_card_front_that_does_not_fit_names_the_essence() {
    let kit = Fixture::new();
    let long = "Eén zin die veel te lang doorgaat over de kern van het element. ".repeat(12);
    kit.edit(
        "content/elementen/abc.md",
        "kern: Eén zin die de kern van het element vangt.",
        &format!("kern: {long}"),
    );
    let err = stderr(&kit.build());
    assert!(err.contains("content/elementen/abc.md:4"), "{err}");
    assert!(err.contains("voorkant"), "{err}");
    assert!(err.contains("`kern`"), "{err}");
}

#[test]
fn a_duplex_offset_beyond_drift_is_an_error() {
    let kit = Fixture::new();
    kit.edit(
        "site.yaml",
        "taal: nl\n",
        "taal: nl\nduplex_verschuiving: {x_mm: 12}\n",
    );
    let out = kit.build();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("duplex_verschuiving"), "{err}");
}

#[test]
fn unknown_paper_is_an_error() {
    let kit = Fixture::new();
    kit.edit("site.yaml", "taal: nl\n", "taal: nl\npapier: a5\n");
    let out = kit.build();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("site.yaml"), "{}", stderr(&out));
}

#[test]
fn pdf_without_chromium_says_how_to_install_it() {
    let kit = Fixture::new();
    let empty = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_werkplaats"))
        .args(["pdf", "--root", kit.root().to_str().unwrap()])
        .env("PATH", empty.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("apt-get install chromium"), "{err}");
    assert!(!kit.root().join("pdf").exists());

    let out = run(&[
        "pdf",
        "--root",
        kit.root().to_str().unwrap(),
        "--chromium",
        Path::new("/nonexistent/chromium").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--chromium"), "{}", stderr(&out));
}

#[test]
fn a_free_page_may_not_take_the_print_section() {
    let kit = Fixture::new();
    kit.write(
        "content/paginas/afdrukken.md",
        "---\ntitel: Afdrukken\n---\n\nTekst.\n",
    );
    let out = kit.build();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

/// A Chromium that never finishes is stopped after the time limit (one
/// second here, through WERKPLAATS_PDF_TIMEOUT), with an error that names
/// the PDF and says how to give it more time.
#[cfg(unix)]
#[test]
fn a_chromium_that_hangs_is_stopped() {
    use std::os::unix::fs::PermissionsExt;
    use std::process::Command;
    use std::time::Duration;
    let kit = Fixture::new();
    let fake = kit.dir.path().join("chromium");
    let pids = kit.dir.path().join("pids");
    fs::write(
        &fake,
        format!(
            "#!/bin/sh\necho $$ >> '{}'\nexec sleep 600\n",
            pids.display()
        ),
    )
    .unwrap();
    fs::set_permissions(&fake, fs::Permissions::from_mode(0o755)).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_werkplaats"));
    cmd.args(["pdf", "--root", kit.root().to_str().unwrap(), "--chromium"])
        .arg(&fake)
        .env("WERKPLAATS_PDF_TIMEOUT", "1");
    let (status, err) = run_with_limit(cmd, Duration::from_secs(60))
        .unwrap_or_else(|e| panic!("werkplaats pdf with a hung Chromium: {e}"));
    assert_eq!(status.code(), Some(1), "{err}");
    assert!(err.contains("is gestopt"), "{err}");
    assert!(err.contains(".pdf"), "names the PDF: {err}");
    assert!(err.contains("WERKPLAATS_PDF_TIMEOUT="), "{err}");
    // Every Chromium started was stopped, not left running.
    let started = fs::read_to_string(&pids).unwrap();
    assert!(!started.trim().is_empty());
    #[cfg(target_os = "linux")]
    for pid in started.split_whitespace() {
        assert!(
            !Path::new("/proc").join(pid).exists(),
            "Chromium {pid} still runs"
        );
    }
}

/// A Chromium that crashes (ends by a signal) is started again: here each
/// PDF's first start segfaults, and `pdf` still makes every PDF. One that
/// always crashes gives up after a few tries with an error naming the PDF.
#[cfg(unix)]
#[test]
fn a_chromium_that_crashes_once_is_started_again() {
    use std::os::unix::fs::PermissionsExt;
    let kit = Fixture::new();
    let fake = kit.dir.path().join("chromium");
    let marks = kit.dir.path().join("marks");
    let always = kit.dir.path().join("always");
    fs::create_dir_all(&marks).unwrap();
    fs::write(
        &fake,
        format!(
            "#!/bin/sh
for a in \"$@\"; do case \"$a\" in --print-to-pdf=*) out=\"${{a#--print-to-pdf=}}\";; esac; done\n\
             mark='{}'/$(printf '%s' \"$out\" | md5sum | cut -c1-32)\n\
             [ -e '{}' ] && kill -SEGV $$\n\
             [ -e \"$mark\" ] || {{ : > \"$mark\"; kill -SEGV $$; }}\n\
             printf '%%PDF-1.4\\n' > \"$out\"\n",
            marks.display(),
            always.display()
        ),
    )
    .unwrap();
    fs::set_permissions(&fake, fs::Permissions::from_mode(0o755)).unwrap();
    let root = kit.root();
    let pdf = || {
        run(&[
            "pdf",
            "--root",
            root.to_str().unwrap(),
            "--chromium",
            fake.to_str().unwrap(),
            "--paper",
            "a4",
        ])
    };
    let out = pdf();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let crashed = fs::read_dir(&marks).unwrap().count();
    assert!(crashed > 1, "every PDF crashed once: {crashed}");
    assert!(root.join("pdf/a4/elementkaarten.pdf").is_file());

    fs::write(&always, "").unwrap();
    let out = pdf();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(".pdf") && err.contains("SIGSEGV"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// A stand-in for Chromium that writes a tiny PDF where it is told to, or
/// fails when the file `fail` next to it exists.
#[cfg(unix)]
fn fake_chromium(dir: &std::path::Path) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let fake = dir.join("chromium");
    let fail = dir.join("fail");
    fs::write(
        &fake,
        format!(
            "#!/bin/sh\n[ -e '{}' ] && exit 3\nfor a in \"$@\"; do case \"$a\" in --print-to-pdf=*) printf '%%PDF-1.4\\n' > \"${{a#--print-to-pdf=}}\";; esac; done\n",
            fail.display()
        ),
    )
    .unwrap();
    fs::set_permissions(&fake, fs::Permissions::from_mode(0o755)).unwrap();
    fake
}

/// `pdf` owns its paper folder as `build` owns the output: files it did not
/// write are never deleted, a failed run leaves the last good PDFs, and the
/// toolkit's own folders are refused.
#[cfg(unix)]
#[test]
fn pdf_writes_only_what_it_owns_and_keeps_the_last_good_pdfs() {
    let kit = Fixture::new();
    let fake = fake_chromium(kit.dir.path());
    let root = kit.root();
    let pdf = |extra: &[&str]| {
        let mut args = vec!["pdf", "--root", root.to_str().unwrap(), "--chromium"];
        args.push(fake.to_str().unwrap());
        args.extend_from_slice(extra);
        run(&args)
    };
    // A folder of the user's own PDFs is refused and kept.
    let a4 = root.join("pdf/a4");
    fs::create_dir_all(a4.join("eigen")).unwrap();
    fs::write(a4.join("mijn.pdf"), "mine").unwrap();
    fs::write(a4.join("eigen/x.pdf"), "mine").unwrap();
    let out = pdf(&[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(a4.join("mijn.pdf")).unwrap(), "mine");
    assert_eq!(fs::read_to_string(a4.join("eigen/x.pdf")).unwrap(), "mine");
    fs::remove_dir_all(&a4).unwrap();

    let out = pdf(&[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let before = snapshot(&a4);
    assert!(a4.join("elementkaarten.pdf").is_file());
    // A run that fails halfway leaves the previous PDFs as they were.
    fs::write(kit.dir.path().join("fail"), "").unwrap();
    let out = pdf(&[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(snapshot(&a4), before, "a failed run changed the PDFs");
    fs::remove_file(kit.dir.path().join("fail")).unwrap();

    // The toolkit's own folders are no place for PDFs.
    for out_dir in ["content", "themes/default"] {
        let out = pdf(&["--out", root.join(out_dir).to_str().unwrap()]);
        assert_eq!(
            out.status.code(),
            Some(1),
            "--out {out_dir}: {}",
            stderr(&out)
        );
        assert!(!root.join(out_dir).join("a4").exists(), "--out {out_dir}");
    }
}

#[test]
fn the_prompt_deck_follows_the_model_lead_element_first() {
    let (_dir, public) = real_site();
    let doc = parse(&public.join("afdrukken/a4/gesprekskaarten/index.html"));
    let order: Vec<String> = select(
        &doc,
        "section.vel[data-soort=voorkant] .kaart-voor .kaart-code",
    )
    .iter()
    .map(|e| e.text().collect::<String>())
    .collect();
    // Each element's focus group in the model's order, each followed by the
    // element's own card (the protocol presents the element with it), then
    // the prompts about several elements or the whole model.
    let pairs = ["LOS", "GOC", "SRI", "VMM", "LEA", "VOR"].map(|c| [c, c]);
    assert_eq!(&order[..12], pairs.concat());
    let groups = texts(
        &doc,
        "section.vel[data-soort=voorkant] .kaart-voor .kaart-groep",
    );
    assert_eq!(
        (groups[0].as_str(), groups[1].as_str()),
        ("In gesprek", "Primair proces")
    );
    assert!(
        order[12..].iter().all(|c| c.contains('·') || c == "Model"),
        "{order:?}"
    );
    let numbers = texts(&doc, ".kaart-voor .kaart-voet-nummer");
    assert_eq!(numbers.first().map(String::as_str), Some("1 / 16"));
}

/// The PDF download links of the print page or hub at `page`, resolved to the
/// files they lead to (each must exist).
fn pdf_links(page: &Path) -> Vec<std::path::PathBuf> {
    let doc = parse(page);
    select(&doc, "a[href$='.pdf']")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .map(|href| {
            let file = page.parent().unwrap().join(href);
            fs::canonicalize(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
        })
        .collect()
}

/// `build --pdf` puts the PDFs of both papers into the print section and links
/// them from the print pages and the hub; a failed print leaves the previous
/// output as it was, and a build without `--pdf` has no PDF links.
#[cfg(unix)]
#[test]
fn build_with_pdf_links_the_pdfs_and_keeps_the_last_good_site() {
    let kit = Fixture::new();
    let fake = fake_chromium(kit.dir.path());
    let root = kit.root();
    let build = |extra: &[&str]| {
        let mut args = vec!["build", "--root", root.to_str().unwrap()];
        args.extend_from_slice(extra);
        run(&args)
    };
    let with_pdf = ["--pdf", "--chromium", fake.to_str().unwrap()];
    let out = build(&with_pdf);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("pdf-bestanden"), "{}", stderr(&out));
    let public = kit.public();
    for paper in ["a4", "letter"] {
        let deck = public.join(format!("afdrukken/{paper}/elementkaarten/index.html"));
        let links = pdf_links(&deck);
        let expected: Vec<_> = ["a4", "letter"]
            .iter()
            .map(|p| {
                fs::canonicalize(public.join(format!("afdrukken/{p}/elementkaarten.pdf"))).unwrap()
            })
            .collect();
        assert_eq!(links, expected, "{paper}");
        let worksheet = public.join(format!(
            "afdrukken/{paper}/in-gesprek/kennismaken/index.html"
        ));
        assert_eq!(pdf_links(&worksheet).len(), 2, "{paper}");
        // A print page without a PDF of its own gets no link.
        let element = public.join(format!("afdrukken/{paper}/elementen/abc/index.html"));
        assert_eq!(pdf_links(&element), Vec::<std::path::PathBuf>::new());
    }
    let hub = pdf_links(&public.join("afdrukken/index.html"));
    // Both decks in both layouts, the toolkit, the prompt and the checklist,
    // each for two papers.
    assert_eq!(hub.len(), 2 * (4 + 1 + 1 + 1), "{hub:?}");
    assert!(public.join("afdrukken/letter/toolkit.pdf").is_file());
    assert_eq!(broken_links(&public), Vec::<String>::new());

    // The PDFs are the site's own: the next build takes them in its stride.
    let out = build(&with_pdf);
    assert!(out.status.success(), "{}", stderr(&out));
    let before = snapshot(&public);
    fs::write(kit.dir.path().join("fail"), "").unwrap();
    let out = build(&with_pdf);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(".pdf"),
        "names the PDF: {}",
        stderr(&out)
    );
    assert_eq!(snapshot(&public), before, "a failed print changed the site");
    fs::remove_file(kit.dir.path().join("fail")).unwrap();

    // Without --pdf: no PDFs, and no link to one.
    let out = build(&[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!public.join("afdrukken/a4/elementkaarten.pdf").exists());
    assert_eq!(
        pdf_links(&public.join("afdrukken/index.html")),
        Vec::<std::path::PathBuf>::new()
    );
    let deck = public.join("afdrukken/a4/elementkaarten/index.html");
    assert_eq!(pdf_links(&deck), Vec::<std::path::PathBuf>::new());
}

#[test]
fn build_chromium_without_pdf_is_a_usage_error() {
    let kit = Fixture::new();
    let out = run(&[
        "build",
        "--root",
        kit.root().to_str().unwrap(),
        "--chromium",
        "/bin/true",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!kit.public().exists());
}

#[test]
fn print_pages_link_the_site_icon_and_carry_their_own_title() {
    let kit = Fixture::new();
    let public = built(&kit, &[]);
    for doc in ["elementkaarten", "toolkit", "procesontwerp/startvragen"] {
        let page = parse(&public.join(format!("afdrukken/a4/{doc}/index.html")));
        let icon = select(&page, r#"link[rel="icon"][type="image/svg+xml"]"#);
        let href = icon[0].value().attr("href").unwrap();
        // afdrukken/<paper>/<doc>/: three folders and one per slash in doc.
        let depth = doc.matches('/').count() + 3;
        assert_eq!(href, format!("{}static/icoon.svg", "../".repeat(depth)));
        let title = texts(&page, "head > title");
        assert!(!title[0].contains("Afdrukken"), "{title:?}");
    }
    let whole = parse(&public.join("afdrukken/a4/toolkit/index.html"));
    let site_title = texts(&whole, ".omslag h1");
    assert_eq!(texts(&whole, "head > title"), site_title);
}

#[test]
fn the_colophon_is_checked_like_the_other_settings() {
    let kit = Fixture::new();
    kit.edit(
        "site.yaml",
        "taal: nl\n",
        "taal: nl\ncolofon:\n  uitgever: Uitgeverij\n  licentie: ''\n",
    );
    let out = kit.build();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("site.yaml:7"), "{err}");
    assert!(err.contains("`colofon.licentie` is leeg"), "{err}");
}

#[test]
fn the_404_script_is_allowed_by_its_hash_and_dropped_with_a_base_url() {
    use base64::Engine;
    use sha2::Digest;
    let kit = Fixture::new();
    let public = built(&kit, &[]);
    let html = std::fs::read_to_string(public.join("404.html")).unwrap();
    let (_, rest) = html.split_once("<script>").expect("inline script");
    let (code, _) = rest.split_once("</script>").unwrap();
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(code));
    assert!(html.contains(&format!("script-src 'self' 'sha256-{hash}'")));
    // Other pages allow no inline script.
    let home = std::fs::read_to_string(public.join("index.html")).unwrap();
    assert!(home.contains("script-src 'self';"));

    let public = built(&kit, &["--base-url", "https://example.org/kit/"]);
    let doc = parse(&public.join("404.html"));
    assert!(select(&doc, "script").is_empty());
    for a in select(&doc, "main a, header a") {
        let href = a.value().attr("href").unwrap();
        assert!(href.starts_with("https://example.org/kit/"), "{href}");
    }
}
