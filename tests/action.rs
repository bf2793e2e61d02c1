//! Runs `action.yml` the way a GitHub runner runs a composite action: its
//! `${{ }}` expressions and `if:` conditions evaluated, each `run:` step
//! executed by bash with the `GITHUB_OUTPUT`, `GITHUB_ENV`, `GITHUB_PATH` and
//! `GITHUB_STEP_SUMMARY` files, and the action's outputs read back; in all
//! three modes, against the fake GitHub API. `uses:` steps (the cache) are
//! GitHub's own and are skipped; the install step is given the binary under
//! test through `CHANX_BINARY` instead of building one, or downloads it from a
//! fake release served on 127.0.0.1. `gh` and `cargo` are stand-ins that
//! record how they were called (`cargo install` copies the binary under
//! test), so that no test builds or reaches GitHub.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Map, Value};

mod github;
mod util;
use github::{FakeGitHub, TOKEN};
use util::{assert_exit, fixture, remove_channel, SHOWCASE};

fn action() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("action.yml");
    serde_saphyr::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A tiny evaluator for the expressions the action uses: property paths,
/// string literals, `==`, `!=`, `!`, `&&`, `||` and parentheses.
struct Expression<'a> {
    tokens: Vec<String>,
    position: usize,
    context: &'a Value,
}

fn tokenize(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut index = 0;
    while index < chars.len() {
        let ch = chars[index];
        if ch.is_whitespace() {
            index += 1;
        } else if ch == '\'' {
            let mut literal = String::from("'");
            index += 1;
            while index < chars.len() {
                if chars[index] == '\'' {
                    if chars.get(index + 1) == Some(&'\'') {
                        literal.push('\'');
                        index += 2;
                        continue;
                    }
                    break;
                }
                literal.push(chars[index]);
                index += 1;
            }
            index += 1;
            tokens.push(literal);
        } else if "()!".contains(ch) && !(ch == '!' && chars.get(index + 1) == Some(&'=')) {
            tokens.push(ch.to_string());
            index += 1;
        } else if ["==", "!=", "&&", "||"]
            .iter()
            .any(|op| text[text.char_indices().nth(index).unwrap().0..].starts_with(op))
        {
            tokens.push(chars[index..index + 2].iter().collect());
            index += 2;
        } else {
            let mut word = String::new();
            while index < chars.len()
                && (chars[index].is_alphanumeric() || "._-".contains(chars[index]))
            {
                word.push(chars[index]);
                index += 1;
            }
            assert!(!word.is_empty(), "cannot read expression {text:?}");
            tokens.push(word);
        }
    }
    tokens
}

fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(flag) => *flag,
        Value::String(text) => !text.is_empty(),
        Value::Number(number) => number.as_f64() != Some(0.0),
        _ => true,
    }
}

fn loosely_equal(left: &Value, right: &Value) -> bool {
    match (left, right) {
        (Value::String(a), Value::String(b)) => a.eq_ignore_ascii_case(b),
        _ => left == right,
    }
}

impl Expression<'_> {
    fn evaluate(text: &str, context: &Value) -> Value {
        let mut expression = Expression {
            tokens: tokenize(text),
            position: 0,
            context,
        };
        let value = expression.or();
        assert_eq!(
            expression.position,
            expression.tokens.len(),
            "trailing tokens in {text:?}"
        );
        value
    }

    fn peek(&self) -> Option<&str> {
        self.tokens.get(self.position).map(String::as_str)
    }

    fn next(&mut self) -> String {
        self.position += 1;
        self.tokens[self.position - 1].clone()
    }

    fn or(&mut self) -> Value {
        let mut value = self.and();
        while self.peek() == Some("||") {
            self.next();
            let right = self.and();
            value = if truthy(&value) { value } else { right };
        }
        value
    }

    fn and(&mut self) -> Value {
        let mut value = self.comparison();
        while self.peek() == Some("&&") {
            self.next();
            let right = self.comparison();
            value = if truthy(&value) { right } else { value };
        }
        value
    }

    fn comparison(&mut self) -> Value {
        let left = self.unary();
        match self.peek() {
            Some("==") => {
                self.next();
                Value::Bool(loosely_equal(&left, &self.unary()))
            }
            Some("!=") => {
                self.next();
                Value::Bool(!loosely_equal(&left, &self.unary()))
            }
            _ => left,
        }
    }

    fn unary(&mut self) -> Value {
        if self.peek() == Some("!") {
            self.next();
            return Value::Bool(!truthy(&self.unary()));
        }
        let token = self.next();
        if token == "(" {
            let value = self.or();
            assert_eq!(self.next(), ")");
            return value;
        }
        if let Some(literal) = token.strip_prefix('\'') {
            return Value::String(literal.to_string());
        }
        match token.as_str() {
            "true" => return Value::Bool(true),
            "false" => return Value::Bool(false),
            "null" => return Value::Null,
            _ => {}
        }
        if let Ok(number) = token.parse::<f64>() {
            return json!(number);
        }
        let mut value = self.context;
        for part in token.split('.') {
            value = value.get(part).unwrap_or(&Value::Null);
        }
        value.clone()
    }
}

fn as_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// Replaces every `${{ ... }}` in `text`.
fn substitute(text: &str, context: &Value) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("${{") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("}}").expect("closed expression") + start;
        out.push_str(&as_text(&Expression::evaluate(
            &rest[start + 3..end],
            context,
        )));
        rest = &rest[end + 2..];
    }
    out.push_str(rest);
    out
}

/// `name=value` and `name<<DELIMITER` ... `DELIMITER` lines of a command file.
fn read_command_file(path: &Path) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut values = BTreeMap::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if let Some((name, delimiter)) = line.split_once("<<") {
            let mut value = Vec::new();
            for line in lines.by_ref() {
                if line == delimiter {
                    break;
                }
                value.push(line);
            }
            values.insert(name.to_string(), value.join("\n"));
        } else if let Some((name, value)) = line.split_once('=') {
            values.insert(name.to_string(), value.to_string());
        }
    }
    values
}

struct Run {
    /// Exit code of the step that failed.
    failed: Option<i32>,
    outputs: BTreeMap<String, String>,
    stdout: String,
    summary: String,
    skipped_uses: Vec<String>,
    /// The arguments of each call of the `gh` and `cargo` stand-ins.
    gh_calls: Vec<String>,
    cargo_calls: Vec<String>,
}

