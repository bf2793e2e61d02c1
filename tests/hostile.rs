//! Hostile input and faults, round two (issue 22): each test is an attack
//! (a hostile document, URL or environment) followed by the assertion that
//! the README's promise held.

use std::io::{BufRead as _, BufReader, Write as _};
use std::net::TcpListener;
#[cfg(unix)]
use std::os::unix::fs::FileTypeExt as _;

mod util;
use util::{assert_exit, chanx_in, fixture, rooms_document, SHOWCASE};

/// Serves `body` to every request on 127.0.0.1; returns `host:port`.
fn serve_forever(body: Vec<u8>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            util::read_request_head(&stream);
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(&body);
        }
    });
    address.to_string()
}

#[test]
fn issue_22_credentials_in_a_schema_url_are_never_printed() {
    let host = serve_forever(std::fs::read(fixture(SHOWCASE)).unwrap());
    let url = format!("http://reader:pa55word@{host}/asyncapi.json?access_token=s3cr3t&v=1");
    let dir = tempfile::tempdir().unwrap();
    let outputs = dir.path().join("outputs.txt");
    let summary = dir.path().join("summary.md");
    let env = [
        ("GITHUB_OUTPUT", outputs.to_str().unwrap()),
        ("GITHUB_STEP_SUMMARY", summary.to_str().unwrap()),
        ("GITHUB_WORKSPACE", dir.path().to_str().unwrap()),
    ];
    let mut printed = String::new();
    let mut run = |args: &[&str], code: i32| {
        let output = chanx_in(Some(dir.path()), args, "", &env);
        assert_exit(&output, code);
        printed.push_str(&String::from_utf8_lossy(&output.stdout));
        printed.push_str(&String::from_utf8_lossy(&output.stderr));
    };
    run(
        &["generate-client", "--schema", &url, "--output", "my_client"],
        0,
    );
    std::fs::write(dir.path().join("my_client/chat/client.py"), "edited = 1\n").unwrap();
    for format in ["text", "json", "github"] {
        run(
            &[
                "check",
                "--schema",
                &url,
                "--output",
                "my_client",
                "--format",
                format,
            ],
            1,
        );
    }
    let closed = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let missing = format!("http://reader:pa55word@{closed}/asyncapi.json?access_token=s3cr3t");
    run(
        &[
            "check",
            "--schema",
            &missing,
            "--output",
            "my_client",
            "--format",
            "github",
        ],
        2,
    );
    printed.push_str(&std::fs::read_to_string(&outputs).unwrap_or_default());
    printed.push_str(&std::fs::read_to_string(&summary).unwrap_or_default());
    assert!(printed.contains("access_token=***"), "{printed}");
    for secret in ["pa55word", "s3cr3t"] {
        assert!(
            !printed.contains(secret),
            "{secret} was printed:\n{printed}"
        );
    }
}

#[test]
fn issue_22_document_text_cannot_forge_workflow_commands_or_reach_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let mut document: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixture(SHOWCASE)).unwrap()).unwrap();
    document["info"]["title"] =
        "Chat\u{1b}[31m red\n::error file=x::forged\r::stop-commands::token".into();
    document["info"]["version"] = "1.0\n::warning::forged".into();
    std::fs::write(
        dir.path().join("asyncapi.json"),
        serde_json::to_vec(&document).unwrap(),
    )
    .unwrap();
    let output = chanx_in(
        Some(dir.path()),
        &[
            "generate-client",
            "--schema",
            "asyncapi.json",
            "--output",
            "my_client",
        ],
        "",
        &[],
    );
    assert_exit(&output, 0);
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!printed.contains('\u{1b}'), "{printed}");
    assert!(!printed.contains('\r'), "{printed}");
    for line in printed.lines() {
        assert!(
            !line.trim_start().starts_with("::"),
            "a forged command: {line}"
        );
    }
    assert!(
        printed.contains("Title: Chat\\u{1b}[31m red\\n::error file=x::forged"),
        "{printed}"
    );
}

