//! Golden trees: the generated package of every chanx fixture and of the
//! AsyncAPI specification examples is checked in under `tests/golden/<case>/`
//! and must match byte for byte.
//!
//! Regenerate them all with `CHANX_BLESS=1 cargo test --test golden`, then
//! review the diff.

use std::path::{Path, PathBuf};

use chanx_codegen::load::{self, DocumentOrigin};
use chanx_codegen::options::GenerateOptions;
use chanx_codegen::tree::Tree;

mod util;
use util::read_tree;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/chanx")
}

/// Every golden case: (package name, document).
fn cases() -> Vec<(String, PathBuf)> {
    let mut cases: Vec<(String, PathBuf)> = json_fixtures()
        .into_iter()
        .map(|path| {
            (
                path.file_stem().unwrap().to_string_lossy().into_owned(),
                path,
            )
        })
        .collect();
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/asyncapi-spec");
    for entry in std::fs::read_dir(&spec).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix("-asyncapi.yml") {
            cases.push((format!("spec_{}", stem.replace('-', "_")), path));
        } else if path.is_dir() {
            for service in std::fs::read_dir(&path).unwrap() {
                let document = service.unwrap().path().join("asyncapi.yaml");
                if document.exists() {
                    let service = document
                        .parent()
                        .unwrap()
                        .file_name()
                        .unwrap()
                        .to_string_lossy();
                    cases.push((format!("spec_{name}_{service}").replace('-', "_"), document));
                }
            }
        }
    }
    let generator = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/generator");
    for entry in std::fs::read_dir(&generator).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            continue; // files the documents refer to
        }
        let stem = path
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .replace('-', "_");
        cases.push((format!("gen_{stem}"), path));
    }
    cases.sort();
    cases
}

fn generate_from(location: DocumentOrigin, package: &str) -> Tree {
    let document = load::load(&location, &Default::default()).expect("fixture loads");
    generate_document(&document, package)
}

fn generate_document(document: &load::LoadedDocument, package: &str) -> Tree {
    let options = GenerateOptions {
        server: None,
        readme: true,
        package_name: package.to_string(),
        perspective: Default::default(),
        with_tests: false,
    };
    chanx_codegen::generate(document.clone(), &options, &Default::default())
        .expect("fixture generates")
        .1
}

fn json_fixtures() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    paths
}

/// The paths whose content differs between two trees, or that only one has.
fn differing_paths(left: &Tree, right: &Tree) -> Vec<String> {
    let paths: std::collections::BTreeSet<&String> =
        left.files().keys().chain(right.files().keys()).collect();
    paths
        .into_iter()
        .filter(|path| left.files().get(*path) != right.files().get(*path))
        .cloned()
        .collect()
}