/// The `gh` stand-in: exits with `$FAKE_GH_EXIT` (default 0).
const FAKE_GH: &str = r#"#!/usr/bin/env bash
echo "$*" >> "$FAKE_TOOLS_LOG/gh"
exit "${FAKE_GH_EXIT:-0}"
"#;

/// The `cargo` stand-in: `cargo install --root R ...` puts the binary under
/// test in R/bin.
const FAKE_CARGO: &str = r#"#!/usr/bin/env bash
echo "$*" >> "$FAKE_TOOLS_LOG/cargo"
while [ $# -gt 0 ]; do
  if [ "$1" = --root ]; then mkdir -p "$2/bin" && cp "$FAKE_CHANX" "$2/bin/chanx"; fi
  shift
done
"#;

/// A folder with the stand-ins named in `tools` ("gh", "cargo").
fn fake_tools(folder: &Path, tools: &[&str]) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(folder).unwrap();
    for (name, script) in [("gh", FAKE_GH), ("cargo", FAKE_CARGO)] {
        if tools.contains(&name) {
            let path = folder.join(name);
            std::fs::write(&path, script).unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
    }
}

/// The runner the action runs on: `runner.os`, `runner.arch` and
/// `runner.temp`: `.runner-temp` in the workspace, or a path as a step sees
/// it, relative to the workspace (a Windows path keeps its `D:` that way).
struct Runner {
    os: &'static str,
    arch: &'static str,
    temp: Option<&'static str>,
}

const LINUX: Runner = Runner {
    os: "Linux",
    arch: "X64",
    temp: None,
};

/// Runs the action in `workspace` with `inputs` and extra environment.
fn run_action(workspace: &Path, inputs: &[(&str, &str)], env: &[(&str, &str)]) -> Run {
    run_action_on(&LINUX, workspace, inputs, env)
}

fn run_action_on(
    runner: &Runner,
    workspace: &Path,
    inputs: &[(&str, &str)],
    env: &[(&str, &str)],
) -> Run {
    let action = action();
    let runner_temp = workspace.join(runner.temp.unwrap_or(".runner-temp"));
    let temp_as_seen = runner.temp.map_or_else(
        || runner_temp.to_string_lossy().into_owned(),
        str::to_string,
    );
    std::fs::create_dir_all(&runner_temp).unwrap();
    let summary = runner_temp.join("summary.md");
    let mut input_values = Map::new();
    let github = json!({
        "token": "token-from-the-workflow",
        "api_url": "https://api.github.com",
        "action_path": env!("CARGO_MANIFEST_DIR"),
        "action_repository": env_value(env, "GITHUB_ACTION_REPOSITORY").unwrap_or("chanx/generate-client-action"),
        "action_ref": env_value(env, "GITHUB_ACTION_REF").unwrap_or(""),
        "workspace": workspace.to_string_lossy(),
    });
    let base_context = json!({"github": github, "runner": {"os": runner.os, "arch": runner.arch, "temp": temp_as_seen}});
    for (name, spec) in action["inputs"].as_object().unwrap() {
        let given = inputs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.to_string());
        let value = given
            .unwrap_or_else(|| substitute(spec["default"].as_str().unwrap_or(""), &base_context));
        input_values.insert(name.clone(), Value::String(value));
    }
    for (name, _) in inputs {
        assert!(
            input_values.contains_key(*name),
            "action.yml has no input {name}"
        );
    }
    let mut context = base_context.clone();
    context["inputs"] = Value::Object(input_values);
    context["steps"] = json!({});
    // Beside the workspace, not in runner.temp: a `D:` there would split
    // PATH.
    let tools = workspace.join(".fake-tools");
    let tools_log = workspace.join(".fake-tools-log");
    let _ = std::fs::remove_dir_all(&tools_log);
    std::fs::create_dir_all(&tools_log).unwrap();
    let provided = env_value(env, "FAKE_TOOLS").unwrap_or("gh cargo");
    fake_tools(&tools, &provided.split(' ').collect::<Vec<_>>());
    let mut extra_path: Vec<String> = vec![tools.to_string_lossy().into_owned()];
    let mut extra_env: BTreeMap<String, String> = BTreeMap::new();
    let mut stdout = String::new();
    let mut skipped_uses = Vec::new();
    let mut failed = None;
    for (index, step) in action["runs"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
    {
        if let Some(condition) = step["if"].as_str() {
            let value = if condition.contains("${{") {
                Value::String(substitute(condition, &context))
            } else {
                Expression::evaluate(condition, &context)
            };
            if !truthy(&value) {
                continue;
            }
        }
        if let Some(uses) = step["uses"].as_str() {
            skipped_uses.push(uses.to_string());
            continue;
        }
        assert_eq!(step["shell"], "bash", "every run step names its shell");
        let script = step["run"].as_str().unwrap();
        let script_path = runner_temp.join(format!("step-{index}.sh"));
        std::fs::write(&script_path, script).unwrap();
        let output_file = runner_temp.join(format!("output-{index}"));
        let env_file = runner_temp.join(format!("env-{index}"));
        let path_file = runner_temp.join(format!("path-{index}"));
        for file in [&output_file, &env_file, &path_file] {
            std::fs::write(file, "").unwrap();
        }
        let directory = match step["working-directory"].as_str() {
            Some(dir) => workspace.join(substitute(dir, &context)),
            None => workspace.to_path_buf(),
        };
        let mut path: Vec<String> = extra_path.iter().rev().cloned().collect();
        path.push(std::env::var("PATH").unwrap_or_default());
        let mut command = Command::new("bash");
        command
            .args(["--noprofile", "--norc", "-eo", "pipefail"])
            .arg(&script_path)
            .current_dir(directory)
            .env("PATH", path.join(":"))
            .env("GITHUB_OUTPUT", &output_file)
            .env("GITHUB_ENV", &env_file)
            .env("GITHUB_PATH", &path_file)
            .env("GITHUB_STEP_SUMMARY", &summary)
            .env("GITHUB_ACTION_PATH", env!("CARGO_MANIFEST_DIR"))
            .env("GITHUB_WORKSPACE", workspace)
            .env("GITHUB_REPOSITORY", "acme/app")
            // A closed port: a download the test did not serve fails at
            // once instead of reaching github.com.
            .env("GITHUB_SERVER_URL", "http://127.0.0.1:9")
            .env("RUNNER_TEMP", &temp_as_seen)
            .env("RUNNER_OS", runner.os)
            .env("RUNNER_ARCH", runner.arch)
            .env("FAKE_TOOLS_LOG", &tools_log)
            .env("FAKE_CHANX", env!("CARGO_BIN_EXE_chanx"))
            .env_remove("GITHUB_TOKEN");
        for (key, value) in env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .chain(extra_env.clone())
        {
            command.env(key, value);
        }
        if let Some(step_env) = step["env"].as_object() {
            for (key, value) in step_env {
                command.env(key, substitute(value.as_str().unwrap_or(""), &context));
            }
        }
        let result = command.output().unwrap();
        stdout.push_str(&String::from_utf8_lossy(&result.stdout));
        stdout.push_str(&String::from_utf8_lossy(&result.stderr));
        extra_path.extend(read_command_file_lines(&path_file));
        extra_env.extend(read_command_file(&env_file));
        if let Some(id) = step["id"].as_str() {
            let outputs: Map<String, Value> = read_command_file(&output_file)
                .into_iter()
                .map(|(key, value)| (key, Value::String(value)))
                .collect();
            context["steps"][id] = json!({"outputs": outputs});
        }
        if !result.status.success() {
            failed = result.status.code().or(Some(-1));
            break;
        }
    }
    let outputs = action["outputs"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(name, spec)| {
            (
                name.clone(),
                substitute(spec["value"].as_str().unwrap(), &context),
            )
        })
        .collect();
    Run {
        failed,
        outputs,
        stdout,
        summary: std::fs::read_to_string(&summary).unwrap_or_default(),
        skipped_uses,
        gh_calls: read_command_file_lines(&tools_log.join("gh")),
        cargo_calls: read_command_file_lines(&tools_log.join("cargo")),
    }
}

fn env_value<'a>(env: &[(&str, &'a str)], name: &str) -> Option<&'a str> {
    env.iter()
        .find(|(key, _)| *key == name)
        .map(|(_, value)| *value)
}