#[test]
fn issue_22_a_line_break_in_an_address_cannot_run_in_the_readme_example() {
    let dir = tempfile::tempdir().unwrap();
    let address = "/ws/{room}\r__import__('os').system('touch PWNED')\n#";
    let document = serde_json::json!({
        "asyncapi": "3.0.0",
        "info": {"title": "Rooms", "version": "1"},
        "channels": {"rooms": {
            "address": address,
            "parameters": {"room": {}},
            "messages": {"ping": {"payload": {"type": "object", "properties": {"action": {"const": "ping"}}}}}
        }},
        "operations": {"ping": {"action": "receive", "channel": {"$ref": "#/channels/rooms"}}}
    });
    std::fs::write(dir.path().join("asyncapi.json"), document.to_string()).unwrap();
    let output = chanx_in(
        Some(dir.path()),
        &[
            "generate-client",
            "--schema",
            "asyncapi.json",
            "--output",
            "rooms_client",
        ],
        "",
        &[],
    );
    assert_exit(&output, 0);
    let readme = std::fs::read_to_string(dir.path().join("rooms_client/README.md")).unwrap();
    assert!(!readme.contains('\r'), "{readme:?}");
    let comment = readme
        .lines()
        .find(|line| line.starts_with("# connects to"))
        .expect("the example's comment");
    assert!(comment.contains("\\u{d}__import__('os')"), "{comment}");
    assert!(comment.ends_with("\\u{a}#"), "{comment}");
}

#[test]
fn issue_22_http_timeout_limits_the_whole_request_of_a_trickling_server() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        let Ok((mut stream, _)) = listener.accept() else {
            return;
        };
        util::read_request_head(&stream);
        let _ = write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{{"
        );
        // One byte every 0.3 s, for up to a minute: each read is quick,
        // the whole never ends in time.
        for _ in 0..200 {
            std::thread::sleep(std::time::Duration::from_millis(300));
            if stream.write_all(b" ").is_err() {
                return;
            }
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let url = format!("http://{address}/asyncapi.json");
    let output = chanx_in(
        Some(dir.path()),
        &[
            "generate-client",
            "--schema",
            &url,
            "--output",
            "c",
            "--http-timeout",
            "2",
        ],
        "",
        &[],
    );
    assert_exit(&output, 2);
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("the whole request took longer than 2 s (--http-timeout raises it)"),
        "{message}"
    );
}

#[cfg(unix)]
#[test]
fn issue_22_a_named_pipe_at_a_generated_path_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture(SHOWCASE), dir.path().join("asyncapi.json")).unwrap();
    let args = ["--schema", "asyncapi.json", "--output", "my_client"];
    assert_exit(
        &chanx_in(
            Some(dir.path()),
            &[&["generate-client"][..], &args].concat(),
            "",
            &[],
        ),
        0,
    );
    let target = dir.path().join("my_client/chat/client.py");
    std::fs::remove_file(&target).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&target)
        .status()
        .unwrap();
    assert!(made.success());
    for command in ["check", "generate-client"] {
        let output = chanx_in(Some(dir.path()), &[&[command][..], &args].concat(), "", &[]);
        assert_exit(&output, 2);
        let message = String::from_utf8_lossy(&output.stderr);
        assert!(
            message
                .contains("chat/client.py: is not a regular file (a named pipe, socket or device)"),
            "{command}: {message}"
        );
    }
    assert!(std::fs::symlink_metadata(&target)
        .unwrap()
        .file_type()
        .is_fifo());
}

