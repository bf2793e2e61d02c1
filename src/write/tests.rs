use super::*;
use crate::options::GenerateOptions;
use crate::tree::Tree;

fn tree(files: &[(&str, &str)]) -> Tree {
    let rendered = files
        .iter()
        .map(|(path, text)| (path.to_string(), text.to_string()))
        .collect();
    let options = GenerateOptions::bare();
    Tree::new(
        rendered,
        "0".repeat(64),
        &options,
        crate::surface::ApiSurface::default(),
    )
}

#[test]
fn a_manifest_path_that_would_leave_the_folder_is_dropped() {
    let manifest = br#"{"files": {"chat/client.py": "a", "../outside.py": "b", "/etc/passwd": "c",
        "chat\\x.py": "d", "chat/./x.py": "e", "chat//x.py": "f", "": "g", "nul\u0000.py": "h"}}"#;
    let parsed = parse_manifest(manifest).unwrap();
    assert_eq!(parsed.files.keys().collect::<Vec<_>>(), ["chat/client.py"]);
    assert_eq!(parse_manifest(b"not json"), None);
}

#[test]
fn a_manifest_tells_a_null_entry_from_a_missing_one() {
    use crate::format::Recorded;
    use crate::surface::RecordedSurface;

    let read = |text: &str| parse_manifest(text.as_bytes()).unwrap();
    let bare = read(r#"{"files": {}}"#);
    assert_eq!(bare.formatter, Recorded::Unknown);
    assert_eq!(bare.surface(), RecordedSurface::NotRecorded);
    assert_eq!(bare.generator_version, None);

    let nulls = read(r#"{"files": {}, "formatter": null, "api": null, "generator_version": null}"#);
    assert_eq!(nulls.formatter, Recorded::Nothing);
    assert_eq!(nulls.surface(), RecordedSurface::Unreadable);

    let recorded = read(
        r#"{"generator_version": "9.9.9", "files": {"a.py": "x", "b.py": 1},
            "api": {"format": 1, "clients": {}, "models": {}}}"#,
    );
    assert_eq!(recorded.generator_version.as_deref(), Some("9.9.9"));
    assert_eq!(recorded.files.keys().collect::<Vec<_>>(), ["a.py"]);
    assert!(matches!(recorded.surface(), RecordedSurface::Surface(_)));

    // A struct would also read from a list of its fields.
    assert_eq!(parse_manifest(br#"[{"a.py": "x"}]"#), None);
    assert_eq!(parse_manifest(br#"{"api": {}}"#), None);
}

#[test]
fn the_manifest_is_written_after_every_other_change() {
    let dir = tempfile::tempdir().unwrap();
    let options = WriteOptions {
        clear_channels: true,
        ..WriteOptions::default()
    };
    let first = tree(&[("a/client.py", "1"), ("b/client.py", "1")]);
    let changes = plan(&first, &DiskFolder::new(dir.path()).unwrap(), &options).unwrap();
    let report = apply(&changes, dir.path()).unwrap();
    assert_eq!(report.written.last().map(String::as_str), Some(MANIFEST));

    let second = tree(&[("a/client.py", "2")]);
    let changes = plan(&second, &DiskFolder::new(dir.path()).unwrap(), &options).unwrap();
    assert_eq!(
        changes.changes.first().map(|c| c.path.as_str()),
        Some(MANIFEST)
    );
    let report = apply(&changes, dir.path()).unwrap();
    assert_eq!(report.removed, ["b/client.py"]);
    assert_eq!(report.written, ["a/client.py", MANIFEST]);
}
