//! One verdict everywhere (issue 19): `check` gives the same answer on every
//! machine, or says why it cannot (exit 2), and never reports drift that
//! only the machine made: the formatter that shaped the files is recorded
//! and reproduced, the tool's required version is enforced, every client of
//! a chanx.toml is reported, and annotations land on the workspace's files.

use std::path::PathBuf;
use std::process::Output;

mod util;
use util::{assert_exit, chanx_in, fixture, stderr, stdout, SHOWCASE};

/// A folder with `asyncapi.json` and a `bin/` for stand-in formatters.
struct Project {
    dir: tempfile::TempDir,
}

impl Project {
    fn new() -> Project {
        let project = Project {
            dir: tempfile::tempdir().unwrap(),
        };
        std::fs::copy(fixture(SHOWCASE), project.path("asyncapi.json")).unwrap();
        project
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    /// `chanx COMMAND --schema asyncapi.json --output my_client EXTRA...`
    /// with `PATH` set to `path`.
    fn run(&self, command: &str, extra: &[&str], path: &str) -> Output {
        let mut args = vec![
            command,
            "--schema",
            "asyncapi.json",
            "--output",
            "my_client",
        ];
        args.extend_from_slice(extra);
        chanx_in(Some(self.dir.path()), &args, path, &[])
    }

    /// A stand-in `ruff` in its own folder: `--version` prints `version`, and
    /// `format` rewraps every file the way a project's own settings would
    /// (here: a comment line appended), so its output differs from ours.
    #[cfg(unix)]
    fn ruff(&self, version: &str) -> String {
        use std::os::unix::fs::PermissionsExt;
        let bin = self.path(&format!("ruff-{version}"));
        std::fs::create_dir_all(&bin).unwrap();
        let script = bin.join("ruff");
        std::fs::write(
            &script,
            format!(
                "#!/bin/sh\nif [ \"$1\" = --version ]; then echo 'ruff {version}'; exit 0; fi\n\
                 shift\nfor f in \"$@\"; do printf '# line-length = 60\\n' >> \"$f\"; done\n"
            ),
        )
        .unwrap();
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        bin.to_string_lossy().into_owned()
    }

    fn manifest(&self) -> serde_json::Value {
        let text = std::fs::read_to_string(self.path("my_client/.chanx-manifest.json")).unwrap();
        serde_json::from_str(&text).unwrap()
    }
}

#[cfg(unix)]
#[test]
fn issue_19_the_formatter_is_recorded_and_reproduced_or_check_says_why() {
    let project = Project::new();
    let ruff = project.ruff("0.17.6");
    assert_exit(&project.run("generate-client", &[], &ruff), 0);
    assert_eq!(
        project.manifest()["formatter"],
        serde_json::json!({"command": "ruff format", "version": "0.17.6"})
    );
    let client = std::fs::read_to_string(project.path("my_client/chat/client.py")).unwrap();
    assert!(client.ends_with("# line-length = 60\n"));

    // The same formatter: the same verdict.
    assert_exit(&project.run("check", &[], &ruff), 0);

    // A runner without ruff: not drift, but exit 2 naming ruff, its version
    // and the fix.
    let without = project.run("check", &[], "");
    assert_exit(&without, 2);
    let message = stderr(&without);
    assert!(
        message.contains("my_client/.chanx-manifest.json: the client was formatted with `ruff format` 0.17.6, but `ruff` is not on PATH")
            && message.contains("pip install ruff==0.17.6"),
        "{message}"
    );
    assert_eq!(
        message
            .lines()
            .filter(|line| line.starts_with("error:"))
            .count(),
        1,
        "{message}"
    );
    assert!(
        !stdout(&without).contains("differs"),
        "{}",
        stdout(&without)
    );

    // Another ruff version: exit 2 naming both versions.
    let newer = project.ruff("0.18.0");
    let other = project.run("check", &[], &newer);
    assert_exit(&other, 2);
    assert!(
        stderr(&other)
            .contains("formatted with `ruff format` 0.17.6, but this machine has version 0.18.0"),
        "{}",
        stderr(&other)
    );
    // generate-client keeps the same rule, so it never rewrites the client
    // with another formatter behind the user's back.
    assert_exit(&project.run("generate-client", &[], ""), 2);
    assert!(
        std::fs::read_to_string(project.path("my_client/chat/client.py"))
            .unwrap()
            .ends_with("# line-length = 60\n")
    );

    // A formatter named by flag wins over the record: a deliberate choice,
    // so the difference is real drift.
    let unformatted = project.run("check", &["--no-format", "--name-only"], "");
    assert_exit(&unformatted, 1);
    assert!(stdout(&unformatted).contains("chat/client.py"));
    // The same command by flag must still be the same version.
    assert_exit(
        &project.run("check", &["--formatter", "ruff  format"], &newer),
        2,
    );
}

#[cfg(unix)]
#[test]
fn issue_19_a_client_written_without_a_formatter_is_checked_without_one() {
    let project = Project::new();
    assert_exit(&project.run("generate-client", &[], ""), 0);
    assert_eq!(project.manifest()["formatter"], serde_json::Value::Null);
    // ruff is on PATH now, but the record says no formatter ran.
    let ruff = project.ruff("0.17.6");
    assert_exit(&project.run("check", &[], &ruff), 0);
    assert_exit(&project.run("generate-client", &[], &ruff), 0);
    assert_eq!(project.manifest()["formatter"], serde_json::Value::Null);
}

#[cfg(unix)]
#[test]
fn issue_19_a_manifest_from_before_the_record_is_no_drift() {
    let project = Project::new();
    assert_exit(&project.run("generate-client", &[], ""), 0);
    let path = project.path("my_client/.chanx-manifest.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let older = text.replace("  \"formatter\": null,\n", "");
    assert_ne!(older, text);
    std::fs::write(&path, &older).unwrap();
    assert_exit(&project.run("check", &[], ""), 0);
}

/// Runs chanx in `dir` with an empty PATH and `env`.
fn chanx_at(dir: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    chanx_in(Some(dir), args, "", env)
}

#[test]
fn issue_19_required_version_refuses_every_command_under_another_chanx() {
    let project = Project::new();
    let running = env!("CARGO_PKG_VERSION");
    let clients = "[[client]]\nschema = \"asyncapi.json\"\noutput = \"my_client\"\n";
    std::fs::write(
        project.path("chanx.toml"),
        format!("required-version = \"{running}\"\n{clients}"),
    )
    .unwrap();
    assert_exit(&chanx_at(project.dir.path(), &["generate-client"], &[]), 0);
    assert_exit(&chanx_at(project.dir.path(), &["check"], &[]), 0);

    std::fs::write(
        project.path("chanx.toml"),
        format!("required-version = \">=99\"\n{clients}"),
    )
    .unwrap();
    for args in [
        &["generate-client"][..],
        &["check"],
        &[
            "check",
            "--schema",
            "asyncapi.json",
            "--output",
            "my_client",
        ],
    ] {
        let output = chanx_at(project.dir.path(), args, &[]);
        assert_exit(&output, 2);
        assert_eq!(
            stderr(&output),
            format!(
                "error: chanx.toml: required-version = \">=99\", but this is chanx {running}; install a chanx that matches (the GitHub Action installs it when required-version is one exact version)\n"
            ),
            "{args:?}"
        );
    }
    let annotated = chanx_at(project.dir.path(), &["check", "--format", "github"], &[]);
    assert_exit(&annotated, 2);
    assert!(
        stdout(&annotated)
            .starts_with("::error file=chanx.toml,title=chanx::chanx.toml: required-version"),
        "{}",
        stdout(&annotated)
    );

    std::fs::write(
        project.path("chanx.toml"),
        format!("required-version = \"latest\"\n{clients}"),
    )
    .unwrap();
    let unreadable = chanx_at(project.dir.path(), &["check"], &[]);
    assert_exit(&unreadable, 2);
    assert!(stderr(&unreadable).contains("\"latest\" is neither a version nor a version specifier"));
}

/// A chanx.toml with a client that drifts and one whose schema is broken.
fn drifting_and_broken(project: &Project) {
    assert_exit(&project.run("generate-client", &[], ""), 0);
    std::fs::write(project.path("my_client/chat/client.py"), "edited = True\n").unwrap();
    std::fs::create_dir_all(project.path("other")).unwrap();
    std::fs::write(
        project.path("broken.json"),
        "{\n  \"asyncapi\": \"3.0.0\",\n  oops\n}\n",
    )
    .unwrap();
    std::fs::write(
        project.path("chanx.toml"),
        "[[client]]\nschema = \"asyncapi.json\"\noutput = \"my_client\"\n\n\
         [[client]]\nschema = \"broken.json\"\noutput = \"other\"\n",
    )
    .unwrap();
}

#[test]
fn issue_19_every_client_is_checked_and_the_worst_verdict_wins() {
    let project = Project::new();
    drifting_and_broken(&project);
    let text = chanx_at(project.dir.path(), &["check", "--name-only"], &[]);
    assert_exit(&text, 2);
    assert!(
        stdout(&text).contains("chat/client.py"),
        "{}",
        stdout(&text)
    );
    assert!(
        stderr(&text).contains("error: broken.json:3:3: invalid JSON"),
        "{}",
        stderr(&text)
    );

    let json = chanx_at(project.dir.path(), &["check", "--format", "json"], &[]);
    assert_exit(&json, 2);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["clients"][0]["output"], "my_client");
    assert_eq!(report["drift"], true);

