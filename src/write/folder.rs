//! Output folders as the plan reads them: on disk (never following a
//! symlink) or in memory (a base branch's), and the manifest an earlier run
//! recorded in them.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;

use crate::format::Recorded;
use crate::surface::RecordedSurface;
use crate::tree::{sha256_hex, MANIFEST};

use super::apply::reject_symlink;
use super::{io_error, WriteError};

/// The current content of an output folder: on disk, or on a branch of a
/// repository. Paths are relative and `/`-separated.
pub trait Folder: Sync {
    /// How to name the folder in messages.
    fn describe(&self) -> String;
    /// Every file, without `__pycache__` folders.
    fn files(&self) -> Result<BTreeSet<String>, WriteError>;
    fn read(&self, path: &str) -> Result<Option<Vec<u8>>, WriteError>;
    /// The sha256 (hex) of a file's content, if the file exists.
    fn digest(&self, path: &str) -> Result<Option<String>, WriteError> {
        Ok(self.read(path)?.map(|bytes| sha256_hex(&bytes)))
    }

    /// The folder's manifest, if it has a readable one.
    fn manifest(&self) -> Result<Option<Cow<'_, RecordedManifest>>, WriteError> {
        read_manifest(self)
    }
}

/// What an earlier run recorded in the folder's manifest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordedManifest {
    /// The files chanx wrote, with their sha256s (hex).
    pub files: BTreeMap<String, String>,
    /// The chanx version that wrote them.
    pub generator_version: Option<String>,
    /// The formatter that shaped them.
    pub formatter: Recorded,
    /// The `api` entry as JSON text, read only when asked for: a check of
    /// an up-to-date client never needs it.
    api: Option<String>,
}

impl RecordedManifest {
    /// What client code could depend on.
    pub fn surface(&self) -> RecordedSurface {
        RecordedSurface::from_manifest(self.api.as_deref())
    }
}

/// The entries of a manifest chanx reads; the others are kept as their
/// JSON text, so that the API surface, by far the largest, is read once
/// into its own types, and an entry set to `null` is told from a missing one.
#[derive(Deserialize)]
struct ManifestEntries<'a> {
    files: BTreeMap<String, serde_json::Value>,
    #[serde(default, borrow, deserialize_with = "present")]
    generator_version: Option<&'a RawValue>,
    #[serde(default, borrow, deserialize_with = "present")]
    formatter: Option<&'a RawValue>,
    #[serde(default, borrow, deserialize_with = "present")]
    api: Option<&'a RawValue>,
}

fn present<'de, D: Deserializer<'de>>(entry: D) -> Result<Option<&'de RawValue>, D::Error> {
    <&RawValue>::deserialize(entry).map(Some)
}

/// The manifest in `bytes`, if it is one; paths that would leave the
/// folder are dropped. Every reader of a manifest goes through here.
pub fn parse_manifest(bytes: &[u8]) -> Option<RecordedManifest> {
    // A struct also reads from an array; a manifest is an object.
    if bytes.trim_ascii_start().first() != Some(&b'{') {
        return None;
    }
    let entries = serde_json::from_slice::<ManifestEntries>(bytes).ok()?;
    Some(RecordedManifest {
        files: entries
            .files
            .into_iter()
            .filter_map(|(path, hash)| Some((path, hash.as_str()?.to_string())))
            .filter(|(path, _)| is_safe_relative(path))
            .collect(),
        generator_version: entries
            .generator_version
            .and_then(|version| serde_json::from_str::<String>(version.get()).ok()),
        formatter: match entries.formatter.map(RawValue::get) {
            None => Recorded::Unknown,
            Some("null") => Recorded::Nothing,
            Some(record) => {
                serde_json::from_str(record).map_or(Recorded::Unknown, Recorded::Formatter)
            }
        },
        api: entries.api.map(|api| api.get().to_string()),
    })
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

fn read_manifest(
    folder: &(impl Folder + ?Sized),
) -> Result<Option<Cow<'_, RecordedManifest>>, WriteError> {
    Ok(folder
        .read(MANIFEST)?
        .and_then(|bytes| parse_manifest(&bytes))
        .map(Cow::Owned))
}

/// An output folder on disk; symlinks are never followed.
pub struct DiskFolder {
    root: PathBuf,
    scan: Option<Scan>,
}

