//! The plan: every change `generate-client` would make to a folder,
//! found by reading it, never writing.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::tree::{sha256_hex, Tree, MANIFEST};

use super::apply::is_temporary;
use super::folder::Folder;
use super::{
    normalize_line_endings, same_but_line_endings, Changes, FileChange, Status, WriteError,
    WriteOptions,
};

/// A generated file's counterpart in the folder.
enum OnDisk {
    Absent,
    /// A `base/` file that stays as it is.
    Kept,
    Same,
    Differs(Vec<u8>),
}

/// Every change `generate-client` would make to the folder; reads, never writes.
pub fn plan(
    tree: &Tree,
    folder: &dyn Folder,
    options: &WriteOptions,
) -> Result<Changes, WriteError> {
    let previous = folder.manifest()?;
    let generated = |path: &str| {
        tree.files().contains_key(path)
            || previous
                .as_deref()
                .is_some_and(|manifest| manifest.files.contains_key(path))
    };
    let (interrupted, on_disk): (BTreeSet<String>, BTreeSet<String>) = folder
        .files()?
        .into_iter()
        .partition(|path| is_temporary(path, generated));
    let mut changes = Changes {
        interrupted: interrupted.into_iter().collect(),
        has_manifest: previous.is_some(),
        ..Changes::default()
    };
    let clearing = options.clear_output && !on_disk.is_empty();
    if clearing && previous.is_none() {
        return Err(WriteError::NotGenerated {
            path: PathBuf::from(folder.describe()),
        });
    }
    changes.clear_output = clearing && options.delete_foreign_files;
    let no_files = BTreeMap::new();
    let compared = Compared {
        folder,
        recorded: previous
            .as_deref()
            .map_or(&no_files, |manifest| &manifest.files),
        on_disk: &on_disk,
    };
    let has_base = on_disk
        .iter()
        .any(|path| Tree::is_base(path) && compared.recorded.contains_key(path));
    changes.kept_base = !clearing && !options.override_base && has_base;
    generated_changes(tree, &compared, options, &mut changes)?;
    let emptied = removals(tree, &compared, options, clearing, &mut changes)?;
    if !changes.clear_output {
        note_left_behind(tree, &emptied, &mut changes);
    }
    changes.changes.sort_by(|a, b| a.path.cmp(&b.path));
    changes.left_alone.sort();
    changes.left_alone.dedup();
    Ok(changes)
}

/// The folder a plan compares the tree with: what its manifest records,
/// and its files but the left-overs of an interrupted write.
pub(super) struct Compared<'a> {
    folder: &'a dyn Folder,
    recorded: &'a BTreeMap<String, String>,
    on_disk: &'a BTreeSet<String>,
}

/// Compares every generated file with its counterpart in the folder.
fn generated_changes(
    tree: &Tree,
    compared: &Compared,
    options: &WriteOptions,
    changes: &mut Changes,
) -> Result<(), WriteError> {
    // Reading and comparing the files is most of the work, and each file
    // is on its own, so it is shared by the cores. Equal digests mean equal
    // files; only a file that differs is read and kept in memory.
    let kept_base = changes.kept_base;
    let on_disk_now = tree
        .files()
        .par_iter()
        .map(|(path, expected)| {
            if !compared.on_disk.contains(path) {
                return Ok(OnDisk::Absent);
            }
            // A customised `base/` stays; one chanx did not write (the
            // Python generator's) is in the way like any foreign file.
            if kept_base && Tree::is_base(path) && compared.recorded.contains_key(path) {
                return Ok(OnDisk::Kept);
            }
            if compared.folder.digest(path)?.as_deref() == Some(tree.digest(path)) {
                return Ok(OnDisk::Same);
            }
            Ok(match compared.folder.read(path)? {
                None => OnDisk::Absent,
                Some(actual) if actual == *expected => OnDisk::Same,
                Some(actual) => OnDisk::Differs(actual),
            })
        })
        .collect::<Result<Vec<_>, WriteError>>()?;
    for ((path, expected), on_disk_now) in tree.files().iter().zip(on_disk_now) {
        let actual = match on_disk_now {
            OnDisk::Kept => continue,
            OnDisk::Same => {
                changes.unchanged.push(path.clone());
                continue;
            }
            OnDisk::Absent => None,
            OnDisk::Differs(actual) => Some(actual),
        };
        let Some(status) = status_of(path, actual.as_deref(), expected, compared, options) else {
            changes.unchanged.push(path.clone());
            continue;
        };
        changes.changes.push(FileChange {
            path: path.clone(),
            status,
            expected: Some(expected.clone()),
            actual,
        });
    }
    Ok(())
}

