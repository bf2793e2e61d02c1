//! Config: `chanx.toml`, the list of clients a repository generates, so that
//! `chanx generate-client` and `chanx check` without `--schema` (as in a
//! pre-commit hook) act on each of them.
//!
//! ```toml
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
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::Perspective;

/// The file name looked for in the current folder.
pub const CONFIG_FILE: &str = "chanx.toml";

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    client: Vec<ClientEntry>,
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
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read: {message}")]
    Read { path: String, message: String },
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
}

/// Reads the clients listed in a config file.
pub fn load(path: &Path) -> Result<Vec<Client>, ConfigError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|error| ConfigError::Read {
        path: shown.clone(),
        message: error.to_string(),
    })?;
    let file: File = toml::from_str(&text).map_err(|error| ConfigError::Invalid {
        path: shown.clone(),
        message: error.to_string().lines().collect::<Vec<_>>().join(" "),
    })?;
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
}