    let github = chanx_at(project.dir.path(), &["check", "--format", "github"], &[]);
    assert_exit(&github, 2);
    let commands = stdout(&github);
    assert!(
        commands
            .contains("::error file=broken.json,line=3,title=chanx::broken.json:3:3: invalid JSON"),
        "{commands}"
    );
    assert!(
        commands
            .contains("::error file=my_client/chat/client.py,line=1,title=chanx check%3A edited::"),
        "{commands}"
    );

    // Generating goes on past the broken client too.
    let generated = chanx_at(project.dir.path(), &["generate-client"], &[]);
    assert_exit(&generated, 2);
    assert_ne!(
        std::fs::read_to_string(project.path("my_client/chat/client.py")).unwrap(),
        "edited = True\n"
    );
}

#[test]
fn issue_19_annotations_and_outputs_are_relative_to_the_workspace() {
    let workspace = tempfile::tempdir().unwrap();
    let project = workspace.path().join("services/chat");
    std::fs::create_dir_all(&project).unwrap();
    std::fs::copy(fixture(SHOWCASE), project.join("asyncapi.json")).unwrap();
    let args = ["--schema", "asyncapi.json", "--output", "my_client"];
    assert_exit(
        &chanx_at(&project, &[&["generate-client"][..], &args].concat(), &[]),
        0,
    );
    std::fs::write(project.join("my_client/chat/client.py"), "edited = True\n").unwrap();
    let outputs = workspace.path().join("outputs.txt");
    let summary = workspace.path().join("summary.md");
    let env = [
        ("GITHUB_WORKSPACE", workspace.path().to_str().unwrap()),
        ("GITHUB_OUTPUT", outputs.to_str().unwrap()),
        ("GITHUB_STEP_SUMMARY", summary.to_str().unwrap()),
    ];
    let check = chanx_at(
        &project,
        &[&["check", "--format", "github"][..], &args].concat(),
        &env,
    );
    assert_exit(&check, 1);
    assert!(
        stdout(&check).contains("::error file=services/chat/my_client/chat/client.py,line=1,"),
        "{}",
        stdout(&check)
    );
    let written = std::fs::read_to_string(&outputs).unwrap();
    assert!(
        written.contains("changed-files=[\"services/chat/my_client/chat/client.py\"]"),
        "{written}"
    );
    assert!(std::fs::read_to_string(&summary)
        .unwrap()
        .contains("services/chat/my_client/chat/client.py"));

    // A bad schema is annotated on its file, from the workspace too.
    std::fs::write(project.join("asyncapi.json"), "{\"asyncapi\": ").unwrap();
    let broken = chanx_at(
        &project,
        &[&["check", "--format", "github"][..], &args].concat(),
        &env,
    );
    assert_exit(&broken, 2);
    assert!(
        stdout(&broken)
            .starts_with("::error file=services/chat/asyncapi.json,line=1,title=chanx::"),
        "{}",
        stdout(&broken)
    );
}

