use std::path::Path;

use super::constraints::positive_step;
use super::*;
use crate::load::{self, DocumentOrigin, Limits};

fn documents(location: DocumentOrigin, text: Option<&str>) -> Documents {
    let limits = Limits::default();
    let document = match text {
        Some(text) => load::parse(&location, text.as_bytes().to_vec(), None).unwrap(),
        None => load::load(&location, &limits).unwrap(),
    };
    Documents::load(document, &limits).unwrap()
}

/// The whole model as text, ids included.
fn built(documents: &Documents, parallel: bool) -> Result<String, String> {
    built_within(documents, parallel, MAX_FIELDS)
}

fn built_within(
    documents: &Documents,
    parallel: bool,
    field_limit: usize,
) -> Result<String, String> {
    build_api(documents, Perspective::Server, parallel, field_limit)
        .map(|api| format!("{api:#?}"))
        .map_err(|error| error.to_string())
}

fn fixture_documents(folder: &Path, out: &mut Vec<Documents>) {
    let mut entries: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        // JSON Schema test files, not AsyncAPI documents.
        if path.ends_with("json-schema-test-suite") {
            continue;
        }
        if path.is_dir() {
            fixture_documents(&path, out);
        } else if path.extension().is_some_and(|ext| ext != "md") {
            out.push(documents(DocumentOrigin::File(path), None));
        }
    }
}

#[test]
fn messages_built_across_cores_equal_those_built_in_order() {
    let mut all = Vec::new();
    fixture_documents(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        &mut all,
    );
    assert!(all.len() > 10);
    for documents in &all {
        assert_eq!(built(documents, true), built(documents, false));
    }
}

/// Channels whose messages share schemas with other channels' (and one
/// another's), so every run of messages meets schemas another run made.
fn shared_schemas_document(broken: Option<usize>) -> String {
    let mut channels = serde_json::Map::new();
    let mut operations = serde_json::Map::new();
    let mut schemas = serde_json::Map::new();
    schemas.insert(
        "Tree".into(),
        serde_json::json!({"type": "object", "properties": {
            "children": {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}},
            "meta": {"type": "object", "properties": {"at": {"type": "string"}}},
            "kind": {"type": "boolean", "default": "false"}
        }}),
    );
    for index in 0..200 {
        let group = index % 7;
        schemas.insert(
            format!("Group{group}"),
            serde_json::json!({"enum": ["a", "b"], "title": format!("Group{group}")}),
        );
        let payload = if broken == Some(index) {
            serde_json::json!({"type": "mystery"})
        } else {
            serde_json::json!({"type": "object", "properties": {
                "group": {"$ref": format!("#/components/schemas/Group{group}")},
                "tree": {"$ref": "#/components/schemas/Tree"},
                "inline": {"type": "object", "properties": {"n": {"type": "integer"}}}
            }})
        };
        channels.insert(
            format!("c{index}"),
            serde_json::json!({"address": format!("/c{index}"), "messages": {
                "own": {"payload": payload},
                "other": {"$ref": format!("#/channels/c{}/messages/own", (index + 3) % 200)}
            }}),
        );
        operations.insert(
            format!("op{index}"),
            serde_json::json!({"action": "receive", "channel": {"$ref": format!("#/channels/c{index}")},
                "reply": {"channel": {"$ref": format!("#/channels/c{index}")}}}),
        );
    }
    serde_json::json!({"asyncapi": "3.0.0", "info": {"title": "t", "version": "1"},
        "channels": channels, "operations": operations,
        "components": {"schemas": schemas}})
    .to_string()
}

