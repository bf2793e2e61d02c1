//! Carrying a plan out: each file staged beside its target and renamed
//! into place, the manifest last, folders created and removed as needed,
//! one writer per folder at a time.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::tree::{sha256_hex, MANIFEST};

use super::{io_error, Changes, WriteError, WriteReport};

/// Creates folders below the output once each, refusing symlinks on the way,
/// and remembers the ones it created so that a failed run can take them away.
struct CreatedFolders<'a> {
    output: &'a Path,
    ready: std::collections::HashSet<PathBuf>,
    created: Vec<PathBuf>,
}

impl CreatedFolders<'_> {
    fn ensure(&mut self, relative_dir: &Path) -> Result<(), WriteError> {
        let mut current = self.output.to_path_buf();
        for component in relative_dir.components() {
            current.push(component);
            if self.ready.contains(&current) {
                continue;
            }
            reject_symlink(&current)?;
            match fs::create_dir(&current) {
                Ok(()) => self.created.push(current.clone()),
                Err(error) if error.kind() == io::ErrorKind::AlreadyExists && current.is_dir() => {}
                Err(error) => return Err(io_error(&current)(error)),
            }
            self.ready.insert(current.clone());
        }
        Ok(())
    }

    /// Writes the content next to its target, under a temporary name.
    fn stage(&mut self, relative: &str, bytes: &[u8]) -> Result<Staged, WriteError> {
        self.ensure(Path::new(relative).parent().unwrap_or(Path::new("")))?;
        stage(self.output, relative, bytes)
    }

    /// Removes the folders this run created, when they are empty again.
    fn remove_created(&self) {
        for folder in self.created.iter().rev() {
            let _ = fs::remove_dir(folder);
        }
    }
}

/// Writes the content next to its target, under a temporary name; the
/// target's folder exists.
fn stage(output: &Path, relative: &str, bytes: &[u8]) -> Result<Staged, WriteError> {
    let target = output.join(relative);
    let temporary = temporary_path(&target);
    if let Err(error) = fs::write(&temporary, bytes) {
        let _ = fs::remove_file(&temporary);
        return Err(io_error(&target)(error));
    }
    Ok(Staged { temporary, target })
}

/// A file written under its temporary name, waiting to be renamed into place.
struct Staged {
    temporary: PathBuf,
    target: PathBuf,
}

impl Staged {
    fn commit(&self) -> Result<(), WriteError> {
        fs::rename(&self.temporary, &self.target).map_err(io_error(&self.target))
    }
}

/// Carries out a plan [`plan`] made for the same tree and folder.
///
/// Every new content is first written to a temporary file beside its target;
/// only when all of them are written are they renamed into place and stale
/// files removed. A folder that is read-only or full therefore fails before
/// anything changes and keeps the previous client as it was.
pub fn apply(changes: &Changes, output: &Path) -> Result<WriteReport, WriteError> {
    changes.refuse_conflicts(output)?;
    let mut report = WriteReport::default();
    let existed = output.is_dir();
    fs::create_dir_all(output).map_err(io_error(output))?;
    for path in &changes.interrupted {
        let target = output.join(path);
        fs::remove_file(&target).map_err(io_error(&target))?;
    }
    let mut folders = CreatedFolders {
        output,
        ready: std::collections::HashSet::new(),
        created: Vec::new(),
    };
    let writes = changes
        .changes
        .iter()
        .filter_map(|change| Some((change.path.as_str(), change.expected.as_deref()?)));
    let manifest = changes
        .changes
        .iter()
        .find(|change| change.path == MANIFEST)
        .and_then(|change| change.expected.as_deref());
    let writes: Vec<(&str, &[u8])> = writes.filter(|(path, _)| *path != MANIFEST).collect();
    // Every precondition is checked before the first file is renamed into
    // place, so that a refused run leaves the previous client as it was.
    for (path, _) in &writes {
        let target = output.join(path);
        if fs::symlink_metadata(&target).is_ok_and(|meta| meta.is_dir()) {
            return Err(WriteError::FolderInTheWay { path: target });
        }
    }
    let staged = match stage_all(output, &writes, &mut folders) {
        Ok(staged) => staged,
        Err(error) => {
            folders.remove_created();
            if !existed {
                let _ = fs::remove_dir(output);
            }
            return Err(error);
        }
    };
    let aside = match move_stale_aside(changes, output, &mut folders) {
        Ok(aside) => aside,
        Err(error) => {
            for file in &staged {
                let _ = fs::remove_file(&file.temporary);
            }
            return Err(error);
        }
    };
    report
        .written
        .extend(writes.iter().map(|(path, _)| path.to_string()));
    staged.par_iter().try_for_each(Staged::commit)?;

    remove_stale(changes, output, &aside, &mut report)?;
    if let Some(bytes) = manifest {
        folders.stage(MANIFEST, bytes)?.commit()?;
        report.written.push(MANIFEST.to_string());
    }
    Ok(report)
}

