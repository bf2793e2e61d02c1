//! Fuzzing the loader and the generator in process: real documents with
//! random parts replaced, removed, pointed elsewhere or made the `allOf` of
//! other parts, text with control characters, and random text. No input
//! may panic, every package generated keeps its paths inside the output
//! folder, and no generated file carries a control character of the
//! document's text. `CHANX_FUZZ_CASES` sets how many documents each property
//! tries. A document that panics is saved in the temporary folder, and the
//! failure names it; documents that once broke the generator live in
//! `tests/fuzz-regressions/` and run every time.

use std::path::Path;

use chanx_codegen::load::{self, DocumentOrigin};
use chanx_codegen::options::GenerateOptions;
use chanx_codegen::options::Perspective;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Value};

mod util;
use util::fixture;

const SEEDS: [&str; 5] = [
    "chanx/showcase.json",
    "chanx/sandbox_fastapi.json",
    "generator/types.yaml",
    "generator/layout.yaml",
    "asyncapi-spec/slack-rtm-asyncapi.yml",
];

fn runner() -> TestRunner {
    TestRunner::new(Config {
        cases: cases(),
        // A failure names the saved document instead.
        failure_persistence: None,
        ..Config::default()
    })
}

fn cases() -> u32 {
    std::env::var("CHANX_FUZZ_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(400)
}

/// [`generate`], with a document that panics saved for
/// `tests/fuzz-regressions/`.
fn generate_or_save(name: &str, bytes: Vec<u8>) -> Result<bool, TestCaseError> {
    use sha2::{Digest, Sha256};
    let result = std::panic::catch_unwind(|| generate(name, bytes.clone()));
    result.unwrap_or_else(|_| {
        let extension = Path::new(name).extension().unwrap_or_default();
        let saved = std::env::temp_dir().join(format!(
            "chanx-fuzz-{:x}.{}",
            Sha256::digest(&bytes),
            extension.to_string_lossy()
        ));
        std::fs::write(&saved, &bytes).unwrap();
        Err(TestCaseError::fail(format!(
            "the generator panicked on {}",
            saved.display()
        )))
    })
}

/// Runs every stage on `bytes` and checks what comes out; errors are fine.
/// Says whether a package was generated.
fn generate(name: &str, bytes: Vec<u8>) -> Result<bool, TestCaseError> {
    let location = DocumentOrigin::File(fixture(name));
    let Ok(document) = load::parse(&location, bytes, None) else {
        return Ok(false);
    };
    let options = GenerateOptions {
        server: None,
        readme: true,
        package_name: "client".to_string(),
        perspective: Perspective::Server,
        with_tests: false,
    };
    let Ok((_, tree)) = chanx_codegen::generate(document, &options, &Default::default()) else {
        return Ok(false);
    };
    for (path, content) in tree.files() {
        let text = String::from_utf8_lossy(content);
        let raw = text.chars().find(|c| {
            (c.is_control() && *c != '\n') || chanx_codegen::python::misleads_readers(*c)
        });
        prop_assert!(raw.is_none(), "{path} holds the raw character {raw:?}");
        let safe = !path.is_empty()
            && path.split('/').all(|part| {
                !part.is_empty()
                    && part != ".."
                    && part
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
            });
        prop_assert!(safe, "unsafe path {path:?}");
    }
    Ok(true)
}

/// A value that stresses the generator where it stands.
fn hostile_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |n| n.is_finite())
            .prop_map(|n| json!(n)),
        prop::sample::select(vec![
            "",
            "\"\"\"",
            "'",
            "\\",
            "\n",
            "\u{202e}",
            "\r",
            "a\rb = 1",
            "\u{1b}[2J",
            "\n::error::forged",
            "::stop-commands::x",
            "\u{7f}",
            "\u{85}",
            "\u{2028}",
            "\t",
            "```",
            "\\N{BULLET}",
            "../x",
            "#/",
            "#/components",
            "#/components/schemas",
            "object",
            "array",
            "string",
            "integer",
            "null",
            "x-topic",
            "__import__('os')",
            "CON",
            "a\u{0}b",
            "{{ x }}",
            "{% raw %}",
            "$ref",
            "Ω",
        ])
        .prop_map(|s| json!(s)),
        "[a-zA-Z0-9_#/~.{}-]{0,12}".prop_map(|s| json!(s)),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(
                prop::sample::select(vec![
                    "type",
                    "properties",
                    "items",
                    "$ref",
                    "allOf",
                    "anyOf",
                    "oneOf",
                    "enum",
                    "const",
                    "required",
                    "default",
                    "additionalProperties",
                    "discriminator",
                    "payload",
                    "messages",
                    "address",
                    "channel",
                    "action",
                    "format",
                    "title",
                    "description",
                    "x",
                    "0",
                ])
                .prop_map(str::to_string),
                inner,
                0..4
            )
            .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// Text that would drive a terminal, forge a workflow command or end a
/// line of generated code, were it copied as it is.
const CONTROL_TEXT: &[&str] = &[
    "\r",
    "\r\nimport os",
    "\u{1b}[2J",
    "\n::error::forged",
    "\u{7f}",
    "\u{85}",
    "\u{2028}",
    "\u{0}",
    "\t",
    "\u{c}",
];