/// Runs chanx in `dir` with `input` on its standard input.
fn chanx_with_stdin(dir: &std::path::Path, args: &[&str], input: &[u8]) -> Output {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_chanx"))
        .args(args)
        .current_dir(dir)
        .env("PATH", "")
        .env_remove("GITHUB_STEP_SUMMARY")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn issue_19_the_document_can_come_from_standard_input() {
    let project = Project::new();
    let document = std::fs::read(project.path("asyncapi.json")).unwrap();
    let from_stdin = ["--schema", "-", "--output", "my_client"];
    assert_exit(
        &chanx_with_stdin(
            project.dir.path(),
            &[&["generate-client"][..], &from_stdin].concat(),
            &document,
        ),
        0,
    );
    // The same document from its file: the same client.
    assert_exit(&project.run("check", &[], ""), 0);
    assert_exit(
        &chanx_with_stdin(
            project.dir.path(),
            &[&["check"][..], &from_stdin].concat(),
            &document,
        ),
        0,
    );
    let broken = chanx_with_stdin(
        project.dir.path(),
        &[&["check"][..], &from_stdin].concat(),
        b"{",
    );
    assert_exit(&broken, 2);
    assert!(
        stderr(&broken).contains("error: <stdin>:1:1: invalid JSON"),
        "{}",
        stderr(&broken)
    );
}

/// Serves, to every request on 127.0.0.1, the showcase document with its
/// server's host set from the request's `Host` header, as a chanx server
/// does; returns the port.
fn serve_host_echoing_document() -> u16 {
    use std::io::Write as _;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let template: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixture(SHOWCASE)).unwrap()).unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let host = util::read_request_head(&stream)
                .iter()
                .find_map(|line| {
                    let lower = line.to_ascii_lowercase();
                    lower
                        .strip_prefix("host:")
                        .map(|value| value.trim().to_string())
                })
                .unwrap_or_default();
            let mut document = template.clone();
            document["servers"] = serde_json::json!({
                "development": {"host": host, "protocol": "ws"}
            });
            let body = serde_json::to_vec(&document).unwrap();
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(&body);
        }
    });
    port
}

