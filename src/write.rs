//! Write: puts a generated [`Tree`] on disk with the regeneration rules of
//! `generate-client`.
//!
//! - `base/` is written when missing or with `override_base`;
//! - files generated earlier (per the manifest) that the tree no longer has
//!   are removed, unless edited since or, in channel folders, when
//!   `clear_channels` is off;
//! - `clear_output` removes the output folder first, but only one this tool
//!   generated (it has a manifest) or an empty one;
//! - files the generator never wrote are never deleted; each file is
//!   replaced atomically, and only when its content changes.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::tree::{sha256_hex, Tree, MANIFEST};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteOptions {
    pub clear_output: bool,
    pub override_base: bool,
    pub clear_channels: bool,
}

/// What writing did, for the summary.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WriteReport {
    pub written: Vec<String>,
    pub unchanged: Vec<String>,
    pub removed: Vec<String>,
    /// Files in the output the generator did not write, or that were edited
    /// since, which it left where they are, with the reason.
    pub left_alone: Vec<(String, &'static str)>,
    pub kept_base: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{path}: {message}")]
    Io { path: PathBuf, message: String },
    #[error("{path}: exists and is not a folder")]
    NotAFolder { path: PathBuf },
    #[error("{path}: refusing --clear-output: the folder has files and no {MANIFEST}, so chanx did not generate it; empty or remove it yourself")]
    NotGenerated { path: PathBuf },
    #[error("{path}: is a symbolic link; refusing to write through it")]
    Symlink { path: PathBuf },
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |error| WriteError::Io {
        path: path.to_path_buf(),
        message: error.to_string(),
    }
}

/// The file hashes recorded by an earlier run, if it left a manifest.
pub fn previous_manifest(output: &Path) -> Option<BTreeMap<String, String>> {
    let text = fs::read_to_string(output.join(MANIFEST)).ok()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    let files = value.get("files")?.as_object()?;
    Some(
        files
            .iter()
            .filter_map(|(path, hash)| Some((path.clone(), hash.as_str()?.to_string())))
            .filter(|(path, _)| is_safe_relative(path))
            .collect(),
    )
}

/// A manifest path is only trusted if it stays inside the output folder.
fn is_safe_relative(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && !path.contains('\0')
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

pub fn write(
    tree: &Tree,
    output: &Path,
    options: &WriteOptions,
) -> Result<WriteReport, WriteError> {
    let mut report = WriteReport::default();
    reject_symlink(output)?;
    if output.exists() && !output.is_dir() {
        return Err(WriteError::NotAFolder {
            path: output.to_path_buf(),
        });
    }
    let mut previous = previous_manifest(output);
    if options.clear_output && output.exists() {
        let empty = fs::read_dir(output)
            .map_err(io_error(output))?
            .next()
            .is_none();
        if previous.is_none() && !empty {
            return Err(WriteError::NotGenerated {
                path: output.to_path_buf(),
            });
        }
        fs::remove_dir_all(output).map_err(io_error(output))?;
        previous = None;
    }
    fs::create_dir_all(output).map_err(io_error(output))?;

    let keep_base = !options.override_base && output.join("base").is_dir();
    report.kept_base = keep_base;
    for (path, bytes) in &tree.files {
        if keep_base && Tree::is_base(path) {
            continue;
        }
        let target = output.join(path);
        reject_symlinks_below(output, path)?;
        if fs::read(&target).ok().as_deref() == Some(bytes.as_slice()) {
            report.unchanged.push(path.clone());
            continue;
        }
        write_atomically(&target, bytes)?;
        report.written.push(path.clone());
    }

    if let Some(previous) = previous {
        remove_stale(tree, output, options, &previous, &mut report)?;
    }
    Ok(report)
}

/// Removes files an earlier run generated that this tree no longer has.
fn remove_stale(
    tree: &Tree,
    output: &Path,
    options: &WriteOptions,
    previous: &BTreeMap<String, String>,
    report: &mut WriteReport,
) -> Result<(), WriteError> {
    let mut emptied = BTreeSet::new();
    for (path, recorded) in previous {
        if tree.files.contains_key(path) || Tree::is_base(path) {
            continue;
        }
        let in_channel_folder = path.contains('/') && !path.starts_with("shared/");
        if in_channel_folder && !options.clear_channels {
            continue;
        }
        reject_symlinks_below(output, path)?;
        let target = output.join(path);
        match fs::read(&target) {
            Err(_) => continue,
            Ok(bytes) if sha256_hex(&bytes) != *recorded => {
                report
                    .left_alone
                    .push((path.clone(), "edited since it was generated"));
                continue;
            }
            Ok(_) => {}
        }
        fs::remove_file(&target).map_err(io_error(&target))?;
        report.removed.push(path.clone());
        if let Some(parent) = Path::new(path).parent() {
            emptied.insert(parent.to_path_buf());
        }
    }
    for folder in emptied {
        let dir = output.join(&folder);
        let cache = dir.join("__pycache__");
        if cache.is_dir() && !is_symlink(&cache) {
            fs::remove_dir_all(&cache).map_err(io_error(&cache))?;
        }
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        let remaining: Vec<_> = entries.flatten().collect();
        if remaining.is_empty() {
            fs::remove_dir(&dir).map_err(io_error(&dir))?;
        }
        for entry in remaining {
            let name = folder.join(entry.file_name());
            report.left_alone.push((
                name.to_string_lossy().replace('\\', "/"),
                "not generated by chanx",
            ));
        }
    }
    report.left_alone.sort();
    report.left_alone.dedup();
    Ok(())
}

fn is_symlink(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_symlink())
}

fn reject_symlink(path: &Path) -> Result<(), WriteError> {
    if is_symlink(path) {
        return Err(WriteError::Symlink {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Refuses a path inside the output when it or a folder on the way is a symlink.
fn reject_symlinks_below(output: &Path, relative: &str) -> Result<(), WriteError> {
    let mut current = output.to_path_buf();
    for part in relative.split('/') {
        current.push(part);
        reject_symlink(&current)?;
    }
    Ok(())
}

fn write_atomically(target: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let parent = target.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(parent).map_err(io_error(parent))?;
    let name = target
        .file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
    let temporary = parent.join(format!(".{name}.{}.chanx-tmp", std::process::id()));
    let result = fs::write(&temporary, bytes).and_then(|()| fs::rename(&temporary, target));
    if let Err(error) = result {
        let _ = fs::remove_file(&temporary);
        return Err(io_error(target)(error));
    }
    Ok(())
}
