//! Black-box tests of the `chanx` binary: flags, regeneration rules, error
//! paths and exit codes. Every test runs the real binary through [`chanx`].

use std::collections::BTreeSet;
use std::io::Write;
use std::net::TcpListener;
use std::path::{Path, PathBuf};

mod util;
use util::{
    assert_exit, chanx, chanx_with_path, files_under, fixture, generate, generate_from, stderr,
    stdout, SHOWCASE,
};

#[test]
fn version_and_help_teach_the_commands() {
    let output = chanx(&["--version"]);
    assert_exit(&output, 0);
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("chanx "));

    let output = chanx(&["generate-client", "--help"]);
    assert_exit(&output, 0);
    let help = String::from_utf8_lossy(&output.stdout);
    for flag in [
        "--schema",
        "--output",
        "--formatter",
        "--no-format",
        "--no-readme",
        "--clear-output",
        "--override-base",
        "--no-clear-channels",
        "Examples:",
    ] {
        assert!(help.contains(flag), "help lacks {flag}:\n{help}");
    }
}

#[test]
fn usage_errors_exit_2() {
    assert_exit(&chanx(&["generate-client", "--schema", "x.json"]), 2);
    assert_exit(&chanx(&["no-such-command"]), 2);
    assert_exit(
        &chanx(&[
            "generate-client",
            "-s",
            "x",
            "-o",
            "y",
            "--no-format",
            "--formatter",
            "black",
        ]),
        2,
    );
}

#[test]
fn generates_the_seed_layout_and_summarises_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("my_client");
    let output = generate(&fixture(SHOWCASE), &out, &[]);
    assert_exit(&output, 0);
    assert!(output.stdout.is_empty(), "stdout stays empty");
    let message = stderr(&output);
    for expected in [
        "Title: FastAPI AsyncAPI documentation",
        "Version: 1.0.0",
        "Channels: 7",
        "Operations: 20",
        "Schemas: 24",
        "files written",
    ] {
        assert!(
            message.contains(expected),
            "summary lacks {expected:?}:\n{message}"
        );
    }
    let files = files_under(&out);
    for expected in [
        "__init__.py",
        "README.md",
        "base/__init__.py",
        "base/client.py",
        "shared/__init__.py",
        "shared/messages.py",
        "chat/__init__.py",
        "chat/client.py",
        "chat/messages.py",
        "room_chat/client.py",
    ] {
        assert!(
            files.contains(&expected.to_string()),
            "missing {expected}: {files:?}"
        );
    }
    let readme = std::fs::read_to_string(out.join("README.md")).unwrap();
    assert!(
        readme.contains("from my_client."),
        "README uses the package name"
    );
}

#[test]
fn quiet_prints_nothing_on_success() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("client");
    let output = generate(&fixture(SHOWCASE), &out, &["--quiet"]);
    assert_exit(&output, 0);
    assert_eq!(stderr(&output), "");
}

#[test]
fn no_readme_leaves_it_out_and_removes_an_earlier_generated_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("client");
    assert_exit(&generate(&fixture(SHOWCASE), &out, &[]), 0);
    assert!(out.join("README.md").exists());
    assert_exit(&generate(&fixture(SHOWCASE), &out, &["--no-readme"]), 0);
    assert!(!out.join("README.md").exists());
}

#[test]
fn base_is_kept_unless_override_base() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("client");
    assert_exit(&generate(&fixture(SHOWCASE), &out, &[]), 0);
    let base = out.join("base/client.py");
    let original = std::fs::read_to_string(&base).unwrap();
    std::fs::write(&base, format!("{original}\n# customised\n")).unwrap();

    let output = generate(&fixture(SHOWCASE), &out, &[]);
    assert_exit(&output, 0);
    assert!(std::fs::read_to_string(&base)
        .unwrap()
        .ends_with("# customised\n"));
    assert!(stderr(&output).contains("kept the existing base/"));

    // A base file this version adds is written; the customised one stays.
    std::fs::remove_file(out.join("base/topic_client.py")).unwrap();
    assert_exit(&generate(&fixture(SHOWCASE), &out, &[]), 0);
    assert!(out.join("base/topic_client.py").exists());
    assert!(std::fs::read_to_string(&base)
        .unwrap()
        .ends_with("# customised\n"));

    assert_exit(&generate(&fixture(SHOWCASE), &out, &["--override-base"]), 0);
    assert_eq!(std::fs::read_to_string(&base).unwrap(), original);

    std::fs::remove_dir_all(out.join("base")).unwrap();
    assert_exit(&generate(&fixture(SHOWCASE), &out, &[]), 0);
    assert_eq!(
        std::fs::read_to_string(&base).unwrap(),
        original,
        "a missing base/ is written"
    );
}