fn read_command_file_lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter(|line| !line.is_empty())
        .map(str::to_string)
        .collect()
}

/// A workspace with the showcase document and, if asked, its client.
fn workspace(with_client: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture(SHOWCASE), dir.path().join("asyncapi.json")).unwrap();
    if with_client {
        let out = dir.path().join("clients/my_client");
        assert_exit(
            &util::generate(&dir.path().join("asyncapi.json"), &out, &[]),
            0,
        );
    }
    dir
}

fn binary() -> (&'static str, &'static str) {
    ("CHANX_BINARY", env!("CARGO_BIN_EXE_chanx"))
}

const CLIENT: [(&str, &str); 2] = [("schema", "asyncapi.json"), ("output", "clients/my_client")];

#[test]
fn check_mode_passes_on_a_current_client_and_fails_with_annotations_on_drift() {
    let dir = workspace(true);
    let run = run_action(
        dir.path(),
        &[CLIENT[0], CLIENT[1], ("mode", "check")],
        &[binary()],
    );
    assert_eq!(run.failed, None, "{}", run.stdout);
    assert_eq!(run.outputs["drift"], "false");
    assert_eq!(run.outputs["changed-files"], "[]");
    // A given binary is not cached: only the restore step runs.
    assert_eq!(run.skipped_uses, [CACHE_RESTORE]);

    let client = dir.path().join("clients/my_client/chat/client.py");
    std::fs::write(
        &client,
        std::fs::read_to_string(&client).unwrap() + "# edited\n",
    )
    .unwrap();
    let run = run_action(dir.path(), &[CLIENT[0], CLIENT[1]], &[binary()]);
    assert_eq!(run.failed, Some(1), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("::error file=clients/my_client/chat/client.py,line="),
        "{}",
        run.stdout
    );
    assert!(
        run.summary
            .contains("## chanx check: `clients/my_client` is out of date"),
        "{}",
        run.summary
    );
    assert_eq!(run.outputs["drift"], "true");
    assert_eq!(
        run.outputs["changed-files"],
        r#"["clients/my_client/chat/client.py"]"#
    );
}

#[test]
fn write_mode_regenerates_in_the_workspace() {
    let dir = workspace(false);
    let run = run_action(
        dir.path(),
        &[
            CLIENT[0],
            CLIENT[1],
            ("mode", "write"),
            ("no-readme", "true"),
        ],
        &[binary()],
    );
    assert_eq!(run.failed, None, "{}", run.stdout);
    assert!(dir.path().join("clients/my_client/chat/client.py").exists());
    assert!(!dir.path().join("clients/my_client/README.md").exists());
    let changed: Vec<String> = serde_json::from_str(&run.outputs["changed-files"]).unwrap();
    assert!(
        changed.contains(&"clients/my_client/chat/client.py".to_string()),
        "{changed:?}"
    );
}

#[test]
fn pull_request_mode_opens_a_pull_request_through_the_api() {
    let dir = workspace(false);
    let github = FakeGitHub::start(
        "",
        &BTreeMap::from([("README.md".to_string(), b"# app\n".to_vec())]),
    );
    let api_url = github.api_url();
    let inputs = [
        CLIENT[0],
        CLIENT[1],
        ("mode", "pull-request"),
        ("token", TOKEN),
        ("api-url", api_url.as_str()),
        ("labels", "generated, api\nclients"),
        ("draft", "true"),
    ];
    let run = run_action(dir.path(), &inputs, &[binary()]);
    assert_eq!(run.failed, None, "{}", run.stdout);
    assert_eq!(run.outputs["pull-request-operation"], "created");
    assert_eq!(run.outputs["pull-request-number"], "1");
    assert!(run.outputs["pull-request-url"].ends_with("/acme/app/pull/1"));
    assert!(!run.stdout.contains(TOKEN), "the token is never printed");
    let pull = github.with(|state| state.pulls[0].clone());
    assert_eq!(pull.labels, ["generated", "api", "clients"]);
    assert!(pull.draft);
    assert!(github.with(|state| state.violations.is_empty()));

    let again = run_action(dir.path(), &inputs, &[binary()]);
    assert_eq!(again.outputs["pull-request-operation"], "none");
}

