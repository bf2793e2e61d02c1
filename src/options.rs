//! Options: the choices a user makes that change what is generated, shared
//! by the command line, chanx.toml, the model and the tree, so that none of
//! those has to import another for them.

/// Whom the document describes, which decides the direction of every
/// operation: chanx documents describe the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
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