/// The showcase document without its `chat` channel and chat operations.
fn showcase_without_chat(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(fixture(SHOWCASE)).unwrap();
    let mut document: serde_json::Value = serde_json::from_str(&text).unwrap();
    util::remove_channel(&mut document, "chat");
    let path = dir.join("without_chat.json");
    std::fs::write(&path, serde_json::to_string(&document).unwrap()).unwrap();
    path
}

#[test]
fn channel_folders_are_cleared_but_foreign_files_are_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("client");
    assert_exit(&generate(&fixture(SHOWCASE), &out, &[]), 0);
    std::fs::write(out.join("chat/notes.py"), "# mine\n").unwrap();
    std::fs::write(out.join("mine.txt"), "mine\n").unwrap();

    let output = generate(&showcase_without_chat(dir.path()), &out, &[]);
    assert_exit(&output, 0);
    assert!(
        !out.join("chat/client.py").exists(),
        "stale channel files are removed"
    );
    assert!(!out.join("chat/messages.py").exists());
    assert_eq!(
        std::fs::read_to_string(out.join("chat/notes.py")).unwrap(),
        "# mine\n"
    );
    assert!(out.join("mine.txt").exists());
    assert!(
        stderr(&output).contains("left alone: chat/notes.py"),
        "the user is told:\n{}",
        stderr(&output)
    );
}

#[test]
fn edited_stale_files_are_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("client");
    assert_exit(&generate(&fixture(SHOWCASE), &out, &[]), 0);
    std::fs::write(out.join("chat/client.py"), "# edited by hand\n").unwrap();
    let output = generate(&showcase_without_chat(dir.path()), &out, &[]);
    assert_exit(&output, 0);
    assert!(out.join("chat/client.py").exists());
    assert!(stderr(&output).contains("left alone: chat/client.py (edited since it was generated)"));
}

#[test]
fn no_clear_channels_keeps_stale_channel_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("client");
    assert_exit(&generate(&fixture(SHOWCASE), &out, &[]), 0);
    let output = generate(
        &showcase_without_chat(dir.path()),
        &out,
        &["--no-clear-channels"],
    );
    assert_exit(&output, 0);
    assert!(out.join("chat/client.py").exists());
    assert!(out.join("chat/messages.py").exists());
}

#[test]
fn clear_output_starts_fresh_but_only_in_a_generated_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("client");
    let schema = dir.path().join("asyncapi.json");
    std::fs::copy(fixture(SHOWCASE), &schema).unwrap();
    assert_exit(&generate(&schema, &out, &[]), 0);
    let generated = files_under(&out);
    std::fs::write(out.join("extra.py"), "x = 1\n").unwrap();
    std::fs::write(out.join("base/client.py"), "# edited\n").unwrap();
    std::fs::write(out.join("chat/client.py"), "# edited\n").unwrap();
    let without_chat = showcase_without_chat(dir.path());
    let output = generate(&without_chat, &out, &["--clear-output"]);
    assert_exit(&output, 0);
    // Every file chanx wrote goes, edited or not; its own files stay.
    assert!(!out.join("chat/client.py").exists());
    assert_ne!(
        std::fs::read_to_string(out.join("base/client.py")).unwrap(),
        "# edited\n"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("extra.py")).unwrap(),
        "x = 1\n"
    );
    assert!(
        stderr(&output).contains(
            "left alone: extra.py (chanx did not write it; --delete-foreign-files removes it)"
        ),
        "{}",
        stderr(&output)
    );

    let output = generate(&schema, &out, &["--clear-output", "--delete-foreign-files"]);
    assert_exit(&output, 0);
    assert_eq!(files_under(&out), generated);
    let output = generate(&schema, &out, &["--delete-foreign-files"]);
    assert_exit(&output, 2);
    assert!(
        stderr(&output).contains("--clear-output"),
        "{}",
        stderr(&output)
    );

    let foreign = dir.path().join("foreign");
    std::fs::create_dir_all(&foreign).unwrap();
    std::fs::write(foreign.join("keep.txt"), "precious\n").unwrap();
    let output = generate(&fixture(SHOWCASE), &foreign, &["--clear-output"]);
    assert_exit(&output, 2);
    assert!(stderr(&output).contains("refusing --clear-output"));
    assert_eq!(files_under(&foreign), vec!["keep.txt".to_string()]);
}

