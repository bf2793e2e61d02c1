//! Hostile input and faults, round two (issue 22): each test is an attack
//! (a hostile document, URL or environment) followed by the assertion that
//! the README's promise held.

use std::io::{BufRead as _, BufReader, Write as _};
use std::net::TcpListener;

mod util;
use util::{assert_exit, chanx_in, fixture, SHOWCASE};

/// Serves `body` to every request on 127.0.0.1; returns `host:port`.
fn serve_forever(body: Vec<u8>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|read| read > 2) {
                line.clear();
            }
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
