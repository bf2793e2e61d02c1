//! Config: `chanx.toml`, the list of clients a repository generates, so that
//! `chanx generate-client` and `chanx check` without `--schema` (as in a
//! pre-commit hook) act on each of them.
//!
//! ```toml
//! required-version = ">=0.1"        # optional: the chanx versions that may run
//!
//! [[client]]
//! schema = "server/asyncapi.json"   # path (relative to chanx.toml) or URL
//! output = "clients/chat_client"    # relative to chanx.toml
//! formatter = "ruff format"         # optional, as --formatter
//! no_format = false                 # optional, as --no-format
//! no_readme = false                 # optional, as --no-readme
//! with_tests = false                # optional, as --with-tests
//! override_base = false             # optional, as --override-base
//! no_clear_channels = false         # optional, as --no-clear-channels
//! perspective = "server"            # optional, as --perspective
//! server = "chat.example.com"       # optional, as --server
//! ```
//!
//! Every key but `schema` and `output` is a field of
//! [`ClientOptions`](crate::options::ClientOptions).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::options::ClientOptions;

/// The file name looked for in the current folder.
pub const CONFIG_FILE: &str = "chanx.toml";

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(rename = "required-version")]
    required_version: Option<String>,
    /// Each `[[client]]`: `schema` and `output`, and the [`ClientOptions`].
    #[serde(default)]
    client: Vec<toml::Table>,
}

/// Only the version requirement, for runs that name their client by flag.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
struct VersionOnly {
    #[serde(rename = "required-version")]
    required_version: Option<String>,
}

/// One client to generate or check, with paths resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientEntry {
    pub schema: String,
    pub output: PathBuf,
    pub options: ClientOptions,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read: {message}")]
    Read { path: String, message: String },
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
    #[error("{path}: required-version = {required:?}, but this is chanx {running}; install a chanx that matches (the GitHub Action installs it when required-version is one exact version)")]
    WrongVersion {
        path: String,
        required: String,
        running: String,
    },
}

impl ConfigError {
    /// The config file the error is about.
    pub fn path(&self) -> &str {
        match self {
            ConfigError::Read { path, .. }
            | ConfigError::Invalid { path, .. }
            | ConfigError::WrongVersion { path, .. } => path,
        }
    }
}

fn parse<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, ConfigError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|error| ConfigError::Read {
        path: shown.clone(),
        message: error.to_string(),
    })?;
    toml::from_str(&text).map_err(|error| ConfigError::Invalid {
        path: shown,
        message: error.to_string().lines().collect::<Vec<_>>().join(" "),
    })
}

/// Whether `version` satisfies `required`: a PEP 440 specifier list
/// (`>=0.1, <0.3`, `~=0.1.0`, `==0.1.*`) or one exact version (`0.1.0`),
/// as ruff's `required-version` reads.
pub fn version_matches(required: &str, version: &str) -> Result<bool, String> {
    use std::str::FromStr;
    let version = pep440_rs::Version::from_str(version).map_err(|error| error.to_string())?;
    let required = required.trim();
    if let Ok(exact) = pep440_rs::Version::from_str(required) {
        return Ok(exact == version);
    }
    let specifiers = pep440_rs::VersionSpecifiers::from_str(required).map_err(|error| {
        format!(
            "required-version {required:?} is neither a version nor a version specifier: {error}"
        )
    })?;
    Ok(specifiers.contains(&version))
}

fn enforce(path: &Path, required: Option<&str>) -> Result<(), ConfigError> {
    let Some(required) = required else {
        return Ok(());
    };
    let running = env!("CARGO_PKG_VERSION");
    let shown = path.display().to_string();
    match version_matches(required, running) {
        Ok(true) => Ok(()),
        Ok(false) => Err(ConfigError::WrongVersion {
            path: shown,
            required: required.to_string(),
            running: running.to_string(),
        }),
        Err(message) => Err(ConfigError::Invalid {
            path: shown,
            message,
        }),
    }
}

/// Refuses to run when the config file's `required-version` excludes this
/// chanx; a run that names its client by flag still honours it.
pub fn check_required_version(path: &Path) -> Result<(), ConfigError> {
    let file: VersionOnly = parse(path)?;
    enforce(path, file.required_version.as_deref())
}

/// The host (with port) and protocol of a `--server` value: `host:port`,
/// or a `ws://` or `wss://` URL.
pub fn parse_server(text: &str) -> Result<(String, String), String> {
    let (protocol, host) = match text.split_once("://") {
        Some(("ws", host)) => ("ws", host),
        Some(("wss", host)) => ("wss", host),
        Some((scheme, _)) => {
            return Err(format!(
                "--server {text:?}: give host:port or a ws:// or wss:// URL, not {scheme}://"
            ))
        }
        None => ("ws", text),
    };
    let host = host.trim_end_matches('/');
    if host.is_empty() || host.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("--server {text:?}: not a host"));
    }
    Ok((host.to_string(), protocol.to_string()))
}