#[test]
fn regenerating_an_unchanged_document_rewrites_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("client");
    assert_exit(&generate(&fixture(SHOWCASE), &out, &[]), 0);
    let output = generate(&fixture(SHOWCASE), &out, &[]);
    assert_exit(&output, 0);
    assert!(
        stderr(&output).contains(" 0 files written"),
        "{}",
        stderr(&output)
    );
}

#[cfg(unix)]
fn fake_formatter(dir: &Path, name: &str, script: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let path = bin.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{script}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    bin
}

#[cfg(unix)]
#[test]
fn ruff_on_path_formats_the_written_python_files() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("ruff.log");
    let bin = fake_formatter(
        dir.path(),
        "ruff",
        &format!("echo \"$@\" >> {}", log.display()),
    );
    let out = dir.path().join("client");
    let schema = fixture(SHOWCASE);
    let args = [
        "generate-client",
        "-s",
        schema.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    let output = chanx_with_path(&args, bin.to_str().unwrap());
    assert_exit(&output, 0);
    let logged = std::fs::read_to_string(&log).expect("ruff was run");
    assert!(
        logged.lines().any(|line| line.starts_with("format ")),
        "{logged}"
    );
    assert!(logged.contains("chat/client.py"));
    assert!(!logged.contains("README.md"));

    std::fs::remove_file(&log).unwrap();
    let mut no_format = args.to_vec();
    no_format.push("--no-format");
    assert_exit(&chanx_with_path(&no_format, bin.to_str().unwrap()), 0);
    assert!(!log.exists(), "--no-format runs no formatter");
}

#[cfg(unix)]
#[test]
fn a_failing_or_missing_formatter_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let bin = fake_formatter(dir.path(), "broken-format", "echo boom >&2; exit 3");
    let out = dir.path().join("client");
    let schema = fixture(SHOWCASE);
    let output = chanx_with_path(
        &[
            "generate-client",
            "-s",
            schema.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--formatter",
            "broken-format --check",
        ],
        bin.to_str().unwrap(),
    );
    assert_exit(&output, 0);
    assert!(
        stderr(&output).contains("warning: formatter `broken-format --check` failed"),
        "{}",
        stderr(&output)
    );
    assert!(out.join("chat/client.py").exists());

    let other = dir.path().join("other");
    let output = generate(&schema, &other, &["--formatter", "no-such-formatter"]);
    assert_exit(&output, 0);
    assert!(stderr(&output).contains("warning: formatter `no-such-formatter` could not run"));
}

/// Writes `document` to a file named `name` and returns a one-line error from generating it.
fn error_for(name: &str, document: &str) -> (String, PathBuf) {
    let dir = tempfile::tempdir().unwrap().keep();
    let schema = dir.join(name);
    std::fs::write(&schema, document).unwrap();
    let out = dir.join("client");
    let output = generate(&schema, &out, &[]);
    assert_exit(&output, 2);
    assert!(!out.exists(), "nothing is written on error");
    let message = stderr(&output);
    let lines: Vec<&str> = message
        .lines()
        .filter(|line| line.starts_with("error:"))
        .collect();
    assert_eq!(lines.len(), 1, "one error line:\n{message}");
    assert!(!message.contains("panicked"));
    (lines[0].to_string(), schema)
}

#[test]
fn input_errors_name_the_input_and_write_nothing() {
    let (message, schema) = error_for("broken.json", "{\n  \"asyncapi\": \"3.0.0\",\n  oops\n}");
    assert!(
        message.contains(&format!("{}:3:3: invalid JSON", schema.display())),
        "{message}"
    );

    let (message, schema) = error_for("broken.yaml", "asyncapi: 3.0.0\ninfo: [\n");
    assert!(
        message.contains(&format!("{}: invalid YAML", schema.display())),
        "{message}"
    );

    let (message, _) = error_for("dup.yaml", "asyncapi: 3.0.0\nasyncapi: 3.0.1\n");
    assert!(
        message.contains("invalid YAML") && message.to_lowercase().contains("duplicate"),
        "{message}"
    );

    let (message, schema) = error_for("old.json", r#"{"asyncapi": "2.6.0", "channels": {}}"#);
    assert!(
        message.contains(&format!(
            "{}: not an AsyncAPI 3.x document",
            schema.display()
        )),
        "{message}"
    );

    let (message, _) = error_for("none.yaml", "openapi: 3.1.0\n");
    assert!(
        message.contains("not an AsyncAPI 3.x document"),
        "{message}"
    );

    let (message, _) = error_for(
        "dangling.json",
        r##"{"asyncapi": "3.0.0", "info": {"title": "t", "version": "1"},
            "channels": {"c": {"address": "/c", "messages": {"m": {"$ref": "#/components/messages/nope"}}}},
            "operations": {"o": {"action": "send", "channel": {"$ref": "#/channels/c"}}}}"##,
    );
    assert!(message.contains("#/components/messages/nope"), "{message}");

    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.json");
    let output = generate(&missing, &dir.path().join("client"), &[]);
    assert_exit(&output, 2);
    assert!(stderr(&output).contains(&format!("{}: file not found", missing.display())));
}