#[test]
fn merged_fields_keep_their_first_place_and_take_the_last_definition() {
    let wide: serde_json::Map<String, serde_json::Value> = (0..5000)
        .map(|index| (format!("p{index}"), serde_json::json!({"type": "integer"})))
        .collect();
    let text = serde_json::json!({
        "asyncapi": "3.0.0", "info": {"title": "t", "version": "1"},
        "channels": {"c": {"address": "/c", "messages": {"m": {"payload": {
            "allOf": [
                {"type": "object", "properties": wide, "required": ["p1", "p4999"]},
                {"type": "object", "properties": {
                    "p1": {"type": "string"}, "extra": {"type": "boolean"}
                }, "required": ["extra"]}
            ]
        }}}}},
        "operations": {"o": {"action": "receive", "channel": {"$ref": "#/channels/c"}}}
    })
    .to_string();
    let documents = documents(DocumentOrigin::parse("wide.json"), Some(&text));
    let api = build(&documents, Perspective::Server).unwrap();
    let SchemaKind::Object { fields, .. } = &api.schemas[api.messages[0].schema.0].kind else {
        panic!("the payload is an object");
    };
    assert_eq!(fields.len(), 5001);
    assert_eq!(fields[1].json_name, "p1");
    assert_eq!(fields[1].ty, TypeExpr::Str);
    assert_eq!(fields[5000].json_name, "extra");
    let required: Vec<&str> = fields
        .iter()
        .filter(|field| field.required)
        .map(|field| field.json_name.as_str())
        .collect();
    assert_eq!(required, ["p1", "p4999", "extra"]);
}

/// `S0` to `S39` each merge the next one twice, around a property of
/// their own: 2^40 ways down to `S40`.
fn all_of_lattice() -> String {
    let mut schemas = serde_json::Map::new();
    for level in 0..40 {
        let next = serde_json::json!({"$ref": format!("#/components/schemas/S{}", level + 1)});
        schemas.insert(
            format!("S{level}"),
            serde_json::json!({"allOf": [next, {"type": "object", "properties": {
                format!("f{level}"): {"type": "integer"}
            }, "required": [format!("f{level}")]}, next]}),
        );
    }
    schemas.insert(
        "S40".into(),
        serde_json::json!({"type": "object", "properties": {"leaf": {"type": "string"}}}),
    );
    serde_json::json!({
        "asyncapi": "3.0.0", "info": {"title": "t", "version": "1"},
        "channels": {"c": {"address": "/c", "messages": {"m": {
            "payload": {"$ref": "#/components/schemas/S0"}
        }}}},
        "operations": {"o": {"action": "receive", "channel": {"$ref": "#/channels/c"}}},
        "components": {"schemas": schemas}
    })
    .to_string()
}

#[test]
fn all_of_merges_each_part_once_however_many_ways_reach_it() {
    let text = all_of_lattice();
    let documents = documents(DocumentOrigin::parse("lattice.json"), Some(&text));
    let mut builder = Builder::new(&documents, Perspective::Server);
    let root = NodeKey {
        doc: crate::resolve::DocId(0),
        pointer: String::new(),
    };
    let channels = builder.channels(&root).unwrap();
    builder.operations(&root, channels, false).unwrap();
    // S0 to S40 and the forty inline parts, once each.
    assert_eq!(builder.collected, 81);
    let schema = &builder.schemas[builder.messages[0].schema.0];
    let SchemaKind::Object { fields, .. } = &schema.kind else {
        panic!("S0 merges into an object");
    };
    let names: Vec<&str> = fields
        .iter()
        .map(|field| field.json_name.as_str())
        .collect();
    let mut expected = vec!["leaf".to_string()];
    expected.extend((0..40).rev().map(|level| format!("f{level}")));
    assert_eq!(names, expected);
    assert!(fields[1..].iter().all(|field| field.required));
    assert!(!fields[0].required);
}

#[test]
fn shared_schemas_and_errors_are_the_same_however_messages_are_built() {
    for broken in [None, Some(0), Some(97), Some(199)] {
        let text = shared_schemas_document(broken);
        let documents = documents(DocumentOrigin::parse("shared.json"), Some(&text));
        let parallel = built(&documents, true);
        assert_eq!(parallel, built(&documents, false));
        assert_eq!(parallel.is_err(), broken.is_some(), "{broken:?}");
        if let Ok(api) = build_api(&documents, Perspective::Server, true, MAX_FIELDS) {
            // The shared schema's bad default, met by every builder, once.
            assert_eq!(api.warnings.len(), 1, "{:?}", api.warnings);
            assert!(api.warnings[0].contains("/Tree/properties/kind/default"));
        }
    }
}