#[test]
fn issue_22_a_document_without_channels_is_named_in_the_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("empty.json"),
        r#"{"asyncapi": "3.0.0", "info": {"title": "Empty", "version": "1"}}"#,
    )
    .unwrap();
    let output = chanx_in(
        Some(dir.path()),
        &["generate-client", "--schema", "empty.json", "--output", "c"],
        "",
        &[],
    );
    assert_exit(&output, 2);
    assert_eq!(
        String::from_utf8_lossy(&output.stderr)
            .lines()
            .filter(|line| line.starts_with("error:"))
            .collect::<Vec<_>>(),
        ["error: empty.json: the document defines no channels: there is no client to generate"]
    );
}

#[cfg(unix)]
#[test]
fn issue_22_a_symlinked_output_folder_is_refused_however_it_is_spelled() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture(SHOWCASE), dir.path().join("asyncapi.json")).unwrap();
    std::fs::create_dir(dir.path().join("elsewhere")).unwrap();
    std::os::unix::fs::symlink("elsewhere", dir.path().join("link")).unwrap();
    for spelled in ["link", "link/", "link//", "./link/"] {
        let output = chanx_in(
            Some(dir.path()),
            &[
                "generate-client",
                "--schema",
                "asyncapi.json",
                "--output",
                spelled,
            ],
            "",
            &[],
        );
        assert_exit(&output, 2);
        assert!(
            String::from_utf8_lossy(&output.stderr)
                .contains("is a symbolic link; refusing to write through it"),
            "{spelled}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(
            std::fs::read_dir(dir.path().join("elsewhere"))
                .unwrap()
                .count(),
            0,
            "{spelled}"
        );
    }
}

#[test]
fn issue_22_a_users_file_that_looks_temporary_is_never_deleted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture(SHOWCASE), dir.path().join("asyncapi.json")).unwrap();
    let args = [
        "generate-client",
        "--schema",
        "asyncapi.json",
        "--output",
        "my_client",
    ];
    assert_exit(&chanx_in(Some(dir.path()), &args, "", &[]), 0);
    let client = dir.path().join("my_client");
    let users = [
        ".x.chanx-tmp",
        "chat/.notes.chanx-tmp",
        "chat/.client.py.chanx-tmp",
        "chat/.mine.42.chanx-tmp",
    ];
    for name in users {
        std::fs::write(client.join(name), "mine\n").unwrap();
    }
    // What an interrupted run leaves: beside a generated file, with a pid.
    std::fs::write(client.join("chat/.client.py.12345.chanx-tmp"), "half").unwrap();
    assert_exit(&chanx_in(Some(dir.path()), &args, "", &[]), 0);
    for name in users {
        assert_eq!(
            std::fs::read_to_string(client.join(name)).unwrap(),
            "mine\n",
            "{name}"
        );
    }
    assert!(!client.join("chat/.client.py.12345.chanx-tmp").exists());
}

