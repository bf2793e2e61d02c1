//! Tree: the whole generated package as an in-memory map of relative path →
//! bytes, plus the manifest of what the generator owns. Every command works
//! from this value: `generate-client` writes it.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::options::{GenerateOptions, Perspective};
use crate::surface::ApiSurface;
use crate::value::Value;

/// Name of the manifest file inside the output folder.
pub const MANIFEST: &str = ".chanx-manifest.json";

/// The generated package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tree {
    /// Relative path (always `/`-separated) → content, manifest included.
    /// Private: files change only through [`Tree::formatted`], which keeps
    /// the digests and the manifest in step.
    files: BTreeMap<String, Vec<u8>>,
    /// The sha256 (hex) of each file, manifest included.
    digests: BTreeMap<String, String>,
    schema_sha256: String,
    options: ManifestOptions,
    formatter: Option<FormatterRecord>,
    surface: ApiSurface,
}

/// The formatter that shaped the files: its command and the version it
/// reported, so that `check` can run the same one or say why it cannot.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct FormatterRecord {
    pub command: String,
    pub version: Option<String>,
}

#[derive(Serialize)]
struct Manifest<'a> {
    generator: &'static str,
    /// Information only: comparisons ignore it, so upgrading is no drift.
    generator_version: &'static str,
    schema_sha256: &'a str,
    options: ManifestOptions,
    /// `null` when no formatter ran.
    formatter: Option<&'a FormatterRecord>,
    files: BTreeMap<&'a str, &'a str>,
    /// What client code can depend on, one line per client and model.
    api: &'a ApiSurface,
}

#[derive(Serialize, Debug, Clone, Copy, PartialEq, Eq)]
struct ManifestOptions {
    readme: bool,
    #[serde(skip_serializing_if = "is_server")]
    perspective: &'static str,
    #[serde(skip_serializing_if = "is_false")]
    with_tests: bool,
}

fn is_false(value: &bool) -> bool {
    !value
}

/// The default perspective is left out, so manifests of chanx clients stay
/// as they were before the option existed.
fn is_server(perspective: &&str) -> bool {
    *perspective == "server"
}

impl Tree {
    pub fn new(
        rendered: BTreeMap<String, String>,
        schema_sha256: String,
        options: &GenerateOptions,
        surface: ApiSurface,
    ) -> Tree {
        let files = rendered
            .into_iter()
            .map(|(path, text)| (path, text.into_bytes()))
            .collect();
        let perspective = match options.perspective {
            Perspective::Server => "server",
            Perspective::Client => "client",
        };
        let options = ManifestOptions {
            readme: options.readme,
            perspective,
            with_tests: options.with_tests,
        };
        Tree::with_manifest(files, schema_sha256, options, None, surface)
    }

    fn with_manifest(
        mut files: BTreeMap<String, Vec<u8>>,
        schema_sha256: String,
        options: ManifestOptions,
        formatter: Option<FormatterRecord>,
        surface: ApiSurface,
    ) -> Tree {
        files.remove(MANIFEST);
        let mut digests: BTreeMap<String, String> = files
            .par_iter()
            .map(|(path, bytes)| (path.clone(), sha256_hex(bytes)))
            .collect();
        let manifest = Manifest {
            generator: "chanx",
            generator_version: env!("CARGO_PKG_VERSION"),
            schema_sha256: &schema_sha256,
            options,
            formatter: formatter.as_ref(),
            files: digests
                .iter()
                .map(|(path, digest)| (path.as_str(), digest.as_str()))
                .collect(),
            api: &surface,
        };
        let mut text = manifest_json(&manifest);
        text.push('\n');
        digests.insert(MANIFEST.to_string(), sha256_hex(text.as_bytes()));
        files.insert(MANIFEST.to_string(), text.into_bytes());
        Tree {
            files,
            digests,
            schema_sha256,
            options,
            formatter,
            surface,
        }
    }

    /// The same package with some files replaced by `formatter`, its
    /// manifest recomputed.
    pub fn formatted(
        self,
        replaced: BTreeMap<String, Vec<u8>>,
        formatter: FormatterRecord,
    ) -> Tree {
        let mut files = self.files;
        files.extend(replaced);
        Tree::with_manifest(
            files,
            self.schema_sha256,
            self.options,
            Some(formatter),
            self.surface,
        )
    }

    /// Relative path (always `/`-separated) → content, manifest included.
    pub fn files(&self) -> &BTreeMap<String, Vec<u8>> {
        &self.files
    }

    /// The files, for a caller that is done with the tree.
    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.files
    }

    /// The formatter that shaped the files, if one ran.
    pub fn formatter(&self) -> Option<&FormatterRecord> {
        self.formatter.as_ref()
    }

    /// The sha256 (hex) of a file of the tree; empty for a path it lacks.
    pub fn digest(&self, path: &str) -> &str {
        self.digests.get(path).map_or("", String::as_str)
    }

    /// What client code can depend on, as the manifest records it.
    pub fn surface(&self) -> &ApiSurface {
        &self.surface
    }

    pub fn schema_sha256(&self) -> &str {
        &self.schema_sha256
    }

    /// Paths under `base/`, which regeneration keeps unless asked not to.
    pub fn is_base(path: &str) -> bool {
        path.starts_with("base/")
    }
}

