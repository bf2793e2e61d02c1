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
//! override_base = false             # optional, as --override-base
//! no_clear_channels = false         # optional, as --no-clear-channels
//! perspective = "server"            # optional, as --perspective
//! with_tests = false                # optional, as --with-tests
//! server = "chat.example.com"       # optional, as --server
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::options::Perspective;

/// The file name looked for in the current folder.
pub const CONFIG_FILE: &str = "chanx.toml";

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(rename = "required-version")]
    required_version: Option<String>,
    #[serde(default)]
    client: Vec<ClientEntry>,
}

/// Only the version requirement, for runs that name their client by flag.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
struct VersionOnly {
    #[serde(rename = "required-version")]
    required_version: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClientEntry {
    schema: String,
    output: PathBuf,
    formatter: Option<String>,
    #[serde(default)]
    no_format: bool,
    #[serde(default)]
    no_readme: bool,
    #[serde(default)]
    override_base: bool,
    #[serde(default)]
    no_clear_channels: bool,
    #[serde(default)]
    perspective: Option<String>,
    #[serde(default)]
    with_tests: bool,
    server: Option<String>,
}

/// One client to generate or check, with paths resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Client {
    pub schema: String,
    pub output: PathBuf,
    pub formatter: Option<String>,
    pub no_format: bool,
    pub no_readme: bool,
    pub override_base: bool,
    pub no_clear_channels: bool,
    pub perspective: Perspective,
    pub with_tests: bool,
    /// As `--server`.
    pub server: Option<String>,
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
pub fn load(path: &Path) -> Result<Vec<Client>, ConfigError> {
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
            if entry.no_format && entry.formatter.is_some() {
                return Err(ConfigError::Invalid {
                    path: shown.clone(),
                    message: format!(
                        "client {}: `formatter` and `no_format` exclude each other",
                        index + 1
                    ),
                });
            }
            let is_url =
                entry.schema.starts_with("http://") || entry.schema.starts_with("https://");
            let schema = if is_url || Path::new(&entry.schema).is_absolute() {
                entry.schema
            } else {
                base.join(&entry.schema).to_string_lossy().into_owned()
            };
            let perspective = match entry.perspective.as_deref() {
                None | Some("server") => Perspective::Server,
                Some("client") => Perspective::Client,
                Some(other) => {
                    return Err(ConfigError::Invalid {
                        path: shown.clone(),
                        message: format!(
                            "client {}: perspective must be server or client, not {other:?}",
                            index + 1
                        ),
                    })
                }
            };
            Ok(Client {
                perspective,
                schema,
                output: base.join(entry.output),
                formatter: entry.formatter,
                no_format: entry.no_format,
                no_readme: entry.no_readme,
                override_base: entry.override_base,
                no_clear_channels: entry.no_clear_channels,
                with_tests: entry.with_tests,
                server: entry.server,
            })
        })
        .collect()
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
        assert!(clients[0].no_readme);
        assert_eq!(clients[1].schema, "http://127.0.0.1:8000/asyncapi.json");
        assert_eq!(clients[1].formatter.as_deref(), Some("black"));

        std::fs::write(&path, "[[client]]\nshema = \"x\"\noutput = \"y\"\n").unwrap();
        let error = load(&path).unwrap_err().to_string();
        assert!(error.contains("shema"), "{error}");
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