#[test]
fn generated_trees_match_the_goldens() {
    let bless = std::env::var_os("CHANX_BLESS").is_some();
    let mut failures = Vec::new();
    for (name, fixture) in cases() {
        let golden_dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden")
            .join(&name);
        let tree = generate_from(DocumentOrigin::File(fixture.clone()), &name);
        if bless {
            let _ = std::fs::remove_dir_all(&golden_dir);
            for (path, bytes) in tree.files() {
                let target = golden_dir.join(path);
                std::fs::create_dir_all(target.parent().unwrap()).unwrap();
                std::fs::write(target, bytes).unwrap();
            }
            continue;
        }
        let golden = read_tree(&golden_dir);
        let paths: std::collections::BTreeSet<&String> =
            golden.keys().chain(tree.files().keys()).collect();
        for path in paths {
            match (golden.get(path), tree.files().get(path)) {
                (Some(want), Some(got)) if want == got => {}
                (Some(want), Some(got)) => failures.push(format!(
                    "{name}/{path}: content differs\n{}",
                    util::unified_diff(&format!("tests/golden/{name}/{path}"), want, got)
                )),
                (Some(_), None) => failures.push(format!("{name}/{path}: no longer generated")),
                (None, Some(_)) => {
                    failures.push(format!("{name}/{path}: new file, not in the goldens"))
                }
                (None, None) => unreachable!(),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "generated output differs from tests/golden:\n  {}\nIf the change is intended, run `CHANX_BLESS=1 cargo test --test golden` and review the diff.",
        failures.join("\n  ")
    );
}

#[test]
fn a_golden_failure_shows_the_diff() {
    let diff = util::unified_diff(
        "tests/golden/pkg/a.py",
        b"one\ntwo\nthree\n",
        b"one\n2\nthree\n",
    );
    assert_eq!(
        diff,
        "--- tests/golden/pkg/a.py\n+++ generated\n@@ -1,3 +1,3 @@\n one\n-two\n+2\n three"
    );
    let long: String = (0..200).map(|n| format!("{n}\n")).collect();
    let diff = util::unified_diff("tests/golden/pkg/b.py", b"", long.as_bytes());
    assert!(diff.ends_with("... 143 more lines"), "{diff}");
}

#[test]
fn every_template_file_is_embedded() {
    use chanx_codegen::render::{STATIC_FILES, TEMPLATES};
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut on_disk = util::read_tree(&root);
    on_disk.retain(|path, _| !path.contains("__pycache__"));
    let mut embedded = std::collections::BTreeMap::new();
    for (name, text) in TEMPLATES {
        embedded.insert(format!("{name}.tera"), text.as_bytes().to_vec());
    }
    for (path, text) in STATIC_FILES {
        embedded.insert((*path).to_string(), text.as_bytes().to_vec());
    }
    let unregistered: Vec<&String> = on_disk
        .keys()
        .filter(|path| !embedded.contains_key(*path))
        .collect();
    assert!(
        unregistered.is_empty(),
        "templates/ files that render.rs does not embed: {unregistered:?}"
    );
    assert_eq!(
        on_disk, embedded,
        "each embedded template is the file of its name"
    );
}

#[test]
fn json_and_yaml_of_one_document_give_the_same_tree() {
    for fixture in json_fixtures() {
        let yaml = fixture.with_extension("yaml");
        if !yaml.exists() {
            continue;
        }
        let name = fixture.file_stem().unwrap().to_string_lossy().into_owned();
        let from_json = generate_from(DocumentOrigin::File(fixture.clone()), &name);
        let from_yaml = generate_from(DocumentOrigin::File(yaml.clone()), &name);
        let differing = differing_paths(&from_json, &from_yaml);
        assert!(
            differing.is_empty(),
            "{} and {} differ in {differing:?}",
            fixture.display(),
            yaml.display()
        );
    }
}

/// Reverses the key order of the maps whose order carries no meaning.
fn reorder(value: &mut serde_json::Value) {
    for pointer in [
        "/channels",
        "/operations",
        "/components/schemas",
        "/components/messages",
    ] {
        if let Some(serde_json::Value::Object(map)) = value.pointer_mut(pointer) {
            let entries: Vec<(String, serde_json::Value)> =
                std::mem::take(map).into_iter().rev().collect();
            map.extend(entries);
        }
    }
}

#[test]
fn output_is_deterministic_across_runs_and_key_order() {
    let mut reordered = 0;
    for (name, fixture) in cases() {
        let document =
            load::load(&DocumentOrigin::File(fixture.clone()), &Default::default()).unwrap();
        let first = generate_document(&document, &name);
        let second = generate_document(&document, &name);
        let differing = differing_paths(&first, &second);
        assert!(
            differing.is_empty(),
            "{}: two runs differ in {differing:?}",
            fixture.display()
        );
        let mut shuffled = document.clone();
        let mut value = serde_json::to_value(&document.value).unwrap();
        reorder(&mut value);
        shuffled.value = value.into();
        reordered += usize::from(
            serde_json::to_string(&shuffled.value).unwrap()
                != serde_json::to_string(&document.value).unwrap(),
        );
        let third = generate_document(&shuffled, &name);
        let differing = differing_paths(&first, &third);
        assert!(
            differing.is_empty(),
            "{}: reordering the document's maps changes {differing:?}",
            fixture.display()
        );
    }
    assert!(
        reordered >= 3,
        "the reordering changed too few documents to prove anything"
    );
}

#[test]
fn the_base_client_constructor_is_the_one_the_generator_declares() {
    let template = chanx_codegen::render::STATIC_FILES
        .iter()
        .find(|(path, _)| *path == "base/client.py")
        .unwrap()
        .1;
    let class = &template[template.find("\nclass BaseClient(").unwrap()..];
    let signature = &class[class.find("    def __init__(\n").unwrap()..];
    let signature = &signature[..signature.find(") -> None:").unwrap()];
    let parameters: Vec<(String, String, String)> = signature
        .lines()
        .skip(1)
        .map(str::trim)
        .filter(|line| !matches!(*line, "self," | "/," | ""))
        .map(|line| {
            let line = line.trim_end_matches(',');
            let (name, rest) = line.split_once(": ").unwrap();
            let (annotation, default) = rest.rsplit_once(" = ").unwrap();
            (
                name.to_string(),
                annotation.to_string(),
                default.to_string(),
            )
        })
        .collect();
    let declared: Vec<(String, String, String)> = chanx_codegen::naming::BASE_CLIENT_PARAMETERS
        .iter()
        .map(|(name, annotation, default)| {
            (
                name.to_string(),
                annotation.to_string(),
                default.to_string(),
            )
        })
        .collect();
    assert_eq!(parameters, declared);
    // `base_url` alone is positional-only.
    assert!(signature.contains("base_url: str | None = None,\n        /,\n"));
}