/// Messages whose payloads `allOf` a few wide shared bases, one of them
/// broken when asked.
fn all_of_bases_document(broken: Option<usize>) -> String {
    let mut schemas = serde_json::Map::new();
    for base in 0..5 {
        let properties: serde_json::Map<String, serde_json::Value> = (0..20)
            .map(|index| {
                (
                    format!("b{base}_{index}"),
                    serde_json::json!({"type": "string"}),
                )
            })
            .collect();
        schemas.insert(
            format!("Base{base}"),
            serde_json::json!({"type": "object", "properties": properties}),
        );
    }
    let mut channels = serde_json::Map::new();
    let mut operations = serde_json::Map::new();
    for index in 0..120 {
        let own = if broken == Some(index) {
            serde_json::json!({"type": "object", "properties": {"bad": {"type": "mystery"}}})
        } else {
            serde_json::json!({"type": "object", "properties": {
                "action": {"const": format!("a{index}")},
                "nested": {"allOf": [{"$ref": format!("#/components/schemas/Base{}", index % 5)}]}
            }})
        };
        channels.insert(
            format!("c{index}"),
            serde_json::json!({"address": format!("/c{index}"), "messages": {"m": {"payload": {
                "allOf": [
                    {"$ref": format!("#/components/schemas/Base{}", index % 5)},
                    {"$ref": format!("#/components/schemas/Base{}", (index + 1) % 5)},
                    own
                ]
            }}}}),
        );
        operations.insert(
            format!("op{index}"),
            serde_json::json!({"action": "receive", "channel": {"$ref": format!("#/channels/c{index}")}}),
        );
    }
    serde_json::json!({"asyncapi": "3.0.0", "info": {"title": "t", "version": "1"},
        "channels": channels, "operations": operations,
        "components": {"schemas": schemas}})
    .to_string()
}

#[test]
fn the_field_limit_gives_one_verdict_however_messages_are_built() {
    let documents_of = |text: &str| documents(DocumentOrigin::parse("bases.json"), Some(text));
    let documents = documents_of(&all_of_bases_document(None));
    // The smallest limit the ordered walk accepts.
    let (mut refused, mut accepted) = (0, MAX_FIELDS);
    while accepted - refused > 1 {
        let middle = (refused + accepted) / 2;
        match built_within(&documents, false, middle) {
            Ok(_) => accepted = middle,
            Err(_) => refused = middle,
        }
    }
    assert!(accepted > 120 * 40, "{accepted}");
    let whole = built_within(&documents, false, accepted);
    assert_eq!(built_within(&documents, true, accepted), whole);
    for limit in [refused, refused / 2, 100] {
        let error = built_within(&documents, false, limit).unwrap_err();
        assert!(
            error.contains(&format!("more than {limit} fields")),
            "{error}"
        );
        assert_eq!(built_within(&documents, true, limit), Err(error));
    }
    // An error before the limit is reached is the error; one after it is not.
    for broken in [3, 110] {
        let text = all_of_bases_document(Some(broken));
        let broken_documents = documents_of(&text);
        for limit in [accepted / 2, accepted / 10] {
            let ordered = built_within(&broken_documents, false, limit);
            assert_eq!(built_within(&broken_documents, true, limit), ordered);
            let error = ordered.unwrap_err();
            assert_eq!(error.contains("mystery"), broken == 3, "{limit}: {error}");
        }
    }
}

#[test]
fn a_fractional_step_of_an_integer_is_the_numerator_in_lowest_terms() {
    for (text, integer, expected) in [
        ("3", true, Some("3")),
        ("1.5", true, Some("3")),
        ("0.5", true, Some("1")),
        ("0.123456789", true, Some("123456789")),
        ("1e-8", true, Some("1")),
        ("2.5e-3", true, Some("1")),
        ("0.0075", true, Some("3")),
        ("1e3", true, Some("1000")),
        ("0", true, None),
        ("-2", true, None),
        ("-0.5", false, None),
        ("0.0001", false, Some("0.0001")),
        ("1e400", true, None),
    ] {
        assert_eq!(
            positive_step(text, integer).as_deref(),
            expected,
            "{text} {integer}"
        );
    }
}