/// A folder's files and their digests, read once.
struct Scan {
    files: BTreeSet<String>,
    /// Files that could not be read are left out, so that asking again
    /// reports why.
    digests: HashMap<String, String>,
    /// The manifest as it was when the folder was listed.
    manifest: Option<RecordedManifest>,
}

impl DiskFolder {
    pub fn new(root: &Path) -> Result<DiskFolder, WriteError> {
        reject_symlink(root)?;
        if root.exists() && !root.is_dir() {
            return Err(WriteError::NotAFolder {
                path: root.to_path_buf(),
            });
        }
        Ok(DiskFolder {
            root: root.to_path_buf(),
            scan: None,
        })
    }

    /// Lists the folder and hashes, in parallel, the files the manifest
    /// says chanx generated, so that planning compares digests and reads
    /// only the files that differ. Meant to run while the tree is generated.
    pub fn scan(mut self) -> Result<DiskFolder, WriteError> {
        let files = self.files()?;
        let manifest = self.manifest()?.map(Cow::into_owned);
        let generated = manifest.as_ref().map(|manifest| &manifest.files);
        let digests = files
            .par_iter()
            .filter(|path| {
                generated.is_some_and(|files| files.contains_key(*path)) || *path == MANIFEST
            })
            .filter_map(|path| Some((path.clone(), self.digest(path).ok()??)))
            .collect();
        self.scan = Some(Scan {
            files,
            digests,
            manifest,
        });
        Ok(self)
    }
}

impl Folder for DiskFolder {
    fn describe(&self) -> String {
        self.root.display().to_string()
    }

    fn files(&self) -> Result<BTreeSet<String>, WriteError> {
        if let Some(scan) = &self.scan {
            return Ok(scan.files.clone());
        }
        let mut files = BTreeSet::new();
        if !self.root.is_dir() {
            return Ok(files);
        }
        let walker = walkdir::WalkDir::new(&self.root)
            .follow_links(false)
            .into_iter()
            .filter_entry(|entry| entry.file_name() != "__pycache__");
        for entry in walker {
            let entry = entry.map_err(|error| WriteError::Io {
                path: self.root.clone(),
                message: error.to_string(),
            })?;
            if entry.file_type().is_dir() {
                continue;
            }
            let relative = entry
                .path()
                .strip_prefix(&self.root)
                .unwrap_or(entry.path());
            files.insert(relative.to_string_lossy().replace('\\', "/"));
        }
        Ok(files)
    }

    /// Reads a file that [`Folder::files`] listed (so its folders are real
    /// folders) or one at the top; refuses a symlink and anything that is
    /// not a regular file.
    fn read(&self, relative: &str) -> Result<Option<Vec<u8>>, WriteError> {
        let path = self.root.join(relative);
        reject_symlink(&path)?;
        // Reading a named pipe would wait for a writer forever.
        if fs::symlink_metadata(&path).is_ok_and(|meta| !meta.file_type().is_file()) {
            return Err(WriteError::NotRegular { path });
        }
        match fs::read(&path) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(io_error(&path)(error)),
        }
    }

    fn digest(&self, relative: &str) -> Result<Option<String>, WriteError> {
        if let Some(digest) = self
            .scan
            .as_ref()
            .and_then(|scan| scan.digests.get(relative))
        {
            return Ok(Some(digest.clone()));
        }
        Ok(self.read(relative)?.map(|bytes| sha256_hex(&bytes)))
    }

    fn manifest(&self) -> Result<Option<Cow<'_, RecordedManifest>>, WriteError> {
        match &self.scan {
            Some(scan) => Ok(scan.manifest.as_ref().map(Cow::Borrowed)),
            None => read_manifest(self),
        }
    }
}

/// An output folder held in memory.
pub struct MemoryFolder {
    pub name: String,
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Folder for MemoryFolder {
    fn describe(&self) -> String {
        self.name.clone()
    }

    fn files(&self) -> Result<BTreeSet<String>, WriteError> {
        Ok(self.files.keys().cloned().collect())
    }

    fn read(&self, path: &str) -> Result<Option<Vec<u8>>, WriteError> {
        Ok(self.files.get(path).cloned())
    }

    fn digest(&self, path: &str) -> Result<Option<String>, WriteError> {
        Ok(self.files.get(path).map(|bytes| sha256_hex(bytes)))
    }
}