/// Serves each of `responses` (status line, one header line, body) to one
/// request on 127.0.0.1, then stops; returns the base URL.
fn serve(responses: Vec<(&'static str, &'static str, Vec<u8>)>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for (status, header, body) in responses {
            let Ok((mut stream, _)) = listener.accept() else {
                return;
            };
            util::read_request_head(&stream);
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\n{header}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(&body);
            let _ = stream.flush();
        }
    });
    format!("http://{address}")
}

#[test]
fn generates_from_a_url_by_content_type() {
    let json = std::fs::read(fixture(SHOWCASE)).unwrap();
    let yaml = std::fs::read(fixture("chanx/sandbox_fastapi.yaml")).unwrap();
    let base = serve(vec![
        ("200 OK", "Content-Type: application/json", json),
        ("200 OK", "Content-Type: application/yaml", yaml),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("from_json");
    let url = format!("{base}/schema");
    let output = generate_from(&url, &out, &[]);
    assert_exit(&output, 0);
    assert!(out.join("room_chat/client.py").exists());

    let out = dir.path().join("from_yaml");
    let output = generate_from(&url, &out, &[]);
    assert_exit(&output, 0);
    assert!(out.join("topic_hub/client.py").exists());
}

/// Generates from `url`, which must fail with exit code 2 and write
/// nothing; returns stderr.
fn url_error(url: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("client");
    let output = generate_from(url, &out, &[]);
    assert_exit(&output, 2);
    assert!(!out.exists());
    stderr(&output)
}

/// A port nothing listens on: one that was just released.
fn closed_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[test]
fn http_errors_name_the_url_and_exit_2() {
    let base = serve(vec![
        (
            "404 Not Found",
            "Content-Type: text/plain",
            b"nope".to_vec(),
        ),
        (
            "200 OK",
            "Content-Type: application/json",
            vec![b' '; 64 * 1024 * 1024 + 1],
        ),
    ]);
    let url = format!("{base}/asyncapi.json");
    let message = url_error(&url);
    assert!(
        message.contains(&format!("error: {url}: HTTP 404 Not Found")),
        "{message}"
    );
    let message = url_error(&url);
    assert!(
        message.contains(&format!("error: {url}: larger than the 64 MiB limit")),
        "{message}"
    );

    let url = format!("http://127.0.0.1:{}/asyncapi.json", closed_port());
    let message = url_error(&url);
    assert!(
        message.contains(&format!("error: {url}: request failed")),
        "{message}"
    );
}

#[test]
fn urls_follow_redirects() {
    let json = std::fs::read(fixture(SHOWCASE)).unwrap();
    let base = serve(vec![
        ("302 Found", "Location: /moved/asyncapi", Vec::new()),
        ("200 OK", "Content-Type: application/json", json),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("client");
    let output = generate_from(&format!("{base}/asyncapi"), &out, &[]);
    assert_exit(&output, 0);
    assert!(out.join("chat/client.py").exists());
}

#[test]
fn perspective_client_flips_every_direction() {
    let dir = tempfile::tempdir().unwrap();
    let schema = fixture("asyncapi-spec/social-media/frontend/asyncapi.yaml");
    let server_view = dir.path().join("server_view");
    let client_view = dir.path().join("client_view");
    assert_exit(&generate(&schema, &server_view, &["--no-format"]), 0);
    let output = generate(
        &schema,
        &client_view,
        &["--no-format", "--perspective", "client"],
    );
    assert_exit(&output, 0);
    assert!(
        stderr(&output).contains("Perspective: client"),
        "{}",
        stderr(&output)
    );
    let unions = |root: &Path| {
        let text = std::fs::read_to_string(root.join("like_comment/messages.py")).unwrap();
        let line = |name: &str| {
            text.lines()
                .find(|line| line.starts_with(name))
                .unwrap()
                .to_string()
        };
        (line("IncomingMessage"), line("OutgoingMessage"))
    };
    let (server_in, server_out) = unions(&server_view);
    let (client_in, client_out) = unions(&client_view);
    assert_eq!(
        server_in.replace("Incoming", ""),
        client_out.replace("Outgoing", "")
    );
    assert_eq!(
        server_out.replace("Outgoing", ""),
        client_in.replace("Incoming", "")
    );
    assert_ne!(
        server_in.replace("Incoming", ""),
        server_out.replace("Outgoing", "")
    );
    let manifest = std::fs::read_to_string(client_view.join(".chanx-manifest.json")).unwrap();
    assert!(manifest.contains("\"perspective\": \"client\""));
}

#[cfg(unix)]
#[test]
fn a_symlink_in_the_output_is_never_followed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("client");
    assert_exit(&generate(&fixture(SHOWCASE), &out, &[]), 0);
    let outside = dir.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::remove_dir_all(out.join("chat")).unwrap();
    std::os::unix::fs::symlink(&outside, out.join("chat")).unwrap();
    let output = generate(&fixture(SHOWCASE), &out, &[]);
    assert_exit(&output, 2);
    assert!(
        stderr(&output).contains("is a symbolic link; refusing to write through it"),
        "{}",
        stderr(&output)
    );
    assert!(
        files_under(&outside).is_empty(),
        "nothing was written outside"
    );

    // A symlinked file is replaced, never written through.
    std::fs::remove_file(out.join("chat")).unwrap();
    let target = outside.join("victim.py");
    std::fs::write(&target, "keep\n").unwrap();
    std::fs::remove_file(out.join("system/client.py")).unwrap();
    std::os::unix::fs::symlink(&target, out.join("system/client.py")).unwrap();
    let output = generate(&fixture(SHOWCASE), &out, &[]);
    assert_exit(&output, 2);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep\n");
}

#[test]
fn unchanged_files_keep_their_modification_time() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("client");
    assert_exit(&generate(&fixture(SHOWCASE), &out, &[]), 0);
    let stamp = |path: &str| {
        std::fs::metadata(out.join(path))
            .unwrap()
            .modified()
            .unwrap()
    };
    let before = stamp("chat/client.py");
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert_exit(&generate(&fixture(SHOWCASE), &out, &[]), 0);
    assert_eq!(stamp("chat/client.py"), before);
}

/// Only the files chanx generated are read: a foreign named pipe, which
/// would block a reader forever, sits in the output through a regeneration
/// and a check.
#[cfg(unix)]
#[test]
fn foreign_files_in_the_output_are_never_read() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("client");
    assert_exit(&generate(&fixture(SHOWCASE), &out, &[]), 0);
    let made = std::process::Command::new("mkfifo")
        .arg(out.join("chat/notes.fifo"))
        .status()
        .unwrap();
    assert!(made.success());
    for command in ["generate-client", "check"] {
        let output = std::process::Command::new("timeout")
            .args([
                "60",
                env!("CARGO_BIN_EXE_chanx"),
                command,
                "--no-format",
                "--schema",
            ])
            .arg(fixture(SHOWCASE))
            .arg("--output")
            .arg(&out)
            .output()
            .unwrap();
        assert_exit(&output, 0);
    }
}

/// A document whose one message's payload is `schemas` entry `S`.
fn document_with_schemas(schemas: &serde_json::Value) -> String {
    serde_json::json!({
        "asyncapi": "3.0.0",
        "info": {"title": "t", "version": "1"},
        "channels": {"c": {"address": "/c", "messages": {"m": {"payload": {"$ref": "#/components/schemas/S"}}}}},
        "operations": {"o": {"action": "send", "channel": {"$ref": "#/channels/c"}, "messages": [{"$ref": "#/channels/c/messages/m"}]}},
        "components": {"schemas": schemas},
    })
    .to_string()
}

#[test]
fn resource_limits_are_refused_with_one_line_errors() {
    let depth = 10_000;
    let deep_json = document_with_schemas(&serde_json::json!({"S": {"type": "object"}})).replace(
        r#"{"type":"object"}"#,
        &format!("{}{{}}{}", r#"{"items":"#.repeat(depth), "}".repeat(depth)),
    );
    let (message, _) = error_for("deep.json", &deep_json);
    assert!(
        message.contains("invalid JSON: nested deeper than 128 levels"),
        "{message}"
    );

    let deep_yaml = format!(
        "asyncapi: 3.0.0\ncomponents:\n  schemas:\n    S: {}{{}}{}\n",
        "{items: ".repeat(depth),
        "}".repeat(depth)
    );
    let (message, _) = error_for("deep.yaml", &deep_yaml);
    assert!(
        message.contains("invalid YAML: nested deeper than 128 levels, at line 4"),
        "{message}"
    );

    let mut bomb = String::from("asyncapi: 3.0.0\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for level in 1..10 {
        let aliases = vec![format!("*a{}", level - 1); 10].join(", ");
        bomb.push_str(&format!("a{level}: &a{level} [{aliases}]\n"));
    }
    let (message, _) = error_for("bomb.yaml", &bomb);
    assert!(
        message.contains("invalid YAML: more than 1000000 values once its aliases are expanded"),
        "{message}"
    );

    let mut chain = serde_json::Map::new();
    for index in 0..1000 {
        chain.insert(
            if index == 0 {
                "S".to_string()
            } else {
                format!("S{index}")
            },
            serde_json::json!({"$ref": format!("#/components/schemas/S{}", index + 1)}),
        );
    }
    chain.insert("S1000".to_string(), serde_json::json!({"type": "string"}));
    let (message, _) = error_for("chain.json", &document_with_schemas(&chain.into()));
    assert!(
        message.contains("`$ref` chain longer than 64 or circular"),
        "{message}"
    );

    let merge = serde_json::json!({
        "S": {"allOf": [{"$ref": "#/components/schemas/T"}]},
        "T": {"allOf": [{"$ref": "#/components/schemas/S"}], "properties": {"a": {"type": "string"}}},
    });
    let (message, _) = error_for("merge.json", &document_with_schemas(&merge));
    assert!(
        message.contains(
            "#/components/schemas/T/allOf/0: `allOf` includes a schema that includes this one"
        ),
        "{message}"
    );

    let cycle = serde_json::json!({
        "S": {"$ref": "#/components/schemas/T"},
        "T": {"$ref": "#/components/schemas/S"},
    });
    let (message, _) = error_for("cycle.json", &document_with_schemas(&cycle));
    assert!(
        message.contains("`$ref` chain longer than 64 or circular"),
        "{message}"
    );

    let (message, schema) = error_for("huge.json", &" ".repeat(64 * 1024 * 1024 + 1));
    assert!(
        message.contains(&format!(
            "{}: larger than the 64 MiB limit",
            schema.display()
        )),
        "{message}"
    );
    std::fs::remove_dir_all(schema.parent().unwrap()).unwrap();
}

#[test]
fn only_http_urls_load_and_their_credentials_are_never_shown() {
    for (input, scheme) in [
        ("ftp://example.com/a.json", "ftp"),
        ("file:///etc/passwd", "file"),
    ] {
        let message = url_error(input);
        assert!(
            message.contains(&format!(
                "error: {input}: only http and https URLs can be loaded, not `{scheme}`"
            )),
            "{message}"
        );
    }

    let port = closed_port();
    let message = url_error(&format!(
        "http://reader:hunter2@127.0.0.1:{port}/asyncapi.json"
    ));
    assert!(
        message.contains(&format!(
            "error: http://127.0.0.1:{port}/asyncapi.json: request failed"
        )),
        "{message}"
    );
    assert!(
        !message.contains("hunter2") && !message.contains("reader"),
        "{message}"
    );
}

#[test]
fn channel_keys_never_name_a_path_outside_or_a_device() {
    let keys = [
        "../escape",
        "/etc/passwd",
        "a\\b",
        "nul\u{0}x",
        "CON",
        "con",
        "aux",
        "COM1",
        "Chat",
        "chat",
        "ｃｈａｔ",
        "base",
        "shared",
        "__pycache__",
    ];
    let mut channels = serde_json::Map::new();
    let mut operations = serde_json::Map::new();
    for (index, key) in keys.iter().enumerate() {
        let pointer = key.replace('~', "~0").replace('/', "~1");
        channels.insert(
            key.to_string(),
            serde_json::json!({"address": format!("/c{index}"), "messages": {"m": {"name": format!("M{index}"), "payload": {"type": "string"}}}}),
        );
        operations.insert(
            format!("o{index}"),
            serde_json::json!({"action": "send", "channel": {"$ref": format!("#/channels/{pointer}")}, "messages": [{"$ref": format!("#/channels/{pointer}/messages/m")}]}),
        );
    }
    let document = serde_json::json!({
        "asyncapi": "3.0.0", "info": {"title": "t", "version": "1"},
        "channels": channels, "operations": operations,
    });
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("names.json");
    std::fs::write(&schema, document.to_string()).unwrap();
    let out = dir.path().join("client");
    assert_exit(&generate(&schema, &out, &["--no-format"]), 0);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        2,
        "only the document and the client"
    );
    let folders: BTreeSet<String> = files_under(&out)
        .iter()
        .filter_map(|path| path.split_once('/').map(|(folder, _)| folder.to_string()))
        .collect();
    let expected = [
        "a_b",
        "aux_channel",
        "base",
        "base_channel",
        "chat",
        "chat_2",
        "chat_3",
        "com1_channel",
        "con_channel",
        "con_channel_2",
        "escape",
        "etc_passwd",
        "nul_x",
        "pycache",
        "shared",
        "shared_channel",
    ];
    assert_eq!(
        folders,
        expected.iter().map(|name| name.to_string()).collect()
    );
}

#[test]
fn document_size_and_http_time_limits_can_be_raised() {
    let dir = tempfile::tempdir().unwrap();
    let padded = dir.path().join("padded.json");
    let mut text = std::fs::read_to_string(fixture(SHOWCASE)).unwrap();
    text.push_str(&" ".repeat(2 * 1024 * 1024));
    std::fs::write(&padded, text).unwrap();
    let out = dir.path().join("client");
    let output = generate(&padded, &out, &["--max-document-mib", "1"]);
    assert_exit(&output, 2);
    assert!(
        stderr(&output).contains(&format!(
            "{}: larger than the 1 MiB limit (--max-document-mib raises it)",
            padded.display()
        )),
        "{}",
        stderr(&output)
    );
    assert_exit(&generate(&padded, &out, &["--max-document-mib", "3"]), 0);

    // A server that takes the request and never answers.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        let held: Vec<_> = listener.incoming().take(1).collect();
        std::thread::sleep(std::time::Duration::from_secs(30));
        drop(held);
    });
    let url = format!("http://{address}/asyncapi.json");
    let output = generate_from(&url, &dir.path().join("slow"), &["--http-timeout", "1"]);
    assert_exit(&output, 2);
    assert!(
        stderr(&output).contains(&format!("error: {url}: request failed"))
            && stderr(&output).contains("(timed out after 1 s; --http-timeout raises it)"),
        "{}",
        stderr(&output)
    );
}

