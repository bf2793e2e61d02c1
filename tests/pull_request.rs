//! `chanx pull-request` against the fake GitHub API: every scenario of the
//! pull request's life, the failures, the GHES prefix, and after each one the
//! files on the branch are what `generate-client` writes and what `check`
//! accepts. Every request is checked against GitHub's API description.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::{Command, Output};

mod github;
mod util;
use github::{FakeGitHub, Fault, OWNER, REPO, TOKEN};
use serde_json::{json, Value};
use util::{assert_exit, chanx, fixture, remove_channel, stderr, stdout, SHOWCASE};

const DIR: &str = "clients/my_client";
const BRANCH: &str = "chanx/clients-my_client";

struct Scene {
    github: FakeGitHub,
    work: tempfile::TempDir,
}

impl Scene {
    fn new(prefix: &str) -> Scene {
        let files = BTreeMap::from([("README.md".to_string(), b"# app\n".to_vec())]);
        let scene = Scene {
            github: FakeGitHub::start(prefix, &files),
            work: tempfile::tempdir().unwrap(),
        };
        std::fs::copy(fixture(SHOWCASE), scene.schema()).unwrap();
        scene
    }

    fn schema(&self) -> PathBuf {
        self.work.path().join("asyncapi.json")
    }

    fn run(&self, extra: &[&str]) -> Output {
        self.run_with_token(TOKEN, extra)
    }