#[test]
fn a_breaking_change_sets_the_output_and_fail_on_breaking_keeps_write_mode_from_writing() {
    let dir = workspace(true);
    let schema = dir.path().join("asyncapi.json");
    let mut document: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&schema).unwrap()).unwrap();
    remove_channel(&mut document, "analytics");
    std::fs::write(&schema, document.to_string()).unwrap();

    let check = run_action(
        dir.path(),
        &[CLIENT[0], CLIENT[1], ("mode", "check")],
        &[binary()],
    );
    assert_eq!(check.failed, Some(1));
    assert_eq!(check.outputs["breaking"], "true");
    assert!(
        check.stdout.contains(
            "::warning file=asyncapi.json,title=chanx%3A breaking change (client-removed)::"
        ),
        "{}",
        check.stdout
    );

    let client = dir.path().join("clients/my_client/analytics/client.py");
    let refused = run_action(
        dir.path(),
        &[
            CLIENT[0],
            CLIENT[1],
            ("mode", "write"),
            ("fail-on-breaking", "true"),
        ],
        &[binary()],
    );
    assert_eq!(refused.failed, Some(1), "{}", refused.stdout);
    assert!(client.exists(), "nothing was written");

    let written = run_action(
        dir.path(),
        &[CLIENT[0], CLIENT[1], ("mode", "write")],
        &[binary()],
    );
    assert_eq!(written.failed, None, "{}", written.stdout);
    assert!(!client.exists());
}

#[test]
fn bad_inputs_fail_the_step_with_an_annotation() {
    let dir = workspace(true);
    let run = run_action(
        dir.path(),
        &[CLIENT[0], CLIENT[1], ("mode", "deploy")],
        &[binary()],
    );
    assert_eq!(run.failed, Some(2));
    assert!(run
        .stdout
        .contains("::error title=chanx::mode must be check, write or pull-request, not 'deploy'"));

    let dir = workspace(true);
    let run = run_action(
        dir.path(),
        &[CLIENT[0], CLIENT[1], ("version", "0.0.1")],
        &[("GITHUB_ACTION_REPOSITORY", "")],
    );
    assert_eq!(run.failed, Some(2));
    assert!(
        run.stdout.contains(
            "::error title=chanx::no release location for chanx 0.0.1: release-url is empty and the action's repository is unknown; use the action's tag for version 0.0.1"
        ),
        "{}",
        run.stdout
    );
}

/// Serves `files` (URL path to bytes) on 127.0.0.1 until the test ends,
/// answering 404 for anything else; returns the base URL.
fn serve_release(files: BTreeMap<String, Vec<u8>>) -> String {
    serve_release_failing_first(files, Vec::new())
}

/// The same, but the first requests, whatever they ask for, get the
/// statuses of `failures` in order.
fn serve_release_failing_first(files: BTreeMap<String, Vec<u8>>, failures: Vec<u16>) -> String {
    let mut failures = failures.into_iter();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request_line = String::new();
            if reader.read_line(&mut request_line).is_err() {
                continue;
            }
            let mut header = String::new();
            while reader.read_line(&mut header).is_ok_and(|read| read > 2) {
                header.clear();
            }
            let path = request_line.split(' ').nth(1).unwrap_or("");
            let failure = failures.next().map(|code| format!("{code} Failing"));
            let (status, body) = match (failure, files.get(path)) {
                (Some(status), _) => (status, &b"Failing"[..]),
                (None, Some(body)) => ("200 OK".to_string(), body.as_slice()),
                (None, None) => ("404 Not Found".to_string(), &b"Not Found"[..]),
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(body);
        }
    });
    format!("http://{address}")
}

/// A release of the binary under test as `version`, the way release.yml
/// packages it, with the checksum file's first field replaced by `checksum`
/// when given.
fn fake_release(version: &str, checksum: Option<&str>) -> String {
    fake_release_for("x86_64-unknown-linux-musl", "chanx", version, checksum)
}

/// The same for `target`, whose archive holds `binary`.
fn fake_release_for(target: &str, binary: &str, version: &str, checksum: Option<&str>) -> String {
    serve_release(release_files(target, binary, version, checksum))
}

/// The files of such a release, by URL path.
fn release_files(
    target: &str,
    binary: &str,
    version: &str,
    checksum: Option<&str>,
) -> BTreeMap<String, Vec<u8>> {
    use sha2::{Digest, Sha256};
    let staging = tempfile::tempdir().unwrap();
    std::fs::copy(env!("CARGO_BIN_EXE_chanx"), staging.path().join(binary)).unwrap();
    let archive = staging.path().join("release.tar.gz");
    let status = Command::new("tar")
        .arg("-czf")
        .arg(&archive)
        .arg("-C")
        .arg(staging.path())
        .arg(binary)
        .status()
        .unwrap();
    assert!(status.success());
    let bytes = std::fs::read(&archive).unwrap();
    let name = format!("chanx-{target}.tar.gz");
    let digest = checksum
        .map(str::to_string)
        .unwrap_or_else(|| format!("{:x}", Sha256::digest(&bytes)));
    BTreeMap::from([
        (
            format!("/v{version}/{name}.sha256"),
            format!("{digest}  {name}\n").into_bytes(),
        ),
        (format!("/v{version}/{name}"), bytes),
    ])
}

/// Runs the action in check mode with version 9.9.9 released at
/// `fake_release("9.9.9", checksum)`; returns the workspace, the release URL
/// and the run.
fn run_with_release(checksum: Option<&str>) -> (tempfile::TempDir, String, Run) {
    let dir = workspace(true);
    let (release, run) = run_with_release_in(dir.path(), checksum, &[]);
    (dir, release, run)
}

/// The same in `dir`, with `env`.
fn run_with_release_in(dir: &Path, checksum: Option<&str>, env: &[(&str, &str)]) -> (String, Run) {
    let release = fake_release("9.9.9", checksum);
    let inputs = [
        CLIENT[0],
        CLIENT[1],
        ("version", "9.9.9"),
        ("release-url", &release),
    ];
    let run = run_action(dir, &inputs, env);
    (release, run)
}

#[test]
fn installs_the_release_binary_after_checking_its_checksum() {
    let (dir, release, run) = run_with_release(None);
    assert_eq!(run.failed, None, "{}", run.stdout);
    assert!(
        run.stdout.contains(&format!(
            "chanx: chanx 9.9.9 for x86_64-unknown-linux-musl, downloaded from {release}/v9.9.9/chanx-x86_64-unknown-linux-musl.tar.gz and verified by its build provenance attestation"
        )),
        "{}",
        run.stdout
    );
    let installed = dir.path().join(".runner-temp/chanx-action/bin/chanx");
    assert_eq!(
        std::fs::read(&installed).unwrap(),
        std::fs::read(env!("CARGO_BIN_EXE_chanx")).unwrap()
    );
    assert_eq!(run.outputs["drift"], "false");
}