/// The showcase client generated in `dir/client` without a README, and a
/// schema with one more channel, whose `client.py` is over 8 KiB, so the
/// next generation writes the small top `__init__.py` and
/// `added/__init__.py` before that large file.
#[cfg(unix)]
fn generated_client_with_a_changed_schema(dir: &Path) -> (PathBuf, PathBuf) {
    let out = dir.join("client");
    let schema = dir.join("asyncapi.json");
    assert_exit(&generate(&fixture(SHOWCASE), &out, &["--no-readme"]), 0);
    let mut document: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixture(SHOWCASE)).unwrap()).unwrap();
    let channels = document["channels"].as_object_mut().unwrap();
    let mut added = channels["chat"].clone();
    added["address"] = serde_json::json!("/added");
    added["description"] = serde_json::json!("A long description. ".repeat(500));
    channels.insert("added".to_string(), added);
    std::fs::write(&schema, serde_json::to_vec(&document).unwrap()).unwrap();
    (schema, out)
}

/// Runs `chanx generate-client` through `sh` with `prefix` before it, so a
/// test can lower limits or drop privileges for this one process.
#[cfg(unix)]
fn generate_in_shell(prefix: &str, schema: &Path, out: &Path) -> std::process::Output {
    std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "{prefix} \"$0\" generate-client --no-readme --schema \"$1\" --output \"$2\""
        ))
        .arg(env!("CARGO_BIN_EXE_chanx"))
        .arg(schema)
        .arg(out)
        .env("PATH", "/usr/bin:/bin")
        .output()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn a_full_disk_fails_before_anything_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (schema, out) = generated_client_with_a_changed_schema(dir.path());
    let before = util::read_tree(&out);
    // A file size limit of 8 KiB makes the large file fail halfway, as a
    // full disk would, after smaller ones and a new folder were written.
    let output = generate_in_shell("trap '' XFSZ; ulimit -f 16; exec", &schema, &out);
    assert_exit(&output, 2);
    assert!(
        stderr(&output).contains("File too large"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains(out.to_str().unwrap()));
    assert_eq!(
        util::read_tree(&out),
        before,
        "the previous client is intact"
    );

    assert_exit(&generate(&schema, &out, &[]), 0);
    assert!(out.join("added/client.py").exists());
    assert_exit(
        &chanx(&[
            "check",
            "--schema",
            schema.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
        ]),
        0,
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_fails_before_anything_changes() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (schema, out) = generated_client_with_a_changed_schema(dir.path());
    let before = util::read_tree(&out);
    let set_mode = |mode: u32| {
        for entry in walkdir::WalkDir::new(&out) {
            let entry = entry.unwrap();
            let mode = if entry.file_type().is_dir() {
                mode
            } else {
                mode & 0o444
            };
            std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(mode)).unwrap();
        }
    };
    set_mode(0o555);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&schema, std::fs::Permissions::from_mode(0o644)).unwrap();
    // Permissions do not bind root, so as root the run drops to `nobody`.
    let is_root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|output| output.stdout.starts_with(b"0\n"));
    let prefix = if is_root {
        "exec setpriv --reuid=65534 --regid=65534 --clear-groups"
    } else {
        "exec"
    };
    let output = generate_in_shell(prefix, &schema, &out);
    set_mode(0o755);
    assert_exit(&output, 2);
    assert!(
        stderr(&output).contains("Permission denied"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        util::read_tree(&out),
        before,
        "the previous client is intact"
    );
}

