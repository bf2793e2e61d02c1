//! `chanx check`: each kind of drift gives the exact statuses and exit code,
//! the reports match their snapshots, and, as a property over random edits,
//! check reports exactly the files generate-client then changes.
//!
//! Snapshots live in `tests/snapshots/`; `CHANX_BLESS=1 cargo test --test
//! check` rewrites them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Output;

use proptest::prelude::*;

mod util;
use util::{assert_exit, chanx_in, fixture, remove_channel, stdout, SHOWCASE};

/// A folder with `asyncapi.json` (the showcase document) and a client
/// generated from it in `my_client`, so reports show short relative paths.
struct Project {
    dir: tempfile::TempDir,
}

impl Project {
    fn new() -> Project {
        let project = Project {
            dir: tempfile::tempdir().unwrap(),
        };
        std::fs::copy(fixture(SHOWCASE), project.path("asyncapi.json")).unwrap();
        assert_exit(&project.run(&["generate-client"], &[]), 0);
        project
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    fn client(&self, relative: &str) -> PathBuf {
        self.path("my_client").join(relative)
    }

    /// Runs `chanx COMMAND --schema asyncapi.json --output my_client EXTRA...` in the folder.
    fn run(&self, command: &[&str], extra: &[&str]) -> Output {
        self.run_env(command, extra, &[])
    }

    fn run_env(&self, command: &[&str], extra: &[&str], env: &[(&str, &str)]) -> Output {
        let mut args = command.to_vec();
        args.extend(["--schema", "asyncapi.json", "--output", "my_client"]);
        args.extend_from_slice(extra);
        chanx_in(Some(self.dir.path()), &args, "", env)
    }

    fn check(&self, extra: &[&str]) -> Output {
        self.run(&["check"], extra)
    }

    /// Path → status of `check --format json`.
    fn statuses(&self, extra: &[&str]) -> (i32, BTreeMap<String, String>) {
        let mut args = vec!["--format", "json"];
        args.extend_from_slice(extra);
        let output = self.check(&args);
        let report: serde_json::Value = serde_json::from_slice(&output.stdout)
            .unwrap_or_else(|error| panic!("json report: {error}\n{}", stdout(&output)));
        let files = report["clients"][0]["files"].as_array().unwrap();
        let statuses = files
            .iter()
            .map(|file| {
                (
                    file["path"].as_str().unwrap().to_string(),
                    file["status"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        (output.status.code().unwrap(), statuses)
    }

    /// Rewrites `asyncapi.json` through `edit`.
    fn edit_schema(&self, edit: impl FnOnce(&mut serde_json::Value)) {
        let path = self.path("asyncapi.json");
        let mut document: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        edit(&mut document);
        std::fs::write(&path, serde_json::to_string_pretty(&document).unwrap()).unwrap();
    }
}

fn statuses(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(path, status)| (path.to_string(), status.to_string()))
        .collect()
}

#[test]
fn a_fresh_client_passes() {
    let project = Project::new();
    let output = project.check(&[]);
    assert_exit(&output, 0);
    assert!(stdout(&output).starts_with("chanx check: my_client is up to date with asyncapi.json"));
    assert_eq!(
        project.statuses(&["--strict", "--strict-eol"]),
        (0, BTreeMap::new())
    );
}

#[test]
fn a_changed_schema_is_drift() {
    let project = Project::new();
    project.edit_schema(|document| {
        document["components"]["schemas"]["ChatPayload"]["properties"]["mood"] =
            serde_json::json!({"type": "string"});
    });
    let (code, found) = project.statuses(&[]);
    assert_eq!(code, 1);
    assert_eq!(
        found,
        statuses(&[
            (".chanx-manifest.json", "modified"),
            ("shared/messages.py", "modified")
        ])
    );
}

#[test]
fn hand_edits_deletions_and_stale_channels_are_named() {
    let project = Project::new();
    let client = project.client("chat/client.py");
    std::fs::write(
        &client,
        std::fs::read_to_string(&client).unwrap() + "# mine\n",
    )
    .unwrap();
    std::fs::remove_file(project.client("system/messages.py")).unwrap();
    project.edit_schema(|document| remove_channel(document, "analytics"));
    let (code, found) = project.statuses(&[]);
    assert_eq!(code, 1);
    assert_eq!(
        found,
        statuses(&[
            (".chanx-manifest.json", "modified"),
            ("README.md", "modified"),
            ("analytics/__init__.py", "stale"),
            ("analytics/client.py", "stale"),
            ("analytics/messages.py", "stale"),
            ("chat/client.py", "edited"),
            ("system/messages.py", "missing"),
        ])
    );
    // Without clearing channels, generate-client keeps the stale files.
    let (_, kept) = project.statuses(&["--no-clear-channels"]);
    assert!(
        !kept.keys().any(|path| path.starts_with("analytics/")),
        "{kept:?}"
    );
}

#[test]
fn files_chanx_never_wrote_fail_only_with_strict() {
    let project = Project::new();
    std::fs::write(project.client("chat/notes.py"), "# mine\n").unwrap();
    std::fs::create_dir_all(project.client("chat/__pycache__")).unwrap();
    std::fs::write(
        project.client("chat/__pycache__/client.cpython-311.pyc"),
        b"\0",
    )
    .unwrap();
    assert_eq!(project.statuses(&[]), (0, BTreeMap::new()));
    assert_eq!(
        project.statuses(&["--strict"]),
        (1, statuses(&[("chat/notes.py", "extra")]))
    );
}

#[test]
fn line_ending_differences_pass_unless_strict_eol() {
    let project = Project::new();
    let readme = project.client("README.md");
    let crlf = std::fs::read_to_string(&readme)
        .unwrap()
        .replace('\n', "\r\n");
    std::fs::write(&readme, crlf).unwrap();
    let output = project.check(&[]);
    assert_exit(&output, 0);
    assert!(
        stdout(&output).contains("line-endings  README.md"),
        "{}",
        stdout(&output)
    );
    assert_eq!(
        project.statuses(&["--strict-eol"]),
        (1, statuses(&[("README.md", "line-endings")]))
    );
}

#[test]
fn a_customised_base_passes_unless_override_base() {
    let project = Project::new();
    let base = project.client("base/client.py");
    std::fs::write(&base, std::fs::read_to_string(&base).unwrap() + "# tuned\n").unwrap();
    assert_eq!(project.statuses(&[]), (0, BTreeMap::new()));
    assert_eq!(
        project.statuses(&["--override-base"]),
        (1, statuses(&[("base/client.py", "edited")]))
    );
}

#[test]
fn input_errors_exit_2_and_touch_nothing() {
    let project = Project::new();
    let before = snapshot(&project.path("my_client"));
    std::fs::write(project.path("asyncapi.json"), "{ not json").unwrap();
    let output = project.check(&[]);
    assert_exit(&output, 2);
    assert!(
        util::stderr(&output).contains("asyncapi.json:1:3: invalid JSON"),
        "{}",
        util::stderr(&output)
    );
    assert_eq!(snapshot(&project.path("my_client")), before);

    std::fs::copy(fixture(SHOWCASE), project.path("asyncapi.json")).unwrap();
    std::fs::remove_dir_all(project.path("my_client")).unwrap();
    let output = project.check(&[]);
    assert_exit(&output, 2);
    assert!(
        util::stderr(&output).contains("my_client: no such folder"),
        "{}",
        util::stderr(&output)
    );
    assert!(!project.path("my_client").exists());

    let output = chanx_in(Some(project.dir.path()), &["check"], "", &[]);
    assert_exit(&output, 2);
    assert!(util::stderr(&output)
        .contains("give --schema and --output, or list the clients in chanx.toml"));
}

#[test]
fn a_config_file_lists_every_client() {
    let project = Project::new();
    std::fs::write(
        project.path("chanx.toml"),
        "[[client]]\nschema = \"asyncapi.json\"\noutput = \"my_client\"\n\n\
         [[client]]\nschema = \"asyncapi.json\"\noutput = \"bare_client\"\nno_readme = true\n",
    )
    .unwrap();
    let output = chanx_in(Some(project.dir.path()), &["check"], "", &[]);
    assert_exit(&output, 2);
    assert!(util::stderr(&output).contains("bare_client: no such folder"));

    assert_exit(
        &chanx_in(Some(project.dir.path()), &["generate-client"], "", &[]),
        0,
    );
    assert!(!project.path("bare_client/README.md").exists());
    assert!(project.path("bare_client/chat/client.py").exists());
    assert_exit(&chanx_in(Some(project.dir.path()), &["check"], "", &[]), 0);

    std::fs::remove_file(project.path("bare_client/chat/client.py")).unwrap();
    let output = chanx_in(Some(project.dir.path()), &["check"], "", &[]);
    assert_exit(&output, 1);
    let report = stdout(&output);
    assert!(report.contains("my_client is up to date"), "{report}");
    assert!(report.contains("missing       chat/client.py"), "{report}");
    assert!(report.contains("run: chanx generate-client\n"), "{report}");
}

/// Path → content of every file below `root`, without `__pycache__`.
fn snapshot(root: &Path) -> BTreeMap<String, Vec<u8>> {
    util::files_under(root)
        .into_iter()
        .filter(|path| !path.contains("__pycache__"))
        .map(|path| {
            let bytes = std::fs::read(root.join(&path)).unwrap();
            (path, bytes)
        })
        .collect()
}

/// A project with one of each kind of difference, for the snapshots.
fn drifted_project() -> Project {
    let project = Project::new();
    let client = project.client("chat/client.py");
    let edited = std::fs::read_to_string(&client)
        .unwrap()
        .replace("Send one of the messages", "Send any of the messages");
    std::fs::write(&client, edited).unwrap();
    std::fs::remove_file(project.client("room_chat/__init__.py")).unwrap();
    let readme = project.client("README.md");
    let crlf = std::fs::read_to_string(&readme)
        .unwrap()
        .replace('\n', "\r\n");
    std::fs::write(&readme, crlf).unwrap();
    std::fs::write(project.client("notes.txt"), "mine\n").unwrap();
    project.edit_schema(|document| {
        remove_channel(document, "analytics");
        document["components"]["schemas"]["JobPayload"]["properties"]["priority"] =
            serde_json::json!({"type": "integer", "default": 0});
    });
    project
}

fn assert_snapshot(name: &str, actual: &str) {
    util::assert_snapshot(name, actual, "check");
}

#[test]
fn reports_match_their_snapshots() {
    let project = drifted_project();
    for (name, extra) in [
        ("check.txt", vec![]),
        (
            "check-color.txt",
            vec!["--color", "always", "--context", "1"],
        ),
        ("check-stat.txt", vec!["--stat", "--strict"]),
        ("check-name-only.txt", vec!["--name-only"]),
        ("check.json", vec!["--format", "json"]),
    ] {
        let output = project.check(&extra);
        assert_exit(&output, 1);
        assert_snapshot(name, &stdout(&output));
    }
    let summary = project.path("summary.md");
    let summary_arg = summary.to_str().unwrap();
    let output = project.run_env(
        &["check"],
        &["--format", "github"],
        &[("GITHUB_STEP_SUMMARY", summary_arg)],
    );
    assert_exit(&output, 1);
    assert_snapshot("check-github.txt", &stdout(&output));
    assert_snapshot(
        "check-github-summary.md",
        &std::fs::read_to_string(&summary).unwrap(),
    );
}

#[test]
fn github_annotations_stop_at_ten_and_the_summary_stays_under_1_mib() {
    let project = Project::new();
    let mut document: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(project.path("asyncapi.json")).unwrap())
            .unwrap();
    // Forty channels with long descriptions make many files and large diffs.
    let template = document["channels"]["chat"].clone();
    for index in 0..40 {
        let mut channel = template.clone();
        channel["description"] =
            serde_json::json!(format!("{index} {}", "long text ".repeat(4000)));
        document["channels"][format!("extra_{index}")] = channel;
        let mut operation = document["operations"]["handle_chat"].clone();
        operation["channel"]["$ref"] = serde_json::json!(format!("#/channels/extra_{index}"));
        document["operations"][format!("handle_extra_{index}")] = operation;
    }
    std::fs::write(project.path("asyncapi.json"), document.to_string()).unwrap();
    let summary = project.path("summary.md");
    let output = project.run_env(
        &["check"],
        &["--format", "github"],
        &[("GITHUB_STEP_SUMMARY", summary.to_str().unwrap())],
    );
    assert_exit(&output, 1);
    let annotations: Vec<String> = stdout(&output)
        .lines()
        .filter(|line| line.starts_with("::error"))
        .map(str::to_string)
        .collect();
    assert_eq!(annotations.len(), 11, "{annotations:?}");
    assert!(annotations[10].contains("more files differ; see the job summary"));
    let written = std::fs::metadata(&summary).unwrap().len();
    assert!(written < 1024 * 1024, "summary is {written} bytes");
    assert!(std::fs::read_to_string(&summary)
        .unwrap()
        .contains("diffs left out"));
}

/// One random change to a generated folder or to how it is regenerated.
#[derive(Debug, Clone)]
enum Edit {
    DeleteFile(usize),
    AppendToFile(usize),
    CrlfFile(usize),
    AddFile(usize),
    RemoveChannel(usize),
    ChangeSchema,
    RemoveBase,
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0..64usize).prop_map(Edit::DeleteFile),
        (0..64usize).prop_map(Edit::AppendToFile),
        (0..64usize).prop_map(Edit::CrlfFile),
        (0..8usize).prop_map(Edit::AddFile),
        (0..7usize).prop_map(Edit::RemoveChannel),
        Just(Edit::ChangeSchema),
        Just(Edit::RemoveBase),
    ]
}

const CHANNELS: [&str; 7] = [
    "chat",
    "reliable_chat",
    "notifications",
    "analytics",
    "system",
    "background_jobs",
    "room_chat",
];

fn apply(project: &Project, edit: &Edit) {
    let files = util::files_under(&project.path("my_client"));
    let pick = |index: usize| project.client(&files[index % files.len()]);
    match edit {
        Edit::DeleteFile(index) => {
            let _ = std::fs::remove_file(pick(*index));
        }
        Edit::AppendToFile(index) => {
            let path = pick(*index);
            let mut bytes = std::fs::read(&path).unwrap_or_default();
            bytes.extend_from_slice(b"# edited\n");
            std::fs::write(path, bytes).unwrap();
        }
        Edit::CrlfFile(index) => {
            let path = pick(*index);
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            std::fs::write(path, text.replace("\r\n", "\n").replace('\n', "\r\n")).unwrap();
        }
        Edit::AddFile(index) => {
            let folder = ["", "chat/", "shared/", "base/"][index % 4];
            std::fs::create_dir_all(project.client(folder)).unwrap();
            std::fs::write(
                project.client(&format!("{folder}user_{index}.py")),
                "x = 1\n",
            )
            .unwrap();
        }
        Edit::RemoveChannel(index) => project
            .edit_schema(|document| remove_channel(document, CHANNELS[index % CHANNELS.len()])),
        Edit::ChangeSchema => project.edit_schema(|document| {
            document["components"]["schemas"]["ChatPayload"]["description"] =
                serde_json::json!("Changed.");
        }),
        Edit::RemoveBase => {
            let _ = std::fs::remove_dir_all(project.client("base"));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    /// For any folder, `check` reports exactly the files `generate-client`
    /// with the same flags then creates, changes or deletes, and afterwards
    /// `check` passes.
    #[test]
    fn check_reports_exactly_what_generate_client_changes(
        edits in proptest::collection::vec(edit_strategy(), 0..6),
        no_readme in any::<bool>(),
        override_base in any::<bool>(),
        no_clear_channels in any::<bool>(),
    ) {
        let project = Project::new();
        for edit in &edits {
            apply(&project, edit);
        }
        let mut flags = Vec::new();
        for (on, flag) in [
            (no_readme, "--no-readme"),
            (override_base, "--override-base"),
            (no_clear_channels, "--no-clear-channels"),
        ] {
            if on {
                flags.push(flag);
            }
        }
        let (code, mut reported) = project.statuses(&flags);
        prop_assert!(code == 0 || code == 1, "check failed with {code}");
        let before = snapshot(&project.path("my_client"));
        // A file chanx did not write where it generates one (here, after
        // the manifest was deleted) stops the run, which changes nothing;
        // with the flag, what check reports is again what changes.
        if reported.values().any(|status| status == "conflict") {
            assert_exit(&project.run(&["generate-client"], &flags), 2);
            prop_assert_eq!(&snapshot(&project.path("my_client")), &before);
            flags.push("--overwrite-foreign-files");
            let (code, with_flag) = project.statuses(&flags);
            prop_assert_eq!(code, 1);
            prop_assert!(!with_flag.values().any(|status| status == "conflict"));
            reported = with_flag;
        }
        assert_exit(&project.run(&["generate-client"], &flags), 0);
        let after = snapshot(&project.path("my_client"));
        let changed: BTreeSet<String> = before
            .keys()
            .chain(after.keys())
            .filter(|path| before.get(*path) != after.get(*path))
            .cloned()
            .collect();
        let reported_paths: BTreeSet<String> = reported.keys().cloned().collect();
        prop_assert_eq!(&reported_paths, &changed, "edits {:?}, flags {:?}", edits, flags);
        prop_assert_eq!(project.statuses(&flags), (0, BTreeMap::new()));
    }
}

#[cfg(unix)]
#[test]
fn a_formatter_runs_on_a_copy_for_check_as_for_generate() {
    use std::os::unix::fs::PermissionsExt;
    let project = Project::new();
    let bin = project.path("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let script = bin.join("stamp");
    std::fs::write(
        &script,
        "#!/bin/sh\nfor f in \"$@\"; do printf '# stamped\\n' >> \"$f\"; done\n",
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = bin.to_str().unwrap();
    let run = |command: &str, extra: &[&str]| {
        let mut args = vec![
            command,
            "--schema",
            "asyncapi.json",
            "--output",
            "my_client",
        ];
        args.extend_from_slice(extra);
        chanx_in(Some(project.dir.path()), &args, path, &[])
    };
    assert_exit(&run("generate-client", &["--formatter", "stamp"]), 0);
    let client = std::fs::read_to_string(project.client("chat/client.py")).unwrap();
    assert!(
        client.ends_with("# stamped\n"),
        "the formatter ran on the written file"
    );
    let readme = std::fs::read_to_string(project.client("README.md")).unwrap();
    assert!(
        !readme.contains("# stamped"),
        "only Python files are formatted"
    );
    assert_exit(&run("check", &["--formatter", "stamp"]), 0);
    let unformatted = run("check", &["--no-format", "--name-only"]);
    assert_exit(&unformatted, 1);
    assert!(stdout(&unformatted).contains("chat/client.py"));
    assert!(!stdout(&unformatted).contains("README.md"));
}

#[test]
fn another_chanx_version_is_information_not_drift() {
    let project = Project::new();
    let manifest = project.client(".chanx-manifest.json");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let current = format!("\"generator_version\": \"{}\"", env!("CARGO_PKG_VERSION"));
    assert!(text.contains(&current), "{text}");
    let older = text.replace(&current, "\"generator_version\": \"0.0.1\"");
    std::fs::write(&manifest, &older).unwrap();
    let output = project.check(&[]);
    assert_exit(&output, 0);
    assert!(
        stdout(&output).contains("was generated by chanx 0.0.1; this is chanx"),
        "{}",
        stdout(&output)
    );
    assert_exit(&project.run(&["generate-client"], &[]), 0);
    assert_eq!(
        std::fs::read_to_string(&manifest).unwrap(),
        older,
        "an upgrade alone rewrites nothing"
    );
}

/// Removes the API surface from the client's manifest, as chanx wrote
/// manifests before it recorded one.
fn forget_api_surface(project: &Project) {
    let path = project.client(".chanx-manifest.json");
    let mut manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert!(manifest.as_object_mut().unwrap().remove("api").is_some());
    std::fs::write(
        &path,
        serde_json::to_string_pretty(&manifest).unwrap() + "\n",
    )
    .unwrap();
}

#[test]
fn a_breaking_change_is_reported_as_text_json_and_a_warning_on_the_schema() {
    let project = Project::new();
    project.edit_schema(|document| {
        let payload = &mut document["components"]["schemas"]["ChatPayload"];
        payload["properties"]["mood"] = serde_json::json!({"type": "string"});
        payload["required"] = serde_json::json!(["message", "mood"]);
    });
    let output = project.check(&[]);
    assert_exit(&output, 1);
    let text = stdout(&output);
    let section = "Client API changes: 1 breaking, 0 compatible\n  breaking    field-added  ChatPayload.mood: new field mood: str, required\n";
    assert!(text.contains(section), "{text}");

    let output = project.check(&["--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["breaking"], true);
    assert_eq!(
        report["clients"][0]["api_changes"],
        serde_json::json!([{
            "kind": "field-added",
            "breaking": true,
            "channel": null,
            "message": "ChatPayload",
            "field": "mood",
            "detail": "new field mood: str, required",
        }])
    );

    let output = project.run_env(&["check"], &["--format", "github"], &[]);
    let warnings: Vec<&str> = std::str::from_utf8(&output.stdout)
        .unwrap()
        .lines()
        .filter(|line| line.starts_with("::warning"))
        .collect();
    assert_eq!(
        warnings,
        ["::warning file=asyncapi.json,title=chanx%3A breaking change (field-added)::my_client: ChatPayload.mood: new field mood: str, required"]
    );
}

#[test]
fn without_a_recorded_surface_the_report_says_once_that_it_cannot_tell() {
    let project = Project::new();
    forget_api_surface(&project);
    // A manifest from before the surface is no drift by itself.
    assert_exit(&project.check(&[]), 0);

    project.edit_schema(|document| {
        remove_channel(document, "analytics");
    });
    let output = project.check(&[]);
    assert_exit(&output, 1);
    let text = stdout(&output);
    assert_eq!(text.matches("cannot tell").count(), 1, "{text}");
    assert!(
        text.contains("Client API changes: cannot tell which changes break callers: its manifest records no API surface"),
        "{text}"
    );
    assert!(text.contains("stale         analytics/client.py"), "{text}");

    let output = project.check(&["--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let client = &report["clients"][0];
    assert_eq!(client["api_changes"], serde_json::Value::Null);
    assert!(client["api_note"].as_str().unwrap().contains("cannot tell"));
    assert_eq!(report["breaking"], false);
    assert_eq!(report["drift"], true);

    // Regenerating records the surface, and the next change is classified.
    assert_exit(&project.run(&["generate-client"], &[]), 0);
    project.edit_schema(|document| {
        remove_channel(document, "chat");
    });
    let text = stdout(&project.check(&[]));
    assert!(
        text.contains("breaking    client-removed  chat: ChatClient (chat) is gone"),
        "{text}"
    );
}