    fn run_with_token(&self, token: &str, extra: &[&str]) -> Output {
        let api_url = self.github.api_url();
        let mut args = vec![
            "pull-request",
            "--schema",
            "asyncapi.json",
            "--output",
            DIR,
            "--repo",
            "acme/app",
            "--api-url",
            &api_url,
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        Command::new(env!("CARGO_BIN_EXE_chanx"))
            .args(&args)
            .current_dir(self.work.path())
            .env("PATH", "")
            .env("GITHUB_TOKEN", token)
            .env_remove("GITHUB_OUTPUT")
            .output()
            .unwrap()
    }

    fn outcome(&self, extra: &[&str]) -> Value {
        let output = self.run(extra);
        assert_exit(&output, 0);
        assert!(
            !stdout(&output).contains(TOKEN) && !stderr(&output).contains(TOKEN),
            "the token leaked"
        );
        serde_json::from_str(stdout(&output).trim()).unwrap()
    }

    fn edit_schema(&self, edit: impl FnOnce(&mut Value)) {
        let mut document: Value =
            serde_json::from_str(&std::fs::read_to_string(self.schema()).unwrap()).unwrap();
        edit(&mut document);
        std::fs::write(self.schema(), document.to_string()).unwrap();
    }

    /// What `generate-client` writes for the current schema.
    fn generated(&self) -> BTreeMap<String, Vec<u8>> {
        let out = self.work.path().join("fresh").join("my_client");
        let _ = std::fs::remove_dir_all(&out);
        assert_exit(&util::generate(&self.schema(), &out, &[]), 0);
        util::read_tree(&out)
    }

    /// The files on a branch are exactly a fresh generation, and `check` agrees.
    fn assert_branch_is_fresh(&self, branch: &str) {
        let on_branch = self.github.with(|state| state.files_on(branch, DIR));
        assert_eq!(
            on_branch.keys().collect::<Vec<_>>(),
            self.generated().keys().collect::<Vec<_>>()
        );
        assert_eq!(on_branch, self.generated(), "files on {branch}");
        let checkout = self.work.path().join("checkout").join("my_client");
        let _ = std::fs::remove_dir_all(&checkout);
        for (path, bytes) in &on_branch {
            let target = checkout.join(path);
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            std::fs::write(target, bytes).unwrap();
        }
        let schema = self.schema();
        let check = chanx(&[
            "check",
            "--schema",
            schema.to_str().unwrap(),
            "--output",
            checkout.to_str().unwrap(),
        ]);
        assert_exit(&check, 0);
    }

    fn writes_since(&self, start: usize) -> Vec<String> {
        self.github.with(|state| {
            state.log[start..]
                .iter()
                .filter(|request| request.method != "GET")
                .map(|request| format!("{} {}", request.method, request.path))
                .collect()
        })
    }

    fn log_len(&self) -> usize {
        self.github.with(|state| state.log.len())
    }

    /// Answers the next `times` requests `method` makes to a path containing
    /// `path_contains` with `status` and `body`.
    fn fail(
        &self,
        method: &'static str,
        path_contains: &'static str,
        status: u16,
        body: Value,
        times: usize,
    ) {
        self.github.with(|state| {
            state.faults.push(Fault {
                method,
                path_contains,
                status,
                headers: Vec::new(),
                body,
                times,
            })
        });
    }

    fn assert_no_violations(&self) {
        let violations = self.github.with(|state| state.violations.clone());
        assert!(
            violations.is_empty(),
            "requests outside GitHub's API description:\n{}",
            violations.join("\n")
        );
    }

    /// Merges the pull request branch into main, as a user would.
    fn merge(&self) {
        self.github.with(|state| {
            let files: BTreeMap<String, Vec<u8>> = state
                .files_on(BRANCH, DIR)
                .into_iter()
                .map(|(path, bytes)| (format!("{DIR}/{path}"), bytes))
                .collect();
            state.commit_files("main", &files, "Merge the generated client");
        });
    }
}

#[test]
fn the_first_run_opens_a_pull_request_and_a_rerun_changes_nothing() {
    let scene = Scene::new("");
    let outcome = scene.outcome(&["--label", "generated", "--label", "api"]);
    assert_eq!(outcome["operation"], "created");
    assert_eq!(outcome["number"], 1);
    assert_eq!(outcome["branch"], BRANCH);
    assert!(outcome["files"]
        .as_array()
        .unwrap()
        .iter()
        .any(|file| file["path"] == "clients/my_client/chat/client.py"));
    let pull = scene.github.with(|state| state.pulls[0].clone());
    assert_eq!(
        (pull.state.as_str(), pull.base.as_str(), pull.head.as_str()),
        ("open", "main", BRANCH)
    );
    assert_eq!(pull.labels, ["generated", "api"]);
    assert!(pull
        .body
        .contains("<!-- chanx-client: clients/my_client -->"));
    assert!(pull
        .body
        .contains("chanx generate-client --schema asyncapi.json --output clients/my_client"));
    assert!(pull.body.contains("| `chat/client.py` | added |"));
    assert!(pull.body.contains("```diff"));
    assert_eq!(
        outcome["head_sha"],
        scene
            .github
            .with(|state| state.refs[&format!("refs/heads/{BRANCH}")].clone())
    );
    scene.assert_branch_is_fresh(BRANCH);

    let start = scene.log_len();
    let again = scene.outcome(&["--label", "generated", "--label", "api"]);
    assert_eq!(again["operation"], "none");
    assert_eq!(again["number"], 1);
    assert_eq!(
        scene.writes_since(start),
        Vec::<String>::new(),
        "an identical rerun writes nothing"
    );
    assert_eq!(scene.github.with(|state| state.pulls.len()), 1);
    scene.assert_no_violations();
}

#[test]
fn a_schema_change_updates_the_branch_and_the_pull_request() {
    let scene = Scene::new("");
    scene.outcome(&[]);
    let first_head = scene
        .github
        .with(|state| state.refs[&format!("refs/heads/{BRANCH}")].clone());
    scene.edit_schema(|document| {
        document["components"]["schemas"]["ChatPayload"]["properties"]["mood"] =
            json!({"type": "string"});
    });
    let outcome = scene.outcome(&["--title", "Update the client"]);
    assert_eq!(outcome["operation"], "updated");
    let pull = scene.github.with(|state| state.pulls[0].clone());
    assert_eq!(pull.title, "Update the client");
    assert!(pull.body.contains("mood"), "{}", pull.body);
    assert_ne!(outcome["head_sha"], first_head);
    scene.assert_branch_is_fresh(BRANCH);
    scene.assert_no_violations();
}

#[test]
fn a_removed_channel_deletes_its_files_in_the_commit_and_merged_drift_closes_the_pull_request() {
    let scene = Scene::new("");
    scene.outcome(&[]);
    scene.merge();
    // Merged: nothing differs any more, so the open pull request is closed.
    let closed = scene.outcome(&[]);
    assert_eq!(closed["operation"], "closed");
    assert_eq!(
        scene.github.with(|state| state.pulls[0].state.clone()),
        "closed"
    );
    assert!(scene
        .github
        .with(|state| !state.refs.contains_key(&format!("refs/heads/{BRANCH}"))));

    scene.edit_schema(|document| remove_channel(document, "analytics"));
    let start = scene.log_len();
    let outcome = scene.outcome(&[]);
    assert_eq!(outcome["operation"], "created");
    let deleted: Vec<Value> = scene.github.with(|state| {
        state.log[start..]
            .iter()
            .filter(|request| request.path.ends_with("/git/trees"))
            .flat_map(|request| request.body["tree"].as_array().cloned().unwrap_or_default())
            .filter(|entry| entry["sha"].is_null())
            .collect()
    });
    let paths: Vec<&str> = deleted
        .iter()
        .map(|entry| entry["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "clients/my_client/analytics/__init__.py",
            "clients/my_client/analytics/client.py",
            "clients/my_client/analytics/messages.py"
        ]
    );
    let statuses: BTreeMap<String, String> = outcome["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|file| {
            (
                file["path"].as_str().unwrap().to_string(),
                file["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(statuses["clients/my_client/analytics/client.py"], "stale");
    scene.assert_branch_is_fresh(BRANCH);
    scene.assert_no_violations();
}

#[test]
fn a_branch_with_commits_chanx_did_not_make_needs_force() {
    let scene = Scene::new("");
    scene.outcome(&[]);
    scene.github.with(|state| {
        state.commit_files(
            BRANCH,
            &BTreeMap::from([("notes.md".to_string(), b"mine\n".to_vec())]),
            "A human commit",
        );
    });
    scene.edit_schema(|document| remove_channel(document, "system"));
    let before = scene.github.with(|state| state.refs.clone());
    let refused = scene.run(&[]);
    assert_exit(&refused, 2);
    assert!(
        stderr(&refused).contains("has commits chanx did not make; rerun with --force"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(scene.github.with(|state| state.refs.clone()), before);
    let forced = scene.outcome(&["--force"]);
    assert_eq!(forced["operation"], "updated");
    scene.assert_branch_is_fresh(BRANCH);
    scene.assert_no_violations();
}

#[test]
fn github_enterprise_paths_work() {
    let scene = Scene::new("/api/v3");
    let outcome = scene.outcome(&["--draft", "--base", "main", "--branch", "generated/client"]);
    assert_eq!(outcome["operation"], "created");
    assert!(scene.github.with(|state| state.pulls[0].draft));
    assert!(scene.github.with(|state| state
        .log
        .iter()
        .all(|request| request.path.starts_with("/api/v3/"))));
    scene.assert_branch_is_fresh("generated/client");
    scene.assert_no_violations();
}

#[test]
fn a_bad_token_is_a_one_line_error_that_never_shows_the_token() {
    let scene = Scene::new("");
    let output = scene.run_with_token("wrong-token-5678", &[]);
    assert_exit(&output, 2);
    let message = stderr(&output);
    assert_eq!(
        message
            .lines()
            .filter(|line| line.starts_with("error:"))
            .count(),
        1,
        "{message}"
    );
    assert!(
        message.contains("GitHub rejected the token (401)"),
        "{message}"
    );
    assert!(!message.contains("wrong-token-5678"));
    assert!(scene.writes_since(0).is_empty());

    let mut command = Command::new(env!("CARGO_BIN_EXE_chanx"));
    command
        .args([
            "pull-request",
            "-s",
            "asyncapi.json",
            "-o",
            DIR,
            "--repo",
            "acme/app",
        ])
        .current_dir(scene.work.path())
        .env_remove("GITHUB_TOKEN");
    let output = command.output().unwrap();
    assert_exit(&output, 2);
    assert!(stderr(&output).contains(
        "set GITHUB_TOKEN to a GitHub token with `contents: write` and `pull-requests: write`"
    ));
}

#[test]
fn rate_limits_are_waited_out_and_retried() {
    let scene = Scene::new("");
    scene.github.with(|state| {
        state.faults.push(Fault {
            method: "POST",
            path_contains: "/git/blobs",
            status: 403,
            headers: vec![
                ("retry-after", "1".to_string()),
                ("x-ratelimit-remaining", "0".to_string()),
            ],
            body: json!({"message": "API rate limit exceeded"}),
            times: 2,
        })
    });
    let outcome = scene.outcome(&[]);
    assert_eq!(outcome["operation"], "created");
    let limited = scene.github.with(|state| {
        state
            .log
            .iter()
            .filter(|request| request.status == 403)
            .count()
    });
    assert_eq!(limited, 2);
    scene.assert_branch_is_fresh(BRANCH);
    scene.assert_no_violations();
}

#[test]
fn a_read_only_token_says_which_permissions_are_missing() {
    let scene = Scene::new("");
    scene.fail(
        "POST",
        "/git/blobs",
        403,
        json!({"message": "Resource not accessible by integration"}),
        100,
    );
    let output = scene.run(&[]);
    assert_exit(&output, 2);
    let message = stderr(&output);
    assert!(
        message
            .contains("GitHub refused upload a file (403: Resource not accessible by integration)"),
        "{message}"
    );
    assert!(message.contains("`contents: write` and `pull-requests: write`"));
    assert!(message.contains("forks"));
}

#[test]
fn a_422_names_the_step_and_a_failed_write_leaves_the_branch_alone() {
    let scene = Scene::new("");
    scene.fail(
        "POST",
        "/pulls",
        422,
        json!({"message": "Validation Failed"}),
        1,
    );
    let output = scene.run(&[]);
    assert_exit(&output, 2);
    assert!(
        stderr(&output)
            .contains("GitHub could not create the pull request (422: Validation Failed)"),
        "{}",
        stderr(&output)
    );

    // The next run picks up the branch it made and opens the pull request.
    assert_eq!(scene.outcome(&[])["operation"], "created");

    scene.edit_schema(|document| remove_channel(document, "chat"));
    let before = scene.github.with(|state| state.refs.clone());
    scene.fail(
        "POST",
        "/git/commits",
        500,
        json!({"message": "Server Error"}),
        1,
    );
    let output = scene.run(&[]);
    assert_exit(&output, 2);
    assert!(
        stderr(&output).contains("GitHub failed to create the commit (500"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        scene.github.with(|state| state.refs.clone()),
        before,
        "no branch points at a half-built commit"
    );
    scene.assert_no_violations();
}

#[test]
fn the_contract_check_catches_requests_github_would_not_accept() {
    let problems = github::contract_violations(
        "POST",
        "/repos/acme/app/git/trees",
        "",
        &json!({"tree": [{"path": 1}]}),
    );
    assert!(
        problems.iter().any(|problem| problem.contains("body")),
        "{problems:?}"
    );
    let problems =
        github::contract_violations("PUT", "/repos/acme/app/git/refs/heads/x", "", &json!({}));
    assert!(problems[0].contains("no such operation"), "{problems:?}");
    let problems = github::contract_violations(
        "GET",
        "/repos/acme/app/pulls",
        "head=a:b&colour=red",
        &Value::Null,
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(github::contract_violations(
        "GET",
        "/repos/acme/app/git/ref/heads/chanx/x",
        "",
        &Value::Null
    )
    .is_empty());
}

#[test]
fn a_missing_base_branch_or_repository_is_named() {
    let scene = Scene::new("");
    let output = scene.run(&["--base", "release"]);
    assert_exit(&output, 2);
    assert!(
        stderr(&output).contains("base branch release not found in acme/app"),
        "{}",
        stderr(&output)
    );
    let _ = (OWNER, REPO);
}

#[test]
fn the_token_never_shows_whichever_call_fails() {
    // Each step of a first run, failing every time with an answer that
    // quotes the token back.
    let steps = [
        ("GET", "/repos/", 401),
        ("GET", "/git/ref", 500),
        ("GET", "/git/trees", 404),
        ("POST", "/git/blobs", 403),
        ("POST", "/git/trees", 422),
        ("POST", "/git/commits", 500),
        ("POST", "/git/refs", 422),
        ("GET", "/pulls", 500),
        ("POST", "/pulls", 403),
        ("POST", "/labels", 422),
    ];
    for (method, path_contains, status) in steps {
        let scene = Scene::new("");
        scene.fail(
            method,
            path_contains,
            status,
            json!({"message": format!("rejected {TOKEN}"), "token": TOKEN}),
            usize::MAX,
        );
        let output = scene.run(&["--label", "generated"]);
        assert_exit(&output, 2);
        let text = stdout(&output) + &stderr(&output);
        assert!(
            !text.contains(TOKEN),
            "the token leaked when {method} {path_contains} failed with {status}:\n{text}"
        );
    }

    // Nothing answers at all.
    let scene = Scene::new("");
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let output = scene.run(&["--api-url", &format!("http://{closed}")]);
    assert_exit(&output, 2);
    assert!(!(stdout(&output) + &stderr(&output)).contains(TOKEN));
}

#[cfg(unix)]
#[test]
fn issue_19_a_recorded_formatter_this_machine_lacks_stops_the_pull_request() {
    use std::os::unix::fs::PermissionsExt;
    let scene = Scene::new("");
    // The working copy's client was formatted with ruff 0.17.6.
    let bin = scene.work.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let ruff = bin.join("ruff");
    std::fs::write(
        &ruff,
        "#!/bin/sh\nif [ \"$1\" = --version ]; then echo 'ruff 0.17.6'; exit 0; fi\n\
         shift\nfor f in \"$@\"; do printf '# formatted\\n' >> \"$f\"; done\n",
    )
    .unwrap();
    std::fs::set_permissions(&ruff, std::fs::Permissions::from_mode(0o755)).unwrap();
    let generated = Command::new(env!("CARGO_BIN_EXE_chanx"))
        .args([
            "generate-client",
            "--schema",
            "asyncapi.json",
            "--output",
            DIR,
        ])
        .current_dir(scene.work.path())
        .env("PATH", &bin)
        .output()
        .unwrap();
    assert_exit(&generated, 0);

    // The runner has no ruff: the pull request is not opened with other bytes.
    let output = scene.run(&[]);
    assert_exit(&output, 2);
    assert!(
        stderr(&output).contains("formatted with `ruff format` 0.17.6, but `ruff` is not on PATH"),
        "{}",
        stderr(&output)
    );
    assert!(scene.github.with(|state| state.pulls.is_empty()));
}

#[test]
fn issue_22_a_token_with_a_newline_is_trimmed_or_refused_in_one_line() {
    let scene = Scene::new("");
    let output = scene.run_with_token(&format!("{TOKEN}\n"), &[]);
    assert_exit(&output, 0);
    let broken = scene.run_with_token("test-token\n1234", &[]);
    assert_exit(&broken, 2);
    assert_eq!(
        stderr(&broken),
        "error: GITHUB_TOKEN: the token has a space or control character inside; give the token alone\n"
    );
    assert!(!stderr(&broken).contains("1234"));
}

#[test]
fn issue_22_backticks_in_the_document_cannot_close_the_diff_fence() {
    let scene = Scene::new("");
    scene.edit_schema(|document| {
        document["info"]["description"] =
            "Escapes ``````\n\n# Injected heading\n\n<img src=x>".into();
    });
    assert_exit(&scene.run(&[]), 0);
    let body = scene.github.with(|state| state.pulls[0].body.clone());
    let opening = body
        .lines()
        .find(|line| line.starts_with('`') && line.ends_with("diff"))
        .expect("a fenced diff");
    let fence = opening.trim_end_matches("diff");
    assert!(fence.len() > 6, "{opening}");
    let inside = body.split(opening).nth(1).unwrap();
    let closed_at = inside
        .find(&format!("\n{fence}\n"))
        .expect("the fence closes");
    assert!(
        inside[..closed_at].contains("# Injected heading"),
        "the document's text stays inside the fence"
    );
}

#[test]
fn issue_22_a_plain_http_api_url_is_warned_about() {
    let scene = Scene::new("");
    let output = scene.run(&[]);
    assert_exit(&output, 0);
    let warning = stderr(&output)
        .lines()
        .find(|line| line.starts_with("warning: the API URL"))
        .map(str::to_string)
        .unwrap_or_default();
    assert!(
        warning.starts_with(&format!("warning: the API URL {}", scene.github.api_url()))
            && warning.ends_with("is plain http: the token travels unencrypted"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn issue_22_a_file_chanx_did_not_write_on_the_base_branch_is_not_replaced_without_the_flag() {
    let scene = Scene::new("");
    let notes = b"my notes\n".to_vec();
    scene.github.with(|state| {
        let files = BTreeMap::from([(format!("{DIR}/README.md"), notes.clone())]);
        state.commit_files("main", &files, "Notes of our own");
    });
    let start = scene.log_len();
    let refused = scene.run(&[]);
    assert_exit(&refused, 2);
    assert!(
        stderr(&refused).contains(&format!(
            "{DIR}/README.md: chanx did not write this file (the folder has no .chanx-manifest.json"
        )),
        "{}",
        stderr(&refused)
    );
    assert_eq!(scene.writes_since(start), Vec::<String>::new());

    let outcome = scene.outcome(&["--overwrite-foreign-files"]);
    assert_eq!(outcome["operation"], "created");
    assert!(outcome["files"]
        .as_array()
        .unwrap()
        .iter()
        .any(|file| file["path"] == format!("{DIR}/README.md") && file["status"] == "modified"));
    scene.assert_branch_is_fresh(BRANCH);
    scene.assert_no_violations();
}

#[test]
fn a_breaking_change_heads_the_description_and_labels_the_pull_request() {
    let scene = Scene::new("");
    let first = scene.outcome(&[]);
    // A client new on the base branch has no callers to break.
    assert_eq!(first["breaking"], false);
    assert_eq!(first["api_changes"], json!([]));
    scene.merge();

    // ChatPayload is in what the client receives: a removed field breaks.
    scene.edit_schema(|document| {
        let payload = &mut document["components"]["schemas"]["ChatPayload"];
        payload["properties"]["sender"] = json!({"type": "string"});
    });
    scene.outcome(&[]);
    scene.merge();
    scene.edit_schema(|document| {
        let payload = &mut document["components"]["schemas"]["ChatPayload"];
        payload["properties"]
            .as_object_mut()
            .unwrap()
            .remove("sender");
    });
    let output = scene.run(&["--label", "generated", "--fail-on-breaking"]);
    assert_exit(&output, 1);
    assert!(
        stderr(&output).contains("--fail-on-breaking"),
        "{}",
        stderr(&output)
    );
    let outcome: Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    assert_eq!(outcome["breaking"], true);
    assert_eq!(
        outcome["api_changes"],
        json!([{
            "kind": "field-removed",
            "breaking": true,
            "channel": null,
            "message": "ChatPayload",
            "field": "sender",
            "detail": "sender (\"sender\") is gone",
        }])
    );
    let pull = scene.github.with(|state| state.open_pulls()[0].clone());
    assert_eq!(pull.labels, ["generated", "breaking-change"]);
    assert!(
        pull.body.starts_with(
            "### Client API changes: 1 breaking, 0 compatible\n\n| | change | where | detail |\n| --- | --- | --- | --- |\n| ⚠️ breaking | `field-removed` | ChatPayload.sender | sender (\"sender\") is gone |\n"
        ),
        "{}",
        pull.body
    );
    scene.assert_branch_is_fresh(BRANCH);

    // The same change made compatible: the label goes, and the run passes.
    scene.edit_schema(|document| {
        let payload = &mut document["components"]["schemas"]["ChatPayload"];
        payload["properties"]["sender"] = json!({"type": "string"});
        payload["properties"]["mood"] = json!({"type": "string"});
    });
    let outcome = scene.outcome(&["--label", "generated", "--fail-on-breaking"]);
    assert_eq!(outcome["breaking"], false);
    let pull = scene.github.with(|state| state.open_pulls()[0].clone());
    assert_eq!(pull.labels, ["generated"]);
    assert!(
        pull.body
            .starts_with("### Client API changes: 0 breaking, 1 compatible\n"),
        "{}",
        pull.body
    );
    scene.assert_no_violations();
}

#[test]
fn a_base_without_a_recorded_surface_says_it_cannot_tell() {
    let scene = Scene::new("");
    scene.outcome(&[]);
    scene.merge();
    // The manifest on main as an older chanx wrote it.
    scene.github.with(|state| {
        let path = format!("{DIR}/.chanx-manifest.json");
        let manifest = state.files_on("main", DIR)[".chanx-manifest.json"].clone();
        let mut manifest: Value = serde_json::from_slice(&manifest).unwrap();
        manifest.as_object_mut().unwrap().remove("api");
        let text = serde_json::to_string_pretty(&manifest).unwrap() + "\n";
        state.commit_files(
            "main",
            &BTreeMap::from([(path, text.into_bytes())]),
            "Older manifest",
        );
    });
    scene.edit_schema(|document| remove_channel(document, "analytics"));
    let outcome = scene.outcome(&["--fail-on-breaking"]);
    assert_eq!(outcome["breaking"], false);
    assert_eq!(outcome["api_changes"], Value::Null);
    let note = outcome["api_note"].as_str().unwrap();
    assert!(note.contains("cannot tell"), "{note}");
    let pull = scene.github.with(|state| state.open_pulls()[0].clone());
    assert!(pull.labels.is_empty());
    assert_eq!(pull.body.matches("cannot tell").count(), 1, "{}", pull.body);
    scene.assert_no_violations();
}