#[test]
fn with_tests_writes_the_examples_module_and_check_expects_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("client");
    let schema = fixture("generator/security.yaml");
    let output = generate(&schema, &out, &["--with-tests"]);
    assert_exit(&output, 0);
    let module = std::fs::read_to_string(out.join("test_examples.py")).unwrap();
    assert!(module.contains("(Order, '{\"action\":\"order\",\"item\":\"book\"}'),"));
    let manifest = std::fs::read_to_string(out.join(".chanx-manifest.json")).unwrap();
    assert!(manifest.contains("\"with_tests\": true"), "{manifest}");

    let check = |extra: &[&str]| {
        let mut args = vec![
            "check",
            "--schema",
            schema.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        chanx(&args)
    };
    assert_exit(&check(&["--with-tests"]), 0);
    let without = check(&[]);
    assert_exit(&without, 1);
    assert!(
        stdout(&without).contains("test_examples.py"),
        "{}",
        stdout(&without)
    );

    // A document without examples says so instead of writing an empty module.
    let plain = dir.path().join("plain");
    let output = generate(&fixture(SHOWCASE), &plain, &["--with-tests"]);
    assert_exit(&output, 0);
    assert!(stderr(&output).contains("--with-tests: the document has no message examples"));
    assert!(!plain.join("test_examples.py").exists());
}

