use super::*;
use fluent_syntax::ast;
use std::collections::BTreeSet;

/// The ids of a catalogue file, which must parse without an error.
fn ids(source: &str, name: &str) -> BTreeSet<String> {
    let resource = fluent_syntax::parser::parse(source.to_string())
        .unwrap_or_else(|(_, errors)| panic!("{name} does not parse: {errors:?}"));
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            ast::Entry::Message(m) => Some(m.id.name.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn both_languages_have_the_same_messages() {
    assert_eq!(ids(DUTCH, "nl.ftl"), ids(ENGLISH, "en.ftl"));
}

#[test]
fn every_id_the_code_says_is_in_the_catalogue() {
    let known = ids(DUTCH, "nl.ftl");
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut said = BTreeSet::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for part in text.split("Message::new(\"").skip(1) {
            let id = part.split('"').next().unwrap_or_default();
            said.insert((id.to_string(), entry.path().display().to_string()));
        }
    }
    let missing: Vec<_> = said
        .iter()
        .filter(|(id, _)| !id.is_empty() && !known.contains(id))
        .collect();
    assert!(missing.is_empty(), "not in the catalogue: {missing:?}");
}

#[test]
fn a_message_is_said_in_each_language_with_its_arguments() {
    let m = Message::new("link-relatief")
        .arg("afbeelding", "ja")
        .arg("link", "../x.md");
    assert_eq!(
        m.say(Language::Dutch),
        "de afbeelding \"../x.md\" is een gewone relatieve link"
    );
    assert_eq!(
        m.say(Language::English),
        "the image \"../x.md\" is a plain relative link"
    );
    let hint = Message::new("link-relatief-hint").text(
        "schrijf",
        Message::new("link-of")
            .arg("code", "@LOS")
            .arg("pad", "@/x.md"),
    );
    assert_eq!(
        hint.say(Language::English),
        "write @LOS or @/x.md; an @ link also works in the print version and in search results"
    );
}

#[test]
fn a_text_keeps_its_dutch_and_says_the_rest_on_request() {
    let said = Text::from(Message::new("link-nergens").arg("link", "@XYZ"));
    assert_eq!(said, "de link \"@XYZ\" wijst nergens naar");
    assert_eq!(
        said.say(Language::English),
        "the link \"@XYZ\" points nowhere"
    );
    let plain = Text::from("nog niet vertaald");
    assert_eq!(plain.say(Language::English), "nog niet vertaald");
    assert!(said.contains("wijst"), "reads as a str");
}

#[test]
fn a_hint_chooses_its_words_by_the_count() {
    let hint = |fields: &[&str]| {
        let (some, one) = fields.split_at(fields.len() - 1);
        Message::new("kaart-past-niet-hint")
            .arg("velden", some.join(", "))
            .arg("veld", one.join(""))
            .count("aantal", fields.len())
            .arg("procent", 6)
    };
    assert_eq!(
        hint(&["`wat`"]).say(Language::Dutch),
        "maak `wat` korter (ongeveer 6%); een kaart knipt geen tekst af"
    );
    assert_eq!(
        hint(&["`kern`", "`wat`", "`naam`"]).say(Language::English),
        "make `kern`, `wat` or `naam` shorter (by about 6%); a card does not cut text off"
    );
}

#[test]
fn template_braces_in_a_message_are_written_as_they_are() {
    let hint = Message::new("oude-vorm-hint-sleutel")
        .arg("sleutel", "zoeken")
        .arg("oud", "t.zoeken");
    assert_eq!(
        hint.say(Language::Dutch),
        "schrijf {{ t(k=\"zoeken\") }} in plaats van {{ t.zoeken }}, in elke template van het thema"
    );
    assert_eq!(
        Message::new("kopattribuut-weggelaten")
            .arg("attribuut", ".x y")
            .say(Language::English),
        "the heading attribute {.x y} is left out"
    );
}
