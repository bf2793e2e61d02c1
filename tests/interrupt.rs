//! A run killed at any moment leaves every file either as it was or as the
//! new run writes it, never truncated, and a rerun converges on exactly what
//! an uninterrupted run writes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

mod util;
use util::{assert_exit, generate, read_tree, rooms_document};

/// Asserts that `root` holds exactly `expected`, naming the paths that differ.
fn assert_tree(root: &Path, expected: &BTreeMap<String, Vec<u8>>) {
    let actual = read_tree(root);
    let differing: Vec<&String> = actual
        .keys()
        .chain(expected.keys())
        .filter(|path| actual.get(*path) != expected.get(*path))
        .collect();
    assert!(differing.is_empty(), "these files differ: {differing:?}");
}

/// Writes an old document of `old_count` channels and a new one of
/// `new_count` whose every file differs, and generates the old one into
/// `client`; returns the new document's path and the output folder.
fn old_client(dir: &Path, old_count: usize, new_count: usize) -> (PathBuf, PathBuf) {
    let old_schema = dir.join("old.json");
    let new_schema = dir.join("new.json");
    std::fs::write(&old_schema, rooms_document(old_count, "before")).unwrap();
    std::fs::write(&new_schema, rooms_document(new_count, "after")).unwrap();
    let out = dir.join("client");
    assert_exit(&generate(&old_schema, &out, &["--no-format"]), 0);
    (new_schema, out)
}

fn is_temporary(path: &str) -> bool {
    path.rsplit('/').next().unwrap().ends_with(".chanx-tmp")
}

#[test]
fn a_killed_run_leaves_old_or_new_files_and_a_rerun_converges() {
    let dir = tempfile::tempdir().unwrap();
    // Every file changes, and the last channels go away.
    let (new_schema, out) = old_client(dir.path(), 300, 260);
    let old_files = read_tree(&out);
    // The package's folder name is in its files, so every copy has the same.
    let new = dir.path().join("new/client");
    let started = Instant::now();
    assert_exit(&generate(&new_schema, &new, &["--no-format"]), 0);
    let full_run = started.elapsed();
    let new_files = read_tree(&new);

    for step in 1..=8 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_chanx"))
            .args(["-q", "generate-client", "--no-format", "--schema"])
            .arg(&new_schema)
            .arg("--output")
            .arg(&out)
            .env("PATH", "")
            .spawn()
            .unwrap();
        std::thread::sleep(full_run.mul_f64(step as f64 / 10.0));
        let _ = child.kill();
        child.wait().unwrap();

        let mut rewritten = 0;
        for (path, bytes) in read_tree(&out) {
            if is_temporary(&path) {
                continue;
            }
            rewritten += usize::from(new_files.get(&path) == Some(&bytes));
            let as_before = old_files.get(&path) == Some(&bytes);
            let as_after = new_files.get(&path) == Some(&bytes);
            assert!(
                as_before || as_after,
                "after a kill at step {step}, {path} is neither the old nor the new file"
            );
        }
        eprintln!("killed at step {step}: {rewritten} files rewritten");
    }

    assert_exit(&generate(&new_schema, &out, &["--no-format"]), 0);
    assert_tree(&out, &new_files);
    let check = util::chanx(&[
        "check",
        "--schema",
        new_schema.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--no-format",
    ]);
    assert_exit(&check, 0);
}

/// The state a killed run can leave, built on purpose: some files new, the
/// rest and the manifest old, and a half-written temporary file.
#[test]
fn a_rerun_after_an_interrupted_one_sweeps_its_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let (new_schema, out) = old_client(dir.path(), 6, 4);
    let new = dir.path().join("new/client");
    assert_exit(&generate(&new_schema, &new, &["--no-format"]), 0);
    let new_files = read_tree(&new);

    for (path, bytes) in new_files
        .iter()
        .filter(|(path, _)| path.starts_with("room0/"))
    {
        std::fs::write(out.join(path), bytes).unwrap();
    }
    let temporary = out.join("room1/.messages.py.4242.chanx-tmp");
    std::fs::write(&temporary, &new_files["room1/messages.py"][..10]).unwrap();
    std::fs::write(out.join("room1/notes.txt"), "mine").unwrap();

    assert_exit(&generate(&new_schema, &out, &["--no-format"]), 0);
    let mut expected = new_files.clone();
    expected.insert("room1/notes.txt".to_string(), b"mine".to_vec());
    assert_tree(&out, &expected);
}