#[test]
fn issue_22_a_second_run_on_one_folder_waits_for_the_first() {
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.json"), rooms_document(20, "before")).unwrap();
    std::fs::write(dir.path().join("b.json"), rooms_document(20, "after")).unwrap();
    let run = |schema: &str| {
        Command::new(env!("CARGO_BIN_EXE_chanx"))
            .args([
                "generate-client",
                "--schema",
                schema,
                "--output",
                "my_client",
            ])
            .current_dir(dir.path())
            .env("PATH", "")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    // The first run holds the folder while it waits for its document.
    let mut first = run("-");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let mut second = run("b.json");
    let mut second_err = BufReader::new(second.stderr.take().unwrap());
    let mut line = String::new();
    let mut waited = false;
    while second_err.read_line(&mut line).unwrap() > 0 {
        if line.starts_with("Waiting for another chanx run that writes my_client") {
            waited = true;
            break;
        }
        line.clear();
    }
    assert!(waited, "the second run did not wait: {line}");
    let mut input = first.stdin.take().unwrap();
    input
        .write_all(&std::fs::read(dir.path().join("a.json")).unwrap())
        .unwrap();
    drop(input);
    assert!(first.wait().unwrap().success());
    assert!(second.wait().unwrap().success());
    let check = chanx_in(
        Some(dir.path()),
        &["check", "--schema", "b.json", "--output", "my_client"],
        "",
        &[],
    );
    assert_exit(&check, 0);
}

#[test]
fn issue_22_a_refused_write_leaves_the_previous_client_exactly_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.json"), rooms_document(30, "before")).unwrap();
    std::fs::write(dir.path().join("b.json"), rooms_document(20, "after")).unwrap();
    let run = |schema: &str| {
        chanx_in(
            Some(dir.path()),
            &[
                "generate-client",
                "--schema",
                schema,
                "--output",
                "my_client",
            ],
            "",
            &[],
        )
    };
    assert_exit(&run("a.json"), 0);
    let client = dir.path().join("my_client");
    // A generated file's path has become a folder.
    std::fs::remove_file(client.join("room5/client.py")).unwrap();
    std::fs::create_dir(client.join("room5/client.py")).unwrap();
    let before = util::read_tree(&client);
    let output = run("b.json");
    assert_exit(&output, 2);
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("room5/client.py: a folder is where a generated file goes"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(util::read_tree(&client), before, "nothing changed");
    // Moved out of the way, the same run removes the stale channels and
    // writes the rest.
    std::fs::remove_dir(client.join("room5/client.py")).unwrap();
    assert_exit(&run("b.json"), 0);
    assert!(!client.join("room25").exists());
    let check = chanx_in(
        Some(dir.path()),
        &["check", "--schema", "b.json", "--output", "my_client"],
        "",
        &[],
    );
    assert_exit(&check, 0);
}

/// A small document in which many schemas `allOf` one wide schema.
fn all_of_amplification(shared: usize, users: usize) -> String {
    let properties: serde_json::Map<String, serde_json::Value> = (0..shared)
        .map(|index| (format!("p{index}"), serde_json::json!({"type": "string"})))
        .collect();
    let mut schemas = serde_json::Map::new();
    schemas.insert(
        "Shared".into(),
        serde_json::json!({"type": "object", "properties": properties}),
    );
    for user in 0..users {
        schemas.insert(
            format!("S{user}"),
            serde_json::json!({"allOf": [{"$ref": "#/components/schemas/Shared"},
                {"type": "object", "properties": {"action": {"const": format!("a{user}")}}}]}),
        );
    }
    one_message_per_schema(schemas, users)
}

/// A document whose one channel receives a message for each of the
/// schemas `S0`… in `schemas`.
fn one_message_per_schema(
    schemas: serde_json::Map<String, serde_json::Value>,
    users: usize,
) -> String {
    let messages: serde_json::Map<String, serde_json::Value> = (0..users)
        .map(|user| {
            let payload = serde_json::json!({"$ref": format!("#/components/schemas/S{user}")});
            (
                format!("M{user}"),
                serde_json::json!({ "payload": payload }),
            )
        })
        .collect();
    let refs: Vec<_> = (0..users)
        .map(|user| serde_json::json!({"$ref": format!("#/components/messages/M{user}")}))
        .collect();
    serde_json::json!({"asyncapi": "3.0.0", "info": {"title": "Amplified", "version": "1"},
        "channels": {"c": {"address": "/c"}},
        "operations": {"receive": {"action": "receive", "channel": {"$ref": "#/channels/c"}, "messages": refs}},
        "components": {"schemas": schemas, "messages": messages}})
    .to_string()
}

/// Many channels at one address, each receiving a message of its own: each
/// channel's client receives every one of them.
fn one_connection_amplification(channels: usize) -> String {
    let mut channel_map = serde_json::Map::new();
    let mut operations = serde_json::Map::new();
    for channel in 0..channels {
        channel_map.insert(
            format!("c{channel}"),
            serde_json::json!({"address": "/ws", "messages": {"m": {"payload": {"type": "object",
                "properties": {"action": {"const": format!("a{channel}")}}}}}}),
        );
        operations.insert(
            format!("o{channel}"),
            serde_json::json!({"action": "send", "channel": {"$ref": format!("#/channels/c{channel}")},
                "messages": [{"$ref": format!("#/channels/c{channel}/messages/m")}]}),
        );
    }
    serde_json::json!({"asyncapi": "3.0.0", "info": {"title": "Amplified", "version": "1"},
        "channels": channel_map, "operations": operations})
    .to_string()
}

#[test]
fn issue_22_a_small_document_cannot_amplify_into_unbounded_work() {
    /// Runs `command` on `document` in a folder of its own.
    fn run(command: &str, document: &str) -> (tempfile::TempDir, std::process::Output) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("amplified.json"), document).unwrap();
        let args = [
            command,
            "--schema",
            "amplified.json",
            "--output",
            "client",
            "--no-format",
        ];
        let output = chanx_in(Some(dir.path()), &args, "", &[]);
        (dir, output)
    }
    let cases = [
        (
            all_of_amplification(1_000, 501),
            "the client would have more than 500000 fields in its models",
        ),
        (
            one_connection_amplification(501),
            "the client would have more than 250000 messages over its channels",
        ),
    ];
    for (document, refusal) in cases {
        assert!(document.len() < 200_000, "{}", document.len());
        let (dir, output) = run("generate-client", &document);
        assert_exit(&output, 2);
        let stderr = String::from_utf8_lossy(&output.stderr);
        let errors: Vec<_> = stderr
            .lines()
            .filter(|line| line.starts_with("error:"))
            .collect();
        assert_eq!(errors.len(), 1, "{stderr}");
        assert!(
            errors[0].starts_with(&format!("error: amplified.json: {refusal} (")),
            "{stderr}"
        );
        assert!(!dir.path().join("client").exists());
        // A gate cannot call it drift either.
        let (_, output) = run("check", &document);
        assert_exit(&output, 2);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(refusal), "{stderr}");
    }
    // Smaller, the same shapes generate.
    for document in [
        all_of_amplification(1_000, 100),
        one_connection_amplification(150),
    ] {
        assert_exit(&run("generate-client", &document).1, 0);
    }
}