/// Reads the clients listed in a config file, once its `required-version`
/// admits this chanx.
pub fn load(path: &Path) -> Result<Vec<ClientEntry>, ConfigError> {
    let shown = path.display().to_string();
    let file: File = parse(path)?;
    enforce(path, file.required_version.as_deref())?;
    if file.client.is_empty() {
        return Err(ConfigError::Invalid {
            path: shown,
            message: "lists no [[client]]".to_string(),
        });
    }
    let base = path.parent().unwrap_or(Path::new(""));
    file.client
        .into_iter()
        .enumerate()
        .map(|(index, entry)| {
            client_entry(base, entry).map_err(|message| ConfigError::Invalid {
                path: shown.clone(),
                message: format!("client {}: {message}", index + 1),
            })
        })
        .collect()
}

/// A `[[client]]` entry, its paths relative to the folder of chanx.toml.
fn client_entry(base: &Path, mut entry: toml::Table) -> Result<ClientEntry, String> {
    let (schema, output) = (entry.remove("schema"), entry.remove("output"));
    // Unknown keys first: a misspelt `schema` is named as it is written.
    let options: ClientOptions = toml::Value::Table(entry)
        .try_into()
        .map_err(|error: toml::de::Error| error.message().to_string())?;
    let text = |key: &str, value: Option<toml::Value>| match value {
        Some(toml::Value::String(text)) => Ok(text),
        Some(_) => Err(format!("`{key}` must be a string")),
        None => Err(format!("`{key}` is missing")),
    };
    let (schema, output) = (text("schema", schema)?, text("output", output)?);
    if let Some(conflict) = options.conflict() {
        return Err(conflict.to_string());
    }
    let is_url = schema.starts_with("http://") || schema.starts_with("https://");
    let schema = if is_url || Path::new(&schema).is_absolute() {
        schema
    } else {
        base.join(&schema).to_string_lossy().into_owned()
    };
    Ok(ClientEntry {
        schema,
        output: base.join(output),
        options,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_relative_to_the_config_file_and_unknown_keys_fail() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(CONFIG_FILE);
        std::fs::write(
            &path,
            "[[client]]\nschema = \"api/asyncapi.json\"\noutput = \"clients/one\"\nno_readme = true\n\n\
             [[client]]\nschema = \"http://127.0.0.1:8000/asyncapi.json\"\noutput = \"two\"\nformatter = \"black\"\n",
        )
        .unwrap();
        let clients = load(&path).unwrap();
        assert_eq!(
            clients[0].schema,
            dir.path().join("api/asyncapi.json").to_string_lossy()
        );
        assert_eq!(clients[0].output, dir.path().join("clients/one"));
        assert!(clients[0].options.no_readme);
        assert_eq!(clients[1].schema, "http://127.0.0.1:8000/asyncapi.json");
        assert_eq!(clients[1].options.formatter.as_deref(), Some("black"));

        for (entry, message) in [
            ("shema = \"x\"\noutput = \"y\"", "client 1: unknown field `shema`"),
            ("output = \"y\"", "client 1: `schema` is missing"),
            ("schema = 1\noutput = \"y\"", "client 1: `schema` must be a string"),
            ("schema = \"x\"\noutput = \"y\"\nperspective = \"sever\"", "client 1: unknown variant `sever`, expected `server` or `client`"),
            ("schema = \"x\"\noutput = \"y\"\nno_format = true\nformatter = \"black\"", "client 1: `formatter` (--formatter) and `no_format` (--no-format) exclude each other"),
        ] {
            std::fs::write(&path, format!("[[client]]\n{entry}\n")).unwrap();
            let error = load(&path).unwrap_err().to_string();
            assert!(error.contains(message), "{error}");
        }
    }

    #[test]
    fn required_versions_read_as_ruff_reads_them() {
        for (required, version, matches) in [
            ("0.1.0", "0.1.0", true),
            ("0.1.0", "0.1.1", false),
            ("==0.1.0", "0.1.0", true),
            (">=0.1", "0.2.3", true),
            (">=0.1, <0.2", "0.2.0", false),
            ("~=0.1.0", "0.1.9", true),
            ("~=0.1.0", "0.2.0", false),
            ("==0.1.*", "0.1.7", true),
            ("!=0.1.0", "0.1.0", false),
        ] {
            assert_eq!(
                version_matches(required, version),
                Ok(matches),
                "{required} against {version}"
            );
        }
        assert!(version_matches("latest", "0.1.0").is_err());
    }
}