/// Where an edit happens: a walk from the root choosing by these numbers.
#[derive(Debug, Clone)]
enum Edit {
    Replace(Vec<usize>, Value),
    Remove(Vec<usize>),
    /// Replace with a `$ref` to another place of the document.
    Point(Vec<usize>, Vec<usize>),
    /// Replace with the `allOf` of other places of the document, repeated:
    /// a few such edits make schemas that include one another many ways.
    AllOf(Vec<usize>, Vec<Vec<usize>>),
    /// Put control characters in the middle of the text reached, if any.
    Spice(Vec<usize>, &'static str),
}

fn edit() -> impl Strategy<Value = Edit> {
    let walk = || prop::collection::vec(any::<usize>(), 1..8);
    prop_oneof![
        (walk(), hostile_value()).prop_map(|(at, value)| Edit::Replace(at, value)),
        walk().prop_map(Edit::Remove),
        (walk(), walk()).prop_map(|(at, to)| Edit::Point(at, to)),
        (walk(), prop::collection::vec(walk(), 1..6))
            .prop_map(|(at, parts)| Edit::AllOf(at, parts)),
        (walk(), prop::sample::select(CONTROL_TEXT)).prop_map(|(at, text)| Edit::Spice(at, text)),
    ]
}

/// The JSON pointer reached by walking `choices` into `value`.
fn pointer(value: &Value, choices: &[usize]) -> String {
    let mut pointer = String::new();
    let mut here = value;
    for choice in choices {
        let next = match here {
            Value::Object(map) if !map.is_empty() => {
                let (key, next) = map.iter().nth(choice % map.len()).unwrap();
                pointer.push('/');
                pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
                next
            }
            Value::Array(items) if !items.is_empty() => {
                let index = choice % items.len();
                pointer.push_str(&format!("/{index}"));
                &items[index]
            }
            _ => break,
        };
        here = next;
    }
    pointer
}

fn apply(document: &mut Value, edit: &Edit) {
    let (at, replacement) = match edit {
        Edit::Replace(at, value) => (pointer(document, at), Some(value.clone())),
        Edit::Remove(at) => (pointer(document, at), None),
        Edit::Point(at, to) => {
            let target = pointer(document, to);
            (
                pointer(document, at),
                Some(json!({"$ref": format!("#{target}")})),
            )
        }
        Edit::Spice(at, text) => {
            let at = pointer(document, at);
            let Some(Value::String(original)) = document.pointer(&at) else {
                return;
            };
            let middle = original.chars().count() / 2;
            let spiced: String = original
                .chars()
                .take(middle)
                .chain(text.chars())
                .chain(original.chars().skip(middle))
                .collect();
            (at, Some(Value::String(spiced)))
        }
        Edit::AllOf(at, parts) => {
            let parts: Vec<Value> = parts
                .iter()
                .flat_map(|part| {
                    let target = pointer(document, part);
                    std::iter::repeat_n(json!({"$ref": format!("#{target}")}), 3)
                })
                .collect();
            (pointer(document, at), Some(json!({"allOf": parts})))
        }
    };
    let Some((parent, last)) = at.rsplit_once('/') else {
        return;
    };
    let last = last.replace("~1", "/").replace("~0", "~");
    match (document.pointer_mut(parent), replacement) {
        (Some(Value::Object(map)), Some(value)) => {
            map.insert(last, value);
        }
        (Some(Value::Object(map)), None) => {
            map.shift_remove(&last);
        }
        (Some(Value::Array(items)), replacement) => {
            if let Ok(index) = last.parse::<usize>() {
                match replacement {
                    Some(value) => items[index] = value,
                    None => {
                        items.remove(index);
                    }
                }
            }
        }
        _ => {}
    }
}

fn seed(name: &str) -> Value {
    let location = DocumentOrigin::File(fixture(name));
    let value = load::load(&location, &Default::default()).unwrap().value;
    serde_json::to_value(&value).unwrap()
}

#[test]
fn edited_documents_never_panic_and_stay_inside_the_output() {
    let seeds: Vec<(&str, Value)> = SEEDS.iter().map(|name| (*name, seed(name))).collect();
    let mut runner = runner();
    let strategy = (
        0..seeds.len(),
        prop::collection::vec(edit(), 1..6),
        any::<bool>(),
    );
    let generated = std::cell::Cell::new(0u32);
    runner
        .run(&strategy, |(index, edits, as_yaml)| {
            let (name, document) = &seeds[index];
            let mut document = document.clone();
            for edit in &edits {
                apply(&mut document, edit);
            }
            let text = document.to_string();
            // JSON is YAML too: the YAML loader gets the same document.
            let name = if as_yaml { "edited.yaml" } else { name };
            let generated_one = generate_or_save(name, text.into_bytes())?;
            generated.set(generated.get() + u32::from(generated_one));
            Ok(())
        })
        .unwrap();
    // Edits that only ever produce errors would test only the error paths.
    eprintln!(
        "{} of {} edited documents generated a package",
        generated.get(),
        cases()
    );
    assert!(
        generated.get() * 10 > cases(),
        "too few edited documents generated a package"
    );
}

#[test]
fn random_text_never_panics_the_loader() {
    let mut runner = runner();
    let text = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..200),
        "[\\[\\]{}:,\"'&*!|>#\\- \\n\\ta-z0-9]{0,200}".prop_map(String::into_bytes),
        "asyncapi: 3.0.0\n[\\[\\]{}:,&*a-z \\n-]{0,200}".prop_map(String::into_bytes),
    ];
    runner
        .run(&(text, any::<bool>()), |(bytes, as_yaml)| {
            generate_or_save(
                if as_yaml {
                    "random.yaml"
                } else {
                    "random.json"
                },
                bytes,
            )
            .map(drop)
        })
        .unwrap();
}

#[test]
fn documents_that_once_broke_the_generator_do_not() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".md") {
            continue;
        }
        generate(&name, std::fs::read(&path).unwrap()).unwrap();
        count += 1;
    }
    assert!(count > 0, "no regression documents in {}", dir.display());
}
