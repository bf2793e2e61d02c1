//! The one way tests run the `chanx` binary, and helpers around it.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const SHOWCASE: &str = "chanx/showcase.json";

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

/// Runs the binary with `args`, with an empty PATH so no formatter is found
/// unless a test puts one there.
pub fn chanx(args: &[&str]) -> Output {
    chanx_with_path(args, "")
}

pub fn chanx_with_path(args: &[&str], path: &str) -> Output {
    chanx_in(None, args, path, &[])
}

/// Runs the binary in `dir` (or here) with `PATH` set to `path` and extra
/// environment variables; `GITHUB_STEP_SUMMARY` is never inherited.
pub fn chanx_in(dir: Option<&Path>, args: &[&str], path: &str, env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_chanx"));
    command
        .args(args)
        .env("PATH", path)
        .env_remove("GITHUB_STEP_SUMMARY");
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("the chanx binary runs")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn generate(schema: &Path, out: &Path, extra: &[&str]) -> Output {
    generate_from(schema.to_str().unwrap(), out, extra)
}

/// `chanx generate-client --schema SCHEMA --output OUT EXTRA...`.
pub fn generate_from(schema: &str, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "generate-client",
        "--schema",
        schema,
        "--output",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    chanx(&args)
}

pub fn assert_exit(output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "exit status; stdout:\n{}\nstderr:\n{}",
        stdout(output),
        stderr(output)
    );
}

/// Every file below `root`, relative and sorted.
pub fn files_under(root: &Path) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            entry
                .path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    files.sort();
    files
}

/// Every file below `root` with its bytes, by relative path.
pub fn read_tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    files_under(root)
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(root.join(&path)).unwrap();
            (path, bytes)
        })
        .collect()
}

/// Removes a channel and the operations on it from a document.
pub fn remove_channel(document: &mut serde_json::Value, channel: &str) {
    document["channels"]
        .as_object_mut()
        .unwrap()
        .remove(channel);
    let reference = format!("#/channels/{channel}");
    document["operations"]
        .as_object_mut()
        .unwrap()
        .retain(|_, operation| operation["channel"]["$ref"] != reference.as_str());
}

/// A document with `channels` channels, each with one message whose payload
/// has the field `field`.
pub fn rooms_document(channels: usize, field: &str) -> String {
    let mut channel_map = serde_json::Map::new();
    let mut operations = serde_json::Map::new();
    for index in 0..channels {
        let name = format!("room{index}");
        channel_map.insert(
            name.clone(),
            serde_json::json!({
                "address": format!("/ws/{name}"),
                "messages": {"ping": {"name": format!("Ping{index}"), "payload": {
                    "type": "object",
                    "properties": {field: {"type": "integer"}},
                    "required": [field],
                }}},
            }),
        );
        operations.insert(
            format!("send_{name}"),
            serde_json::json!({
                "action": "send",
                "channel": {"$ref": format!("#/channels/{name}")},
                "messages": [{"$ref": format!("#/channels/{name}/messages/ping")}],
            }),
        );
    }
    serde_json::json!({
        "asyncapi": "3.0.0",
        "info": {"title": "Rooms", "version": "1"},
        "channels": serde_json::Value::Object(channel_map),
        "operations": serde_json::Value::Object(operations),
    })
    .to_string()
}

/// Reads the head of an HTTP request from `stream` (up to its blank line);
/// returns its lines, trimmed.
pub fn read_request_head(stream: &std::net::TcpStream) -> Vec<String> {
    use std::io::BufRead as _;
    let mut reader = std::io::BufReader::new(stream);
    let mut lines = Vec::new();
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|read| read > 2) {
        lines.push(line.trim_end().to_string());
        line.clear();
    }
    lines
}

/// The unified diff from `want` (the checked-in file at `path`) to the
/// generated `got`, at most `MAX_DIFF_LINES` lines of it.
pub fn unified_diff(path: &str, want: &[u8], got: &[u8]) -> String {
    const MAX_DIFF_LINES: usize = 60;
    let (want, got) = (String::from_utf8_lossy(want), String::from_utf8_lossy(got));
    let diff = similar::TextDiff::from_lines(want.as_ref(), got.as_ref())
        .unified_diff()
        .context_radius(3)
        .header(path, "generated")
        .to_string();
    let lines: Vec<&str> = diff.lines().collect();
    let mut shown = lines[..lines.len().min(MAX_DIFF_LINES)].join("\n");
    if lines.len() > MAX_DIFF_LINES {
        shown.push_str(&format!(
            "\n... {} more lines",
            lines.len() - MAX_DIFF_LINES
        ));
    }
    shown
}

/// Compares `actual` with `tests/snapshots/<name>`, or rewrites the
/// snapshot when `CHANX_BLESS` is set; `test` names the test target that
/// blesses it.
pub fn assert_snapshot(name: &str, actual: &str, test: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("CHANX_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expected == actual,
        "{name} differs from its snapshot; if intended, run `CHANX_BLESS=1 cargo test --all-features --test {test}`.\n{}",
        unified_diff(
            &format!("tests/snapshots/{name}"),
            expected.as_bytes(),
            actual.as_bytes()
        )
    );
}