/// Whether the manifest on disk says the same as the generated one but for
/// the version that wrote it, and for the formatter record and API surface
/// that manifests older than them lack: an upgrade alone is no drift.
pub fn same_manifest_but_version(on_disk: &[u8], generated: &[u8]) -> bool {
    let parse = |bytes: &[u8]| serde_json::from_slice::<serde_json::Value>(bytes).ok();
    let (Some(mut old), Some(mut new)) = (parse(on_disk), parse(generated)) else {
        return false;
    };
    let (Some(old_fields), Some(new_fields)) = (old.as_object_mut(), new.as_object_mut()) else {
        return false;
    };
    old_fields.remove("generator_version");
    new_fields.remove("generator_version");
    for recorded_later in ["formatter", "api"] {
        if !old_fields.contains_key(recorded_later) {
            new_fields.remove(recorded_later);
        }
    }
    old == new
}

/// Objects nested deeper than this print on one line in the manifest.
const MANIFEST_PRETTY_LEVELS: usize = 3;

/// The manifest as JSON: indented as `serde_json`'s pretty printer does,
/// but for what is nested deeper than [`MANIFEST_PRETTY_LEVELS`], which
/// takes one line, so that each client and model of the surface is a line.
fn manifest_json(manifest: &Manifest) -> String {
    let mut out = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(
        &mut out,
        ShallowPretty {
            depth: 0,
            has_value: false,
        },
    );
    // Plain data with string keys always serializes.
    let _ = manifest.serialize(&mut serializer);
    String::from_utf8(out).unwrap_or_default()
}

struct ShallowPretty {
    depth: usize,
    has_value: bool,
}

impl ShallowPretty {
    fn indented(&self) -> bool {
        self.depth <= MANIFEST_PRETTY_LEVELS
    }

    fn begin<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        open: &[u8],
    ) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(open)
    }

    fn end<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        close: &[u8],
    ) -> std::io::Result<()> {
        let indented = self.indented();
        self.depth -= 1;
        if self.has_value && indented {
            writer.write_all(b"\n")?;
            writer.write_all(&b"  ".repeat(self.depth))?;
        }
        writer.write_all(close)
    }

    fn item<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        match (first, self.indented()) {
            (true, true) => writer.write_all(b"\n")?,
            (false, true) => writer.write_all(b",\n")?,
            (true, false) => {}
            (false, false) => writer.write_all(b", ")?,
        }
        if self.indented() {
            writer.write_all(&b"  ".repeat(self.depth))?;
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for ShallowPretty {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.begin(writer, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.end(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(writer, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        _writer: &mut W,
    ) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.begin(writer, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.end(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(writer, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
    ) -> std::io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        _writer: &mut W,
    ) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    /// JSON escapes only the controls below U+0020; the surface carries
    /// the document's strings, so the rest of them and the characters that
    /// mislead a reviewer are escaped too.
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut start = 0;
        for (index, ch) in fragment.char_indices() {
            if ch.is_control() || crate::python::misleads_readers(ch) {
                writer.write_all(&fragment.as_bytes()[start..index])?;
                write!(writer, "\\u{:04x}", ch as u32)?;
                start = index + ch.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(digest: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(digest.len() * 2);
    for byte in digest {
        out.push(DIGITS[usize::from(byte >> 4)] as char);
        out.push(DIGITS[usize::from(byte & 0xf)] as char);
    }
    out
}

/// Feeds what is written to it into a hash.
struct HashWriter(Sha256);

impl std::io::Write for HashWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The sha256 of a document's content, independent of JSON or YAML syntax
/// and of key order: the hash of its compact JSON with keys sorted.
pub fn canonical_sha256(value: &Value) -> String {
    let mut writer = HashWriter(Sha256::new());
    // Writing into a hash cannot fail.
    let _ = crate::value::write_canonical(value, &mut writer);
    hex(&writer.0.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surface::{FieldSurface, Literal, ModelSurface, Ty};

    #[test]
    fn the_manifest_escapes_every_control_and_misleading_character() {
        let odd = "a\u{7f}b\u{85}c\u{9f}d\u{202e}e\u{2028}f\u{1}g\u{e9}";
        let field = FieldSurface {
            name: "kind".to_string(),
            ty: Ty::Literal(vec![Literal::Str(odd.to_string())]),
            required: true,
            default: None,
        };
        let surface = ApiSurface {
            format: crate::surface::SURFACE_FORMAT,
            clients: BTreeMap::new(),
            models: BTreeMap::from([(
                "Odd".to_string(),
                ModelSurface {
                    module: "odd".to_string(),
                    fields: Some([(odd.to_string(), field)].into_iter().collect()),
                    ..ModelSurface::default()
                },
            )]),
        };
        let options = GenerateOptions::bare();
        let tree = Tree::new(BTreeMap::new(), "0".repeat(64), &options, surface.clone());
        let manifest = std::str::from_utf8(&tree.files()[MANIFEST]).unwrap();
        let raw: Vec<char> = manifest
            .chars()
            .filter(|ch| *ch != '\n' && (ch.is_control() || crate::python::misleads_readers(*ch)))
            .collect();
        assert_eq!(raw, Vec::<char>::new());
        assert!(manifest.contains(r"a\u007fb\u0085c\u009fd\u202ee\u2028f\u0001g"));
        assert!(manifest.contains('\u{e9}'));
        let read: serde_json::Value = serde_json::from_str(manifest).unwrap();
        assert_eq!(
            serde_json::from_value::<ApiSurface>(read["api"].clone()).unwrap(),
            surface
        );
    }
}
