//! Runs `action.yml` the way a GitHub runner runs a composite action: its
//! `${{ }}` expressions and `if:` conditions evaluated, each `run:` step
//! executed by bash with the `GITHUB_OUTPUT`, `GITHUB_ENV`, `GITHUB_PATH` and
//! `GITHUB_STEP_SUMMARY` files, and the action's outputs read back; in all
//! three modes, against the fake GitHub API. `uses:` steps (the cache) are
//! GitHub's own and are skipped; the install step is given the binary under
//! test through `CHANX_BINARY` instead of building one, or downloads it from a
//! fake release served on 127.0.0.1.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Map, Value};

mod github;
mod util;
use github::{FakeGitHub, TOKEN};
use util::{assert_exit, fixture, SHOWCASE};

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
    let mut extra_path: Vec<String> = Vec::new();
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
            .env("RUNNER_TEMP", &temp_as_seen)
            .env("RUNNER_OS", runner.os)
            .env("RUNNER_ARCH", runner.arch)
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
    }
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
    assert_eq!(run.skipped_uses, ["actions/cache@v4"]);

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
        &[],
    );
    assert_eq!(run.failed, Some(2));
    assert!(
        run.stdout.contains(
            "::error title=chanx::no chanx 0.0.1 release for x86_64-unknown-linux-musl at an unknown location"
        ),
        "{}",
        run.stdout
    );
}

/// Serves `files` (URL path to bytes) on 127.0.0.1 until the test ends,
/// answering 404 for anything else; returns the base URL.
fn serve_release(files: BTreeMap<String, Vec<u8>>) -> String {
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
            let (status, body) = match files.get(path) {
                Some(body) => ("200 OK", body.as_slice()),
                None => ("404 Not Found", &b"Not Found"[..]),
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
    let files = BTreeMap::from([
        (
            format!("/v{version}/{name}.sha256"),
            format!("{digest}  {name}\n").into_bytes(),
        ),
        (format!("/v{version}/{name}"), bytes),
    ]);
    serve_release(files)
}

/// Runs the action in check mode with version 9.9.9 released at
/// `fake_release("9.9.9", checksum)`; returns the workspace, the release URL
/// and the run.
fn run_with_release(checksum: Option<&str>) -> (tempfile::TempDir, String, Run) {
    let dir = workspace(true);
    let release = fake_release("9.9.9", checksum);
    let inputs = [
        CLIENT[0],
        CLIENT[1],
        ("version", "9.9.9"),
        ("release-url", &release),
    ];
    let run = run_action(dir.path(), &inputs, &[]);
    (dir, release, run)
}

#[test]
fn installs_the_release_binary_after_checking_its_checksum() {
    let (dir, release, run) = run_with_release(None);
    assert_eq!(run.failed, None, "{}", run.stdout);
    assert!(
        run.stdout.contains(&format!(
            "Installed chanx 9.9.9 (x86_64-unknown-linux-musl) from {release}"
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

#[test]
fn rejects_a_release_whose_checksum_does_not_match() {
    let wrong = "0".repeat(64);
    let (dir, _, run) = run_with_release(Some(&wrong));
    assert_eq!(run.failed, Some(1), "{}", run.stdout);
    assert!(
        run.stdout.contains(&format!(
            "::error title=chanx::the chanx 9.9.9 release for x86_64-unknown-linux-musl does not match its checksum (expected {wrong}, got "
        )),
        "{}",
        run.stdout
    );
    assert!(!dir.path().join(".runner-temp/chanx-action/bin").exists());
    assert!(!dir
        .path()
        .join(".runner-temp/chanx-action/downloads")
        .exists());
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
        .contains("Installed chanx 9.9.9 (x86_64-pc-windows-msvc)"));
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
            .contains("Installed chanx 9.9.9 (x86_64-unknown-linux-musl)"),
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