/// The step failed with `code` and `message`, and left no binary and no
/// download behind.
fn assert_refused(dir: &Path, run: &Run, code: i32, message: &str) {
    assert_eq!(run.failed, Some(code), "{}", run.stdout);
    assert!(run.stdout.contains(message), "{}", run.stdout);
    let root = dir.join(".runner-temp/chanx-action");
    assert!(!root.join("bin").exists());
    assert!(!root.join("downloads").exists());
}

#[test]
fn rejects_a_release_whose_checksum_does_not_match() {
    let wrong = "0".repeat(64);
    let (dir, _, run) = run_with_release(Some(&wrong));
    assert_refused(
        dir.path(),
        &run,
        1,
        &format!(
            "::error title=chanx::the chanx 9.9.9 release for x86_64-unknown-linux-musl does not match its checksum (expected {wrong}, got "
        ),
    );
}

#[test]
fn inputs_reach_scripts_only_through_the_environment() {
    for step in action()["runs"]["steps"].as_array().unwrap() {
        if let Some(script) = step["run"].as_str() {
            assert!(
                !script.contains("${{"),
                "a run script interpolates an expression:\n{script}"
            );
        }
    }
    let _: PathBuf = PathBuf::new();
}

#[test]
fn issue_19_installs_on_a_windows_runner_whose_temp_folder_has_a_drive_letter() {
    // The stand-in is faithful: GNU tar reads `D:` in an archive name as a
    // remote host, which is what broke the extraction on Windows runners.
    let probe = tempfile::tempdir().unwrap();
    let refused = Command::new("tar")
        .args(["-xzf", "D:\\a\\_temp/archive.tar.gz"])
        .current_dir(probe.path())
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .output()
        .unwrap();
    assert!(!refused.status.success());

    let windows = Runner {
        os: "Windows",
        arch: "X64",
        temp: Some("D:\\a\\_temp"),
    };
    let dir = workspace(true);
    let release = fake_release_for("x86_64-pc-windows-msvc", "chanx.exe", "9.9.9", None);
    let inputs = [
        CLIENT[0],
        CLIENT[1],
        ("version", "9.9.9"),
        ("release-url", &release),
    ];
    let run = run_action_on(&windows, dir.path(), &inputs, &[]);
    assert_eq!(run.failed, None, "{}", run.stdout);
    assert!(run
        .stdout
        .contains("chanx 9.9.9 for x86_64-pc-windows-msvc, downloaded from"));
    assert!(dir
        .path()
        .join("D:\\a\\_temp/chanx-action/bin/chanx.exe")
        .is_file());
    assert_eq!(run.outputs["drift"], "false");
}

#[test]
fn issue_19_every_array_expansion_survives_bash_3_2_under_set_u() {
    // bash 3.2 (macOS runners) calls `"${args[@]}"` of an empty array
    // unbound under `set -u`; only `${args[@]+"${args[@]}"}` is safe.
    let mut checked = 0;
    for step in action()["runs"]["steps"].as_array().unwrap() {
        let Some(script) = step["run"].as_str() else {
            continue;
        };
        let mut rest = script;
        while let Some(at) = rest.find("[@]") {
            let before = &rest[..at];
            let start = before.rfind("${").expect("an expansion");
            let name = &before[start + 2..];
            let guarded = format!("${{{name}[@]+\"${{{name}[@]}}\"}}");
            let from_start = &rest[start..];
            if from_start.starts_with(&format!("${{{name}[@]+")) {
                assert!(
                    from_start.starts_with(&guarded),
                    "unguarded expansion of {name}:\n{script}"
                );
                checked += 1;
                rest = &from_start[guarded.len()..];
            } else {
                panic!("`${{{name}[@]}}` is unbound on bash 3.2 when empty:\n{script}");
            }
        }
    }
    assert!(checked >= 3, "the run step expands its arguments");

    // And the guarded form passes no word for an empty array, every word
    // as it is otherwise.
    let words = Command::new("bash")
        .args([
            "-euc",
            "args=(); printf '<%s>' ${args[@]+\"${args[@]}\"}; args+=('a b' c); printf '<%s>' ${args[@]+\"${args[@]}\"}",
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&words.stdout), "<><a b><c>");
}

#[test]
fn issue_19_a_chanx_toml_without_flags_runs_on_every_runner_shell() {
    // No schema, no output, no flag: the arguments are an empty array.
    let dir = workspace(false);
    std::fs::write(
        dir.path().join("chanx.toml"),
        "[[client]]\nschema = \"asyncapi.json\"\noutput = \"clients/my_client\"\n",
    )
    .unwrap();
    let macos = Runner {
        os: "macOS",
        arch: "ARM64",
        temp: None,
    };
    let run = run_action_on(&macos, dir.path(), &[("mode", "write")], &[binary()]);
    assert_eq!(run.failed, None, "{}", run.stdout);
    assert!(dir.path().join("clients/my_client/chat/client.py").exists());
}