/// Stages every file beside its target: the folders first, in order; then
/// the files, which are independent of one another, on every core. A
/// failure takes back what was staged.
fn stage_all(
    output: &Path,
    writes: &[(&str, &[u8])],
    folders: &mut CreatedFolders,
) -> Result<Vec<Staged>, WriteError> {
    writes.iter().try_for_each(|(path, _)| {
        folders.ensure(Path::new(path).parent().unwrap_or(Path::new("")))
    })?;
    let (staged, failed): (Vec<_>, Vec<_>) = writes
        .par_iter()
        .map(|(path, bytes)| stage(output, path, bytes))
        .partition(Result::is_ok);
    let staged: Vec<Staged> = staged.into_iter().flatten().collect();
    match failed.into_iter().find_map(Result::err) {
        None => Ok(staged),
        Some(error) => {
            for file in &staged {
                let _ = fs::remove_file(&file.temporary);
            }
            Err(error)
        }
    }
}

/// Moves the stale files aside under temporary names, before anything is
/// renamed into place: a folder that refuses (read-only) stops the run with
/// the previous client intact, and what was moved goes back. Returns each
/// file's place and temporary name.
fn move_stale_aside(
    changes: &Changes,
    output: &Path,
    folders: &mut CreatedFolders,
) -> Result<Vec<(PathBuf, PathBuf)>, WriteError> {
    let mut aside: Vec<(PathBuf, PathBuf)> = Vec::new();
    for change in changes.changes.iter().filter(|c| c.expected.is_none()) {
        let target = output.join(&change.path);
        let moved = Path::new(&change.path)
            .parent()
            .map_or(Ok(()), |parent| folders.ensure(parent))
            .and_then(|()| {
                // Renaming a symlink moves the link, never its target.
                let temporary = temporary_path(&target);
                fs::rename(&target, &temporary)
                    .map(|()| temporary)
                    .map_err(io_error(&target))
            });
        match moved {
            Ok(temporary) => aside.push((target, temporary)),
            Err(error) => {
                for (original, temporary) in aside.iter().rev() {
                    let _ = fs::rename(temporary, original);
                }
                return Err(error);
            }
        }
    }
    Ok(aside)
}

/// Deletes the stale files moved `aside`, then the folders they leave
/// holding nothing but caches (every leftover folder after
/// `--delete-foreign-files`).
fn remove_stale(
    changes: &Changes,
    output: &Path,
    aside: &[(PathBuf, PathBuf)],
    report: &mut WriteReport,
) -> Result<(), WriteError> {
    let mut emptied = BTreeSet::new();
    for (change, (target, temporary)) in changes
        .changes
        .iter()
        .filter(|c| c.expected.is_none())
        .zip(aside)
    {
        fs::remove_file(temporary).map_err(io_error(temporary))?;
        report.removed.push(change.path.clone());
        if let Some(parent) = target.parent() {
            emptied.insert(parent.to_path_buf());
        }
    }
    if changes.clear_output {
        return remove_leftover_folders(output);
    }
    for dir in emptied {
        if dir != output {
            remove_if_only_cache(&dir)?;
        }
    }
    Ok(())
}