/// How a generated file differs from the folder's `actual` one; `None`
/// when the difference is no drift.
fn status_of(
    path: &str,
    actual: Option<&[u8]>,
    expected: &[u8],
    compared: &Compared,
    options: &WriteOptions,
) -> Option<Status> {
    let Some(actual) = actual else {
        return Some(Status::Missing);
    };
    // A manifest written by another chanx version is not drift.
    if path == MANIFEST && crate::tree::same_manifest_but_version(actual, expected) {
        return None;
    }
    if same_but_line_endings(actual, expected) {
        return Some(Status::LineEndings);
    }
    // A checkout that turned LF into CRLF is not a hand edit.
    Some(match compared.recorded.get(path) {
        Some(recorded)
            if *recorded != sha256_hex(actual)
                && *recorded != sha256_hex(&normalize_line_endings(actual)) =>
        {
            Status::Edited
        }
        Some(_) => Status::Modified,
        None if path == MANIFEST || options.overwrite_foreign_files => Status::Modified,
        None => Status::Conflict,
    })
}

/// The folder's files that are no longer generated and go; returns the
/// folders they leave.
fn removals(
    tree: &Tree,
    compared: &Compared,
    options: &WriteOptions,
    clearing: bool,
    changes: &mut Changes,
) -> Result<BTreeSet<String>, WriteError> {
    let mut emptied = BTreeSet::new();
    for path in compared.on_disk {
        if tree.files().contains_key(path) {
            continue;
        }
        let recorded = compared.recorded.get(path);
        let remove = if changes.clear_output || (clearing && recorded.is_some()) {
            true
        } else if let Some(recorded) = recorded {
            let in_channel_folder = path.contains('/') && !path.starts_with("shared/");
            if Tree::is_base(path) || (in_channel_folder && !options.clear_channels) {
                false
            } else {
                let actual = compared.folder.read(path)?.unwrap_or_default();
                let unedited = sha256_hex(&actual) == *recorded;
                if !unedited {
                    changes
                        .left_alone
                        .push((path.clone(), "edited since it was generated"));
                }
                unedited
            }
        } else {
            changes.extra.push(path.clone());
            if clearing {
                changes.left_alone.push((
                    path.clone(),
                    "chanx did not write it; --delete-foreign-files removes it",
                ));
            }
            false
        };
        if remove {
            changes.changes.push(FileChange {
                path: path.clone(),
                status: Status::Stale,
                expected: None,
                actual: compared.folder.read(path)?,
            });
            if let Some(parent) = Path::new(path).parent() {
                emptied.insert(parent.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    Ok(emptied)
}

/// Files that stay behind in a folder whose generated files all go.
fn note_left_behind(tree: &Tree, emptied: &BTreeSet<String>, changes: &mut Changes) {
    for folder in emptied.iter().filter(|folder| !folder.is_empty()) {
        let prefix = format!("{folder}/");
        let keeps_generated = tree.files().keys().any(|path| path.starts_with(&prefix));
        if keeps_generated {
            continue;
        }
        for path in changes
            .extra
            .iter()
            .filter(|path| path.starts_with(&prefix))
        {
            changes
                .left_alone
                .push((path.clone(), "not generated by chanx"));
        }
    }
}