#[test]
fn issue_22_a_file_chanx_did_not_write_is_never_replaced_without_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let at = |path: &str| dir.path().join(path);
    std::fs::write(at("asyncapi.json"), rooms_document(2, "n")).unwrap();
    let args = |command: &'static str, extra: &[&'static str]| {
        let mut args = vec![command, "--schema", "asyncapi.json", "--output", "client"];
        args.extend_from_slice(extra);
        args
    };
    let run = |args: Vec<&str>| chanx_in(Some(dir.path()), &args, "", &[]);

    // A new output folder that already holds the user's README.md.
    std::fs::create_dir(at("client")).unwrap();
    std::fs::write(at("client/README.md"), "my notes\n").unwrap();
    let refused = run(args("generate-client", &["--no-format"]));
    assert_exit(&refused, 2);
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("client/README.md: chanx did not write this file (the folder has no .chanx-manifest.json"),
        "{stderr}"
    );
    assert!(stderr.contains("--overwrite-foreign-files"), "{stderr}");
    assert_eq!(util::files_under(&at("client")), ["README.md"]);
    assert_eq!(
        std::fs::read_to_string(at("client/README.md")).unwrap(),
        "my notes\n"
    );
    let check = run(args("check", &["--no-format", "--format", "json"]));
    assert_exit(&check, 1);
    let report: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    let readme = report["clients"][0]["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|file| file["path"] == "README.md")
        .unwrap();
    assert_eq!(readme["status"], "conflict");
    assert_exit(
        &run(args("generate-client", &["--no-readme", "--no-format"])),
        0,
    );
    assert_eq!(
        std::fs::read_to_string(at("client/README.md")).unwrap(),
        "my notes\n"
    );

    // A new channel's folder lands on the user's own module.
    std::fs::write(at("asyncapi.json"), rooms_document(3, "n")).unwrap();
    std::fs::create_dir(at("client/room2")).unwrap();
    std::fs::write(at("client/room2/__init__.py"), "MINE = 1\n").unwrap();
    let before = util::read_tree(&at("client"));
    let refused = run(args("generate-client", &["--no-readme", "--no-format"]));
    assert_exit(&refused, 2);
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("client/room2/__init__.py: chanx did not write this file (its .chanx-manifest.json does not list it)"),
        "{stderr}"
    );
    assert_eq!(util::read_tree(&at("client")), before, "nothing changed");
    let check = run(args("check", &["--no-readme", "--no-format"]));
    assert_exit(&check, 1);
    assert!(
        String::from_utf8_lossy(&check.stdout).contains("conflict"),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );

    // Asked for, the file is replaced, and from then on it is chanx's.
    assert_exit(
        &run(args(
            "generate-client",
            &["--no-readme", "--no-format", "--overwrite-foreign-files"],
        )),
        0,
    );
    assert_ne!(
        std::fs::read_to_string(at("client/room2/__init__.py")).unwrap(),
        "MINE = 1\n"
    );
    std::fs::write(at("asyncapi.json"), rooms_document(3, "m")).unwrap();
    assert_exit(
        &run(args("generate-client", &["--no-readme", "--no-format"])),
        0,
    );
    assert_exit(&run(args("check", &["--no-readme", "--no-format"])), 0);
}