#[test]
fn issue_19_the_same_server_under_another_host_name_is_the_same_client() {
    let project = Project::new();
    let port = serve_host_echoing_document();
    let through = |host: &str| format!("http://{host}:{port}/asyncapi.json");
    let localhost = through("localhost");
    let generated = chanx_at(
        project.dir.path(),
        &[
            "generate-client",
            "--schema",
            &localhost,
            "--output",
            "my_client",
        ],
        &[],
    );
    assert_exit(&generated, 0);
    assert!(
        stderr(&generated).contains(&format!(
            "The document's server is localhost:{port}, the host it was fetched from"
        )),
        "{}",
        stderr(&generated)
    );
    let client = std::fs::read_to_string(project.path("my_client/chat/client.py")).unwrap();
    assert!(!client.contains("server_url"), "{client}");
    let loopback = through("127.0.0.1");
    let check = chanx_at(
        project.dir.path(),
        &["check", "--schema", &loopback, "--output", "my_client"],
        &[],
    );
    assert_exit(&check, 0);

    // --server pins the default server, whatever the document says.
    let pinned = chanx_at(
        project.dir.path(),
        &[
            "generate-client",
            "--schema",
            &loopback,
            "--output",
            "pinned",
            "--server",
            "wss://chat.example.com/",
        ],
        &[],
    );
    assert_exit(&pinned, 0);
    let client = std::fs::read_to_string(project.path("pinned/chat/client.py")).unwrap();
    assert!(
        client.contains("    server_url = \"wss://chat.example.com\"\n"),
        "{client}"
    );
    let readme = std::fs::read_to_string(project.path("pinned/README.md")).unwrap();
    assert!(readme.contains("chat.example.com"));
    let bad = chanx_at(
        project.dir.path(),
        &[
            "check", "--schema", &loopback, "--output", "pinned", "--server", "http://x",
        ],
        &[],
    );
    assert_exit(&bad, 2);
    assert!(stderr(&bad).contains("give host:port or a ws:// or wss:// URL"));
}
