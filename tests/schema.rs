//! The JSON Schemas for editors stay in step with the types that load content:
//! the committed `schemas/` equal what `werkplaats schema` generates, every front
//! matter of the real toolkit validates, and a misspelt field does not.

use serde_json::Value;
use std::fs;
use std::path::Path;
use werkplaats::load::split;
use werkplaats::load::yaml::try_parse;
use werkplaats::schema::schemas;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn validator(file: &str) -> jsonschema::Validator {
    let schema = schemas().into_iter().find(|s| s.file == file).unwrap();
    let value: Value = serde_json::from_str(&schema.json).unwrap();
    jsonschema::validator_for(&value).unwrap()
}

fn front_matter(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap();
    try_parse(split(&text).unwrap().front_matter).unwrap()
}

#[test]
fn committed_schemas_match_the_types() {
    for s in schemas() {
        let committed = fs::read_to_string(root().join("schemas").join(s.file)).unwrap_or_default();
        assert_eq!(
            committed, s.json,
            "schemas/{} is stale: run `werkplaats schema`",
            s.file
        );
    }
}

#[test]
fn the_real_toolkit_validates_against_the_schemas() {
    let cases = [
        ("element.json", "content/elementen"),
        ("gesprek.json", "content/in-gesprek"),
        ("checklist.json", "content/procesontwerp"),
        ("pagina.json", "content/paginas"),
        ("praktijkvoorbeeld.json", "content/praktijkvoorbeelden"),
    ];
    let mut checked = 0;
    for (schema, dir) in cases {
        let v = validator(schema);
        for entry in fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.ends_with("_index.md") {
                continue;
            }
            let errors: Vec<String> = v
                .iter_errors(&front_matter(&path))
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 38, "checked {checked} files");
    let model = front_matter(&root().join("content/model.md"));
    let errors: Vec<String> = validator("model.json")
        .iter_errors(&model)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "model.md: {errors:?}");
    let site: Value = try_parse(&fs::read_to_string(root().join("site.yaml")).unwrap()).unwrap();
    assert!(validator("site.json").is_valid(&site));
    let bib: Value =
        try_parse(&fs::read_to_string(root().join("content/bronnen.yaml")).unwrap()).unwrap();
    assert!(validator("bronnen.json").is_valid(&bib));
}

#[test]
fn schemas_reject_what_the_loader_rejects_and_describe_fields_in_dutch() {
    let mut fm = front_matter(&root().join("content/elementen/los.md"));
    fm.as_object_mut()
        .unwrap()
        .insert("doell".into(), Value::String("x".into()));
    assert!(
        !validator("element.json").is_valid(&fm),
        "unknown fields are refused"
    );
    let mut fm = front_matter(&root().join("content/in-gesprek/kies-een-element.md"));
    fm.as_object_mut()
        .unwrap()
        .insert("werkvorm".into(), serde_json::json!(["in duo's"]));
    // Which work forms exist is site.yaml's (`werkvormen`), checked by
    // `werkplaats check`; the schema knows their form.
    assert!(
        !validator("gesprek.json").is_valid(&fm),
        "a work form that is not a key is refused"
    );
    let element: Value = serde_json::from_str(
        &schemas()
            .into_iter()
            .find(|s| s.file == "element.json")
            .unwrap()
            .json,
    )
    .unwrap();
    assert_eq!(
        element["properties"]["kern"]["description"],
        "De kern in één zin (voorkant van de kaart)."
    );
}