/// `users` schemas that each forbid what a wide schema of `width`
/// properties allows: each one's runtime check copies the wide schema.
fn check_amplification(width: usize, users: usize) -> String {
    let properties: serde_json::Map<String, serde_json::Value> = (0..width)
        .map(|index| (format!("p{index}"), serde_json::json!({"type": "string"})))
        .collect();
    let mut schemas = serde_json::Map::new();
    schemas.insert(
        "Wide".into(),
        serde_json::json!({"type": "object", "properties": properties, "required": ["p0"]}),
    );
    for user in 0..users {
        schemas.insert(
            format!("S{user}"),
            serde_json::json!({"type": "object", "properties": {"action": {"const": format!("a{user}")}},
                "not": {"$ref": "#/components/schemas/Wide"}}),
        );
    }
    one_message_per_schema(schemas, users)
}

#[test]
fn issue_21_runtime_schema_checks_are_bounded_one_by_one_and_together() {
    let run = |document: &str| {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("checked.json"), document).unwrap();
        let args = [
            "generate-client",
            "--schema",
            "checked.json",
            "--output",
            "client",
            "--no-format",
        ];
        let output = chanx_in(Some(dir.path()), &args, "", &[]);
        (dir, output)
    };
    // One check over 20 000 values is left out, with a warning naming it.
    let (dir, output) = run(&check_amplification(12_000, 1));
    assert_exit(&output, 0);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "checked.json#/components/schemas/S0: the schema is too large to check at run time"
        ),
        "{stderr}"
    );
    let module = std::fs::read_to_string(dir.path().join("client/c/messages.py")).unwrap();
    assert!(!module.contains("JsonSchema("), "{module}");
    // Just under it, the check is made.
    let (dir, output) = run(&check_amplification(9_000, 1));
    assert_exit(&output, 0);
    let module = std::fs::read_to_string(dir.path().join("client/c/messages.py")).unwrap();
    assert!(module.contains("\"not\": {\"$ref\": \"#r0\"}"), "{module}");
    // Checks that each fit count toward the field limit together.
    let document = check_amplification(5_000, 60);
    assert!(document.len() < 400_000, "{}", document.len());
    let (dir, output) = run(&document);
    assert_exit(&output, 2);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("the client would have more than 500000 fields in its models"),
        "{stderr}"
    );
    assert!(!dir.path().join("client").exists());
}