#[test]
fn payloads_in_other_formats_are_any_value_with_a_warning_and_never_fetched() {
    // The Avro schema's file does not exist: reading it would fail the run.
    let schema = fixture("generator/formats.yaml");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("events_client");
    let output = generate(&schema, &out, &["--no-format"]);
    assert_exit(&output, 0);
    let warnings: Vec<String> = stderr(&output)
        .lines()
        .filter(|line| line.starts_with("warning:"))
        .map(str::to_string)
        .collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].contains("#/channels/events/messages/user_signed_up: message \"UserSignedUp\" uses schemaFormat \"application/vnd.apache.avro;version=1.9.0\", which chanx does not read; its payload is typed as any JSON value"), "{warnings:?}");
    assert!(warnings[1].contains("message \"OrderPlaced\" uses schemaFormat \"application/vnd.google.protobuf;version=3\""), "{warnings:?}");
    let messages = std::fs::read_to_string(out.join("events/messages.py")).unwrap();
    assert!(
        messages.contains("class UserSignedUp(RootModel[Any]):"),
        "{messages}"
    );
    // What any value validates as comes last in the union.
    assert!(messages.contains("IncomingMessage: TypeAlias = Ping | OrderPlaced | UserSignedUp"));

    let strict = generate(&schema, &dir.path().join("strict"), &["--strict-formats"]);
    assert_exit(&strict, 2);
    assert!(
        stderr(&strict).contains("(--strict-formats refuses it)"),
        "{}",
        stderr(&strict)
    );
    assert!(!dir.path().join("strict").exists());
}

#[test]
fn a_default_or_a_step_the_client_cannot_use_is_left_out_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let output = generate(
        &fixture("generator/fidelity.yaml"),
        &dir.path().join("fidelity"),
        &["--no-format"],
    );
    assert_exit(&output, 0);
    let stderr = stderr(&output);
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|line| line.starts_with("warning:"))
        .collect();
    assert_eq!(warnings.len(), 2, "{stderr}");
    assert!(warnings[0].ends_with("fidelity.yaml#/components/schemas/Shape/properties/anything/multipleOf: `multipleOf` 0 is not a positive number the client can check; it is left out"), "{}", warnings[0]);
    assert!(warnings[1].ends_with("fidelity.yaml#/components/messages/optional_action/payload/properties/enabled/default: the default \"false\" is not a value of the property's own schema; it is left out"), "{}", warnings[1]);
    let messages = std::fs::read_to_string(dir.path().join("fidelity/shapes/messages.py")).unwrap();
    assert!(
        messages.contains("    enabled: StrictBool | None = None\n"),
        "{messages}"
    );
}
