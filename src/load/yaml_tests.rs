use super::*;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct T {
    doel: String,
    naam: String,
    #[serde(default)]
    minuten: Option<u32>,
    #[serde(default)]
    wat: Vec<String>,
}

#[test]
fn suggests_only_a_field_that_is_close() {
    let expected = ["wat", "doel", "titel"];
    assert!(suggest("titl", &expected).contains("bedoel je \"titel\"?"));
    assert!(suggest("wta", &expected).contains("bedoel je \"wat\"?"));
    for far in ["draft", "concept"] {
        let h = suggest(far, &expected);
        assert!(!h.contains("bedoel je"), "{far}: {h}");
        assert!(h.contains("toegestaan: wat, doel, titel"), "{far}: {h}");
    }
}

#[test]
fn unknown_field_names_line_and_suggests() {
    let err = parse::<T>("naam: x\ndoell: y\n", 5).err().unwrap();
    assert_eq!(err.line, 6);
    assert_eq!(err.message, "onbekend veld \"doell\"");
    assert!(err.hint.unwrap().contains("bedoel je \"doel\"?"));
}

#[test]
fn missing_field_is_named() {
    let err = parse::<T>("naam: x\n", 2).err().unwrap();
    assert!(
        err.message.contains("\"doel\" ontbreekt"),
        "{}",
        err.message
    );
}

#[test]
fn wrong_type_names_value_key_and_line() {
    let err = parse::<T>("naam: x\ndoel: y\nminuten: tien\n", 2)
        .err()
        .unwrap();
    assert_eq!((err.line, err.column), (4, 10));
    assert_eq!(
        err.message,
        "verkeerd type: \"tien\", verwacht een geheel getal (bij `minuten`)"
    );
    let list = parse::<T>("naam: [x]\ndoel: y\n", 1).err().unwrap();
    assert_eq!(
        list.message,
        "verkeerd type: een lijst, verwacht tekst (bij `naam`)"
    );
}

#[test]
fn empty_value_reads_as_empty_text_and_only_true_false_are_booleans() {
    let t = parse::<T>("naam:\ndoel: y\n", 1).ok().unwrap();
    assert_eq!(t.naam, "");
    let yes = parse::<BTreeMap<String, bool>>("a: yes\n", 1)
        .err()
        .unwrap();
    assert!(yes.message.contains("true of false"), "{}", yes.message);
}

#[test]
fn deep_nesting_is_refused() {
    let deep = format!("a: {}{}", "[".repeat(10_000), "]".repeat(10_000));
    let err = parse::<serde_json::Value>(&deep, 2).err().unwrap();
    assert_eq!(err.line, 2);
    assert!(err.message.contains("genest"), "{}", err.message);
    let mut block = String::from("a:\n");
    for i in 0..10_000 {
        block.push_str(&format!("{}- \n", " ".repeat(i + 1)));
    }
    let err = parse::<serde_json::Value>(&block, 1).err().unwrap();
    assert!(err.message.contains("genest"), "{}", err.message);
    assert!(parse::<serde_json::Value>("a: \"[[[[\"\nb: [[1], {c: [2]}]\n", 1).is_ok());
}

#[test]
fn an_alias_bomb_is_refused() {
    let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (prev, name) in "abcdefgh".chars().zip("bcdefghi".chars()) {
        let item = format!("*{prev}");
        text.push_str(&format!("{name}: &{name} [{}]\n", vec![item; 9].join(", ")));
    }
    let err = parse::<serde_json::Value>(&text, 1).err().unwrap();
    assert!(err.message.contains("aliassen"), "{}", err.message);
}

#[test]
fn a_key_twice_is_refused_at_its_second_line() {
    let text = "a: x\nb: y\na: z\n";
    let err = parse::<UniqueKeys<String>>(text, 3).err().unwrap();
    assert_eq!(err.line, 5);
    assert!(
        err.message
            .contains("\"a\" staat er twee keer (ook op regel 3)"),
        "{}",
        err.message
    );
    let flow = parse::<UniqueKeys<String>>("{a: x, a: y}", 1)
        .err()
        .unwrap();
    assert!(flow.message.contains("twee keer"), "{}", flow.message);
    let field = parse::<T>("doel: x\nnaam: y\ndoel: z\n", 2).err().unwrap();
    assert_eq!((field.line, field.message.contains("\"doel\"")), (4, true));
}

#[test]
fn syntax_error_names_the_line_where_the_construct_starts() {
    let err = parse::<T>("naam: x\nwat: [a\ndoel: y\n", 2).err().unwrap();
    assert_eq!(err.line, 3, "{}", err.message);
    assert!(err.message.starts_with("ongeldige YAML"), "{}", err.message);
    let quote = parse::<T>("naam: \"x\ndoel: y\n", 2).err().unwrap();
    assert_eq!(quote.line, 2);
}

#[test]
fn an_open_bracket_or_quote_is_found_but_plain_text_opens_nothing() {
    assert_eq!(unclosed_before("a: [x\nb: y\n", 2, 2), Some((1, 4)));
    assert_eq!(unclosed_before("a: 'x\nb: y\n", 2, 2), Some((1, 4)));
    assert_eq!(unclosed_before("a: it's x[1]\nb: y\n", 2, 2), None);
    assert_eq!(unclosed_before("a: [x] # [\nb: 'it''s'\nc\n", 3, 1), None);
}

#[test]
fn a_wrong_shape_says_what_was_found_and_under_which_key() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    enum Vorm {
        #[serde(rename = "duo")]
        Duo,
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct W {
        werkvorm: Vec<Vorm>,
    }
    let flow = parse::<W>("werkvorm: [duo, duos]\n", 1).err().unwrap();
    assert_eq!(flow.message, "onbekende waarde \"duos\" (bij `werkvorm`)");
    let block = parse::<W>("werkvorm:\n- duos\n", 1).err().unwrap();
    assert_eq!(block.message, "onbekende waarde \"duos\" (bij `werkvorm`)");
    let list = parse::<T>("- naam\n- doel\n", 2).err().unwrap();
    assert_eq!(
        (list.line, list.message.as_str()),
        (2, "verkeerd type: een lijst, verwacht velden")
    );
    let anchored = parse::<BTreeMap<String, T>>("a: &x [1]\n", 1)
        .err()
        .unwrap();
    assert_eq!(
        anchored.message,
        "verkeerd type: een lijst, verwacht velden (bij `a`)"
    );
}

#[test]
fn a_missing_top_level_field_is_placed_at_the_first_line() {
    let err = parse::<T>("naam: x\nwat: [a]\n\n", 2).err().unwrap();
    assert_eq!((err.line, err.column), (2, 1));
}