/// After `--delete-foreign-files`: removes every `__pycache__` and every
/// folder left empty below the output.
fn remove_leftover_folders(output: &Path) -> Result<(), WriteError> {
    let walker = walkdir::WalkDir::new(output)
        .min_depth(1)
        .follow_links(false)
        .contents_first(true);
    for entry in walker.into_iter().flatten() {
        let path = entry.path();
        if !entry.file_type().is_dir() {
            continue;
        }
        if entry.file_name() == "__pycache__" {
            fs::remove_dir_all(path).map_err(io_error(path))?;
        } else if fs::read_dir(path).is_ok_and(|mut entries| entries.next().is_none()) {
            fs::remove_dir(path).map_err(io_error(path))?;
        }
    }
    Ok(())
}

/// Removes a folder left with nothing but `__pycache__`.
fn remove_if_only_cache(dir: &Path) -> Result<(), WriteError> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Ok(());
    };
    let names: Vec<_> = entries.flatten().map(|entry| entry.file_name()).collect();
    if names.iter().all(|name| name == "__pycache__") {
        let cache = dir.join("__pycache__");
        if cache.is_dir() && !is_symlink(&cache) {
            fs::remove_dir_all(&cache).map_err(io_error(&cache))?;
        }
        fs::remove_dir(dir).map_err(io_error(dir))?;
    }
    Ok(())
}

fn is_symlink(path: &Path) -> bool {
    // Through its components: `link/`, with its trailing slash, would name
    // the folder the link points to.
    let path: PathBuf = path.components().collect();
    fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_symlink())
}

pub(super) fn reject_symlink(path: &Path) -> Result<(), WriteError> {
    if is_symlink(path) {
        return Err(WriteError::Symlink {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// An exclusive lock on one output folder, held while a run writes it;
/// the operating system releases it when the process ends, however.
pub struct OutputLock {
    _file: fs::File,
}

/// Takes the output folder's lock, waiting while another run holds it
/// (`waiting` is called once then). The lock file lives in the system's
/// temporary folder, named after the folder's absolute path, so that
/// nothing is added to the output.
pub fn lock_output(output: &Path, waiting: impl FnOnce()) -> Result<OutputLock, WriteError> {
    let absolute = std::path::absolute(output).unwrap_or_else(|_| output.to_path_buf());
    let absolute: PathBuf = absolute.components().collect();
    let folder = std::env::temp_dir().join("chanx-locks");
    fs::create_dir_all(&folder).map_err(io_error(&folder))?;
    let digest = sha256_hex(absolute.to_string_lossy().as_bytes());
    let path = folder.join(format!("{}.lock", &digest[..32]));
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io_error(&path))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => {
            waiting();
            file.lock().map_err(io_error(&path))?;
        }
        Err(fs::TryLockError::Error(error)) => return Err(io_error(&path)(error)),
    }
    Ok(OutputLock { _file: file })
}

/// Ends the name of the temporary file each file is written to before it is
/// renamed into place.
const TEMPORARY_SUFFIX: &str = ".chanx-tmp";

/// Whether `path` is a temporary file that an interrupted run left: named
/// `.NAME.PID.chanx-tmp` beside a file NAME that chanx generates or
/// generated there. A user's own `.x.chanx-tmp` is none.
pub(super) fn is_temporary(path: &str, generated: impl Fn(&str) -> bool) -> bool {
    let (folder, name) = match path.rsplit_once('/') {
        Some((folder, name)) => (Some(folder), name),
        None => (None, path),
    };
    let Some(inner) = name
        .strip_prefix('.')
        .and_then(|name| name.strip_suffix(TEMPORARY_SUFFIX))
    else {
        return false;
    };
    let Some((target, pid)) = inner.rsplit_once('.') else {
        return false;
    };
    if target.is_empty() || pid.is_empty() || !pid.bytes().all(|byte| byte.is_ascii_digit()) {
        return false;
    }
    match folder {
        Some(folder) => generated(&format!("{folder}/{target}")),
        None => generated(target),
    }
}

/// The temporary name a file is written under before it is renamed into
/// place: hidden, in the same folder, unique to this process.
fn temporary_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
    target.with_file_name(format!(".{name}.{}{TEMPORARY_SUFFIX}", std::process::id()))
}