#[test]
fn issue_19_required_version_in_chanx_toml_chooses_the_binary() {
    let dir = workspace(true);
    std::fs::write(
        dir.path().join("chanx.toml"),
        "required-version = \"==9.9.9\"\n\n[[client]]\nschema = \"asyncapi.json\"\noutput = \"clients/my_client\"\n",
    )
    .unwrap();
    let release = fake_release("9.9.9", None);
    let run = run_action(dir.path(), &[("release-url", &release)], &[]);
    assert!(
        run.stdout
            .contains("chanx 9.9.9 for x86_64-unknown-linux-musl, downloaded from"),
        "{}",
        run.stdout
    );
    // The release under test is really this build, which the requirement
    // then refuses, on the file.
    assert_eq!(run.failed, Some(2), "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "::error file=chanx.toml,title=chanx::chanx.toml: required-version = \"==9.9.9\""
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn issue_19_schema_command_feeds_the_document_from_the_app() {
    let dir = workspace(true);
    let inputs = [
        ("schema-command", "cat asyncapi.json"),
        CLIENT[1],
        ("mode", "check"),
    ];
    let run = run_action(dir.path(), &inputs, &[binary()]);
    assert_eq!(run.failed, None, "{}", run.stdout);
    assert_eq!(run.outputs["drift"], "false");

    let failing = [
        ("schema-command", "echo no >&2; exit 3"),
        CLIENT[1],
        ("mode", "check"),
    ];
    let run = run_action(dir.path(), &failing, &[binary()]);
    assert_eq!(run.failed, Some(2), "{}", run.stdout);
    assert!(run
        .stdout
        .contains("::error title=chanx::schema-command failed with exit code 3"));
}

#[test]
fn issue_19_annotations_attach_from_a_working_directory() {
    let dir = tempfile::tempdir().unwrap();
    let service = dir.path().join("services/chat");
    std::fs::create_dir_all(&service).unwrap();
    std::fs::copy(fixture(SHOWCASE), service.join("asyncapi.json")).unwrap();
    assert_exit(
        &util::generate(
            &service.join("asyncapi.json"),
            &service.join("clients/my_client"),
            &[],
        ),
        0,
    );
    std::fs::write(
        service.join("clients/my_client/chat/client.py"),
        "edited = 1\n",
    )
    .unwrap();
    let run = run_action(
        dir.path(),
        &[CLIENT[0], CLIENT[1], ("working-directory", "services/chat")],
        &[binary()],
    );
    assert_eq!(run.failed, Some(1), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("::error file=services/chat/clients/my_client/chat/client.py,line=1,"),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.outputs["changed-files"],
        r#"["services/chat/clients/my_client/chat/client.py"]"#
    );
}

#[test]
fn issue_19_pull_request_outputs_cover_every_client() {
    let dir = workspace(false);
    std::fs::write(
        dir.path().join("chanx.toml"),
        "[[client]]\nschema = \"asyncapi.json\"\noutput = \"clients/one\"\n\n\
         [[client]]\nschema = \"asyncapi.json\"\noutput = \"clients/two\"\n",
    )
    .unwrap();
    let github = FakeGitHub::start(
        "",
        &BTreeMap::from([("README.md".to_string(), b"# app\n".to_vec())]),
    );
    let api_url = github.api_url();
    let inputs = [
        ("mode", "pull-request"),
        ("token", TOKEN),
        ("api-url", api_url.as_str()),
    ];
    let run = run_action(dir.path(), &inputs, &[binary()]);
    assert_eq!(run.failed, None, "{}", run.stdout);
    assert_eq!(run.outputs["pull-request-number"], "[1,2]");
    assert_eq!(
        run.outputs["pull-request-operation"],
        r#"["created","created"]"#
    );
    let pulls: Vec<Value> = serde_json::from_str(&run.outputs["pull-requests"]).unwrap();
    assert_eq!(pulls.len(), 2);
    assert_eq!(pulls[0]["branch"], "chanx/clients-one");
    assert_eq!(pulls[1]["branch"], "chanx/clients-two");
    let changed: Vec<String> = serde_json::from_str(&run.outputs["changed-files"]).unwrap();
    assert!(changed.contains(&"clients/one/chat/client.py".to_string()));
    assert!(changed.contains(&"clients/two/chat/client.py".to_string()));
}

#[test]
fn issue_19_ci_runs_the_action_on_every_kind_of_runner_in_every_mode() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows/ci.yml");
    let ci: Value = serde_saphyr::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let job = &ci["jobs"]["action"];
    let runners: Vec<&str> = job["strategy"]["matrix"]["os"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(
        runners,
        [
            "ubuntu-latest",
            "ubuntu-24.04-arm",
            "macos-latest",
            "windows-latest"
        ]
    );
    assert_eq!(job["runs-on"], "${{ matrix.os }}");
    let steps = job["steps"].as_array().unwrap();
    let modes: Vec<&str> = steps
        .iter()
        .filter(|step| step["uses"] == "./")
        .map(|step| step["with"]["mode"].as_str().unwrap_or("check"))
        .collect();
    for mode in ["write", "check", "pull-request"] {
        assert!(modes.contains(&mode), "{modes:?}");
    }
    let built_here = steps.iter().any(|step| {
        step["run"]
            .as_str()
            .is_some_and(|script| script.contains("CHANX_BINARY="))
    });
    assert!(built_here, "the action runs the binary this job builds");
}

#[test]
fn a_file_chanx_did_not_write_stops_the_action_until_it_is_asked_to_replace_it() {
    let dir = workspace(false);
    let github = FakeGitHub::start(
        "",
        &BTreeMap::from([
            ("README.md".to_string(), b"# app\n".to_vec()),
            (
                "clients/my_client/README.md".to_string(),
                b"my notes\n".to_vec(),
            ),
        ]),
    );
    let api_url = github.api_url();
    let inputs = [
        CLIENT[0],
        CLIENT[1],
        ("mode", "pull-request"),
        ("token", TOKEN),
        ("api-url", api_url.as_str()),
    ];
    let run = run_action(dir.path(), &inputs, &[binary()]);
    assert!(run.failed.is_some(), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("clients/my_client/README.md: chanx did not write this file"),
        "{}",
        run.stdout
    );
    assert!(github.with(|state| state.pulls.is_empty()));

    let mut taking_over = inputs.to_vec();
    taking_over.push(("overwrite-foreign-files", "true"));
    let run = run_action(dir.path(), &taking_over, &[binary()]);
    assert_eq!(run.failed, None, "{}", run.stdout);
    assert_eq!(run.outputs["pull-request-operation"], "created");
}

const CACHE_RESTORE: &str = "actions/cache/restore@27d5ce7f107fe9357f9df03efb73ab90386fccae";
const CACHE_SAVE: &str = "actions/cache/save@27d5ce7f107fe9357f9df03efb73ab90386fccae";
const OWN_VERSION: &str = env!("CARGO_PKG_VERSION");
const MUSL: &str = "x86_64-unknown-linux-musl";

/// The commit the binary under test says it was built from.
fn built_from() -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_chanx"))
        .arg("--version")
        .output()
        .unwrap();
    let version = String::from_utf8(output.stdout).unwrap();
    let commit = version
        .trim()
        .rsplit('(')
        .next()
        .unwrap()
        .trim_end_matches(')');
    assert!(commit.chars().all(|c| c.is_ascii_hexdigit()), "{version}");
    commit.to_string()
}

/// Runs the action in check mode on a current client, with `inputs` on top
/// and `env` (GITHUB_ACTION_REF, FAKE_GH_EXIT, ...).
fn run_install(inputs: &[(&str, &str)], env: &[(&str, &str)]) -> (tempfile::TempDir, Run) {
    let dir = workspace(true);
    let mut all = vec![CLIENT[0], CLIENT[1]];
    all.extend_from_slice(inputs);
    let run = run_action(dir.path(), &all, env);
    (dir, run)
}

#[test]
fn issue_23_a_release_binary_runs_only_after_its_attestation_verifies() {
    let (dir, release, run) = run_with_release(None);
    assert_eq!(run.failed, None, "{}", run.stdout);
    assert_eq!(
        run.gh_calls,
        [format!(
            "attestation verify chanx-{MUSL}.tar.gz --repo chanx/generate-client-action \
             --signer-workflow chanx/generate-client-action/.github/workflows/release.yml \
             --source-ref refs/tags/v9.9.9 --deny-self-hosted-runners"
        )]
    );
    assert!(run.cargo_calls.is_empty(), "{:?}", run.cargo_calls);
    // The log names the binary, its version and how it was verified.
    let installed = dir.path().join(".runner-temp/chanx-action/bin/chanx");
    assert!(run.stdout.contains(&format!(
        "chanx: running {}: chanx {OWN_VERSION} (",
        installed.display()
    )));
    assert!(run.stdout.contains(&format!(
        "downloaded from {release}/v9.9.9/chanx-{MUSL}.tar.gz and verified by its build provenance \
         attestation (gh attestation verify: built by \
         chanx/generate-client-action/.github/workflows/release.yml at tag v9.9.9) and its SHA-256 checksum"
    )), "{}", run.stdout);
    assert_eq!(run.skipped_uses, [CACHE_RESTORE, CACHE_SAVE]);

    // A restored cache runs without a download, and says what it holds.
    let again = run_action(
        dir.path(),
        &[CLIENT[0], CLIENT[1], ("version", "9.9.9")],
        &[],
    );
    assert_eq!(again.failed, None, "{}", again.stdout);
    assert!(again.stdout.contains("chanx: restored from the cache"));
    assert!(again
        .stdout
        .contains("verified by its build provenance attestation"));
    assert!(again.gh_calls.is_empty());
    assert_eq!(again.skipped_uses, [CACHE_RESTORE]);
}

#[test]
fn issue_23_a_release_without_a_valid_attestation_is_refused() {
    let dir = workspace(true);
    let (_, run) = run_with_release_in(dir.path(), None, &[("FAKE_GH_EXIT", "1")]);
    assert_refused(
        dir.path(),
        &run,
        1,
        &format!(
            "::error title=chanx::the chanx 9.9.9 release for {MUSL} has no valid build provenance \
             attestation from chanx/generate-client-action/.github/workflows/release.yml at tag v9.9.9 \
             (gh attestation verify failed); refusing to run it"
        ),
    );
    assert!(run.cargo_calls.is_empty());
}

#[test]
fn issue_23_without_gh_a_release_runs_only_when_its_checksum_is_declared_enough() {
    let release = fake_release("9.9.9", None);
    let no_gh = [("FAKE_TOOLS", "cargo"), ("PATH", "/usr/bin:/bin")];
    let inputs = [("version", "9.9.9"), ("release-url", release.as_str())];
    let (dir, run) = run_install(&inputs, &no_gh);
    assert_refused(
        dir.path(),
        &run,
        2,
        "::error title=chanx::cannot verify the chanx 9.9.9 release: the GitHub CLI (gh) is not on \
         this runner; install it, or set verify: checksum to accept the release on its checksum alone",
    );

    let checksum = [inputs[0], inputs[1], ("verify", "checksum")];
    let (_dir, run) = run_install(&checksum, &no_gh);
    assert_eq!(run.failed, None, "{}", run.stdout);
    assert!(run.stdout.contains(
        "verified by its SHA-256 checksum only (that catches a damaged download, not a forged one)"
    ), "{}", run.stdout);
}

#[test]
fn issue_23_transient_failures_are_retried_and_a_lasting_one_never_builds() {
    let quick = [("CHANX_RETRY_DELAY", "1")];
    let files = release_files(MUSL, "chanx", "9.9.9", None);
    let flaky = serve_release_failing_first(files.clone(), vec![503, 502]);
    let (_dir, run) = run_install(&[("version", "9.9.9"), ("release-url", &flaky)], &quick);
    assert_eq!(run.failed, None, "{}", run.stdout);
    assert!(run
        .stdout
        .contains(&format!("chanx 9.9.9 for {MUSL}, downloaded from {flaky}")));

    // A failure that outlasts the retries fails the step; it does not fall
    // back to minutes of cargo, even for the action's own version.
    let down = serve_release_failing_first(files, vec![500; 20]);
    let inputs = [("version", OWN_VERSION), ("release-url", &down)];
    let (dir, run) = run_install(&inputs, &[quick[0], ("GITHUB_ACTION_REF", "v1")]);
    assert_refused(
        dir.path(),
        &run,
        1,
        &format!(
            "::error title=chanx::downloading {down}/v{OWN_VERSION}/chanx-{MUSL}.tar.gz failed with HTTP 500 \
             (after retries); re-run the job, or set build-from-source: always to build the action's source instead"
        ),
    );
    assert!(run.cargo_calls.is_empty(), "{:?}", run.cargo_calls);
}

#[test]
fn issue_23_a_ref_without_a_release_builds_from_source_and_says_why() {
    let own = fake_release(OWN_VERSION, None);
    let source_build = format!(
        "install --locked --root {{root}} --path {} --features github",
        env!("CARGO_MANIFEST_DIR")
    );

    // A branch: no release binary is built from it.
    let (dir, run) = run_install(&[("release-url", &own)], &[("GITHUB_ACTION_REF", "main")]);
    assert_eq!(run.failed, None, "{}", run.stdout);
    let root = dir.path().join(".runner-temp/chanx-action");
    assert_eq!(
        run.cargo_calls,
        [source_build.replace("{root}", &root.to_string_lossy())]
    );
    assert!(run.stdout.contains(&format!(
        "chanx: building chanx {OWN_VERSION} from the action's source (main ref is not a release, so no \
         release binary is built from it) with cargo install --locked"
    )), "{}", run.stdout);
    assert!(run.stdout.contains(
        "chanx: built from the action's source (chanx/generate-client-action@main) with cargo install --locked"
    ));
    assert!(run.gh_calls.is_empty());
    assert_eq!(run.skipped_uses, [CACHE_RESTORE, CACHE_SAVE]);

    // A commit that is not the release's: the release binary says so.
    let other = "f".repeat(40);
    let (_dir, run) = run_install(&[("release-url", &own)], &[("GITHUB_ACTION_REF", &other)]);
    assert_eq!(run.failed, None, "{}", run.stdout);
    assert_eq!(run.cargo_calls.len(), 1, "{}", run.stdout);
    assert!(
        run.stdout.contains(&format!(
            "(commit {other} is not the release commit of chanx {OWN_VERSION} ({}))",
            built_from()
        )),
        "{}",
        run.stdout
    );

    // The release commit itself, and the moving tag, download.
    let release_commit = format!("{:0<40}", built_from());
    for reference in [release_commit.as_str(), "v1", &format!("v{OWN_VERSION}")] {
        let (_dir, run) = run_install(
            &[("release-url", &own)],
            &[("GITHUB_ACTION_REF", reference)],
        );
        assert_eq!(run.failed, None, "{reference}: {}", run.stdout);
        assert!(run.cargo_calls.is_empty(), "{reference}: {}", run.stdout);
        assert!(run.stdout.contains(&format!(
            "chanx {OWN_VERSION} for {MUSL}, downloaded from {own}"
        )));
    }
}

#[test]
fn issue_23_build_from_source_is_only_what_it_is_asked_to_be() {
    let own = fake_release(OWN_VERSION, None);

    // never: a branch runs the release binary, with a warning.
    let never = [
        ("release-url", own.as_str()),
        ("build-from-source", "never"),
    ];
    let (_dir, run) = run_install(&never, &[("GITHUB_ACTION_REF", "main")]);
    assert_eq!(run.failed, None, "{}", run.stdout);
    assert!(run.cargo_calls.is_empty());
    assert!(run.stdout.contains(&format!(
        "::warning title=chanx::the action's ref main is not a release, and build-from-source is never: \
         running the chanx {OWN_VERSION} release binary, which may be older than this action"
    )), "{}", run.stdout);

    // never, and no release: the step fails instead of building.
    let missing = serve_release(BTreeMap::new());
    let (_dir, run) = run_install(
        &[("release-url", &missing), ("build-from-source", "never")],
        &[("GITHUB_ACTION_REF", "v1")],
    );
    assert_eq!(run.failed, Some(2), "{}", run.stdout);
    assert!(
        run.stdout.contains(&format!(
            "::error title=chanx::no chanx {OWN_VERSION} release for {MUSL} at {missing}; set \
         build-from-source: auto or always to build it"
        )),
        "{}",
        run.stdout
    );
    assert!(run.cargo_calls.is_empty());

    // always: builds even on a release tag, without a download.
    let (_dir, run) = run_install(
        &[("build-from-source", "always")],
        &[("GITHUB_ACTION_REF", &format!("v{OWN_VERSION}"))],
    );
    assert_eq!(run.failed, None, "{}", run.stdout);
    assert_eq!(run.cargo_calls.len(), 1);
    assert!(run.stdout.contains("(build-from-source: always)"));

    // always cannot build another version; a misspelt value is named.
    let (_dir, run) = run_install(
        &[("build-from-source", "always"), ("version", "9.9.9")],
        &[],
    );
    assert_eq!(run.failed, Some(2), "{}", run.stdout);
    assert!(run.stdout.contains(&format!(
        "build-from-source: always builds the action's own source, chanx {OWN_VERSION}, but chanx 9.9.9 is asked for"
    )));
    let (_dir, run) = run_install(&[("build-from-source", "yes")], &[]);
    assert_eq!(run.failed, Some(2), "{}", run.stdout);
    assert!(run.stdout.contains(
        "::error title=chanx::build-from-source must be auto, always or never, not 'yes'"
    ));
}

#[test]
fn issue_23_the_cache_is_saved_right_after_the_install_whatever_follows() {
    let steps = action()["runs"]["steps"].as_array().unwrap().clone();
    let position = |name: &str| {
        steps
            .iter()
            .position(|step| step["name"] == name)
            .unwrap_or_else(|| panic!("no step {name}"))
    };
    let install = position("Install chanx");
    assert_eq!(position("Restore the chanx binary") + 1, install);
    let save = &steps[install + 1];
    assert_eq!(save["name"], "Save the chanx binary");
    assert_eq!(save["uses"], CACHE_SAVE.to_string() + "");
    assert_eq!(save["if"], "steps.install.outputs.cacheable == 'true'");
    assert_eq!(
        save["with"]["key"],
        steps[install - 1]["with"]["key"],
        "saved under the key it is restored from"
    );

    // A check that finds drift fails the job after the save has run.
    let dir = workspace(true);
    std::fs::write(
        dir.path().join("clients/my_client/chat/client.py"),
        "# edited\n",
    )
    .unwrap();
    let (_, run) = run_with_release_in(dir.path(), None, &[]);
    assert_eq!(run.failed, Some(1), "{}", run.stdout);
    assert_eq!(run.outputs["drift"], "true");
    assert_eq!(run.skipped_uses, [CACHE_RESTORE, CACHE_SAVE]);
}

#[test]
fn issue_23_the_marketplace_accepts_the_description() {
    let description = action()["description"].as_str().unwrap().to_string();
    assert!(description.chars().count() < 125, "{description}");
    assert!(description.contains("AsyncAPI"));
}

#[test]
fn issue_24_every_client_option_is_an_input_passed_as_its_flag() {
    let action = action();
    let run_step = action["runs"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|step| step["id"] == "run")
        .unwrap()
        .clone();
    let script = run_step["run"].as_str().unwrap();
    for key in chanx_codegen::options::ClientOptions::keys() {
        let input = key.replace('_', "-");
        assert!(
            action["inputs"].get(&input).is_some(),
            "action.yml has no input {input}"
        );
        let variable = format!("CHANX_{}", key.to_uppercase());
        assert_eq!(
            run_step["env"][&variable],
            format!("${{{{ inputs.{input} }}}}"),
            "{variable}"
        );
        assert!(
            script.contains(&format!("args+=(--{input}")),
            "the run step never passes --{input}"
        );
    }
}

#[test]
fn issue_24_client_options_given_as_inputs_reach_the_client() {
    let dir = workspace(false);
    let inputs = [
        CLIENT[0],
        CLIENT[1],
        ("mode", "write"),
        ("no-readme", "true"),
        ("server", "wss://chat.example.com"),
    ];
    let run = run_action(dir.path(), &inputs, &[binary()]);
    assert_eq!(run.failed, None, "{}", run.stdout);
    let client = dir.path().join("clients/my_client");
    assert!(!client.join("README.md").exists());
    let base = std::fs::read_to_string(client.join("chat/client.py")).unwrap();
    assert!(base.contains("chat.example.com"), "{base}");
}
