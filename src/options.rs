//! Options: the choices a user makes that change what is generated, shared
//! by the command line, chanx.toml, the model and the tree, so that none of
//! those has to import another for them.
//!
//! [`ClientOptions`] is the one definition of each client's choices: clap
//! reads them as flags, chanx.toml as keys, the remedy command writes them
//! back as flags, and a test holds the GitHub Action's inputs to them.

use serde::{Deserialize, Serialize};

/// Whom the document describes, which decides the direction of every
/// operation: chanx documents describe the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Perspective {
    /// `receive` operations are what the client sends (chanx, Slack RTM).
    #[default]
    Server,
    /// The document describes the client itself: `send` is what it sends.
    Client,
}

/// Choices that change the generated files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenerateOptions {
    /// Write `README.md`.
    pub readme: bool,
    /// The import name of the package (its folder name), used in examples.
    pub package_name: String,
    /// Whom the document describes.
    pub perspective: Perspective,
    /// Write `test_examples.py`, validating the document's message examples.
    pub with_tests: bool,
    /// `--server`: the host (with port) and protocol that clients connect
    /// to by default, in place of the document's first server.
    pub server: Option<(String, String)>,
}

#[cfg(test)]
impl GenerateOptions {
    /// A package named `client` from a server's document, without README
    /// or tests, for tests of the stages after rendering.
    pub(crate) fn bare() -> GenerateOptions {
        GenerateOptions {
            server: None,
            readme: false,
            package_name: "client".to_string(),
            perspective: Perspective::Server,
            with_tests: false,
        }
    }
}

/// One client's choices: each field is a flag of `generate-client` and
/// `check` (`no_format` is `--no-format`), a key of a `[[client]]` entry in
/// chanx.toml, and an input of the GitHub Action. A flag adds to what
/// chanx.toml says ([`ClientOptions::overridden_by`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ClientOptions {
    /// Formatter to run on the generated files, e.g. "ruff format" or "black".
    /// Without it, the formatter the output folder's manifest records runs
    /// (exit 2 when it is missing or another version); for a folder without
    /// a record, `ruff format` when ruff is on PATH.
    #[arg(long, short, value_name = "COMMAND", conflicts_with = "no_format")]
    pub formatter: Option<String>,
    /// Do not run any formatter (the output is already ruff-formatted).
    #[arg(long)]
    #[serde(default)]
    pub no_format: bool,
    /// Do not write README.md.
    #[arg(long)]
    #[serde(default)]
    pub no_readme: bool,
    /// Also write test_examples.py: a pytest module that validates every
    /// message example of the document against its generated model.
    #[arg(long)]
    #[serde(default)]
    pub with_tests: bool,
    /// Regenerate base/ even if it exists.
    #[arg(long)]
    #[serde(default)]
    pub override_base: bool,
    /// Keep files of channel folders that the document no longer produces.
    #[arg(long)]
    #[serde(default)]
    pub no_clear_channels: bool,
    /// Whom the document describes: `server` (chanx's convention: its `receive`
    /// operations are what the client sends) or `client` (flips every direction).
    #[arg(long, value_enum, default_value_t = Perspective::Server)]
    #[serde(default)]
    pub perspective: Perspective,
    /// The server clients connect to by default (`host:port`, or a ws:// or
    /// wss:// URL), in place of the document's first server. Without it, a
    /// document fetched from a URL whose server is just the host it was
    /// fetched from (a chanx server writes the request's Host there) gets
    /// no default server, so `localhost` and `127.0.0.1` give one client.
    #[arg(long, value_name = "HOST_OR_URL")]
    pub server: Option<String>,
}

impl ClientOptions {
    /// These options (a chanx.toml entry's) with the command line's
    /// `flags` on top: a flag that is given wins, a switch adds.
    pub fn overridden_by(self, flags: &ClientOptions) -> ClientOptions {
        ClientOptions {
            formatter: flags.formatter.clone().or(self.formatter),
            no_format: flags.no_format || self.no_format,
            no_readme: flags.no_readme || self.no_readme,
            with_tests: flags.with_tests || self.with_tests,
            override_base: flags.override_base || self.override_base,
            no_clear_channels: flags.no_clear_channels || self.no_clear_channels,
            perspective: match flags.perspective {
                Perspective::Client => Perspective::Client,
                Perspective::Server => self.perspective,
            },
            server: flags.server.clone().or(self.server),
        }
    }

    /// Why these options cannot be used together, if they cannot.
    pub fn conflict(&self) -> Option<&'static str> {
        (self.no_format && self.formatter.is_some())
            .then_some("`formatter` (--formatter) and `no_format` (--no-format) exclude each other")
    }

    /// The command-line words that give these options: one flag for each
    /// that differs from its default.
    pub fn flag_words(&self) -> Vec<String> {
        let given = serde_json::to_value(self).unwrap_or_default();
        let default = serde_json::to_value(ClientOptions::default()).unwrap_or_default();
        let (Some(given), Some(default)) = (given.as_object(), default.as_object()) else {
            return Vec::new();
        };
        let mut words = Vec::new();
        for (key, value) in given {
            if default.get(key) == Some(value) {
                continue;
            }
            words.push(format!("--{}", key.replace('_', "-")));
            if let Some(text) = value.as_str() {
                words.push(text.to_string());
            }
        }
        words
    }

    /// The names of the options, as chanx.toml spells them.
    pub fn keys() -> Vec<String> {
        serde_json::to_value(ClientOptions::default())
            .ok()
            .and_then(|value| value.as_object().map(|map| map.keys().cloned().collect()))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_come_back_as_the_words_that_give_them() {
        assert!(ClientOptions::default().flag_words().is_empty());
        let options = ClientOptions {
            formatter: Some("black -q".to_string()),
            no_readme: true,
            perspective: Perspective::Client,
            server: Some("chat.example.com".to_string()),
            ..ClientOptions::default()
        };
        assert_eq!(
            options.flag_words(),
            [
                "--formatter",
                "black -q",
                "--no-readme",
                "--perspective",
                "client",
                "--server",
                "chat.example.com"
            ]
        );
    }

    #[test]
    fn a_flag_wins_over_the_config_and_a_switch_adds() {
        let config = ClientOptions {
            formatter: Some("black".to_string()),
            no_readme: true,
            perspective: Perspective::Client,
            ..ClientOptions::default()
        };
        let flags = ClientOptions {
            formatter: Some("ruff format".to_string()),
            with_tests: true,
            ..ClientOptions::default()
        };
        let merged = config.overridden_by(&flags);
        assert_eq!(merged.formatter.as_deref(), Some("ruff format"));
        assert!(merged.no_readme && merged.with_tests);
        assert_eq!(merged.perspective, Perspective::Client);
        assert_eq!(
            ClientOptions::keys(),
            [
                "formatter",
                "no_format",
                "no_readme",
                "with_tests",
                "override_base",
                "no_clear_channels",
                "perspective",
                "server"
            ]
        );
    }
}
