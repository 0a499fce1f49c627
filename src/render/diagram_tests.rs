use super::*;

#[test]
fn wraps_on_words() {
    assert_eq!(
        wrap("Samen richten en (her)inrichten", 16),
        ["Samen richten en", "(her)inrichten"]
    );
    assert_eq!(wrap("", 10), Vec::<String>::new());
    assert_eq!(wrap("onoverzichtelijkheid", 5), ["onoverzichtelijkheid"]);
}

#[test]
fn escapes_markup() {
    assert_eq!(esc(r#"a<b & "c""#), "a&lt;b &amp; &quot;c&quot;");
}

#[test]
fn rounded_rect_is_closed() {
    let d = rounded(0.0, 0.0, 100.0, 50.0, 10.0);
    assert!(d.starts_with("M10.0,0.0") && d.ends_with('Z'), "{d}");
}
