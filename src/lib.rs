//! chanx client generator: turns an AsyncAPI 3.0 document into a typed Python
//! WebSocket client package.
//!
//! The pipeline runs in one direction, one module per stage:
//! [`load`] → [`resolve`] → [`model`] → [`naming`]/[`layout`] → [`render`] and
//! [`surface`] → [`tree`],
//! and the commands consume the finished tree: [`write`] plans and applies
//! it for `generate-client`, [`report`] shows the plan for `check`.
//! [`options`] holds the user's choices that several stages read, and
//! [`value`] the document's values with their canonical JSON, so that no
//! two modules import each other.

pub mod cli;
pub mod config;
pub mod format;
#[cfg(feature = "github")]
pub mod github;
pub mod layout;
pub mod load;
pub mod model;
pub mod naming;
pub mod options;
pub mod pyfmt;
pub mod python;
pub mod render;
pub mod report;
pub mod resolve;
pub mod surface;
pub mod tree;
pub mod value;
pub mod write;

/// Runs every stage from a loaded document to the in-memory package tree;
/// `limits` apply to the documents it references.
pub fn generate(
    document: load::LoadedDocument,
    options: &options::GenerateOptions,
    limits: &load::Limits,
) -> Result<(model::Api, tree::Tree), GenerateError> {
    let documents = resolve::Documents::load(document, limits)?;
    let (schema_sha256, api) = rayon::join(
        || tree::canonical_sha256(documents.root()),
        || model::build(&documents, options.perspective),
    );
    let mut api = api?;
    if let Some(server) = &options.server {
        api.server = Some(server.clone());
    }
    // The documents are large and no longer needed.
    drop(documents);
    let plan = layout::arrange(&api)?;
    let files = render::render(&api, &plan, options)?;
    let surface = surface::of(&api, &plan);
    let tree = tree::Tree::new(files, schema_sha256, options, surface);
    Ok((api, tree))
}

/// Frees a large value on a pool thread, off the path to the result.
pub(crate) fn drop_in_background<T: Send + 'static>(value: T) {
    rayon::spawn(move || drop(value));
}

/// An error and its causes on one line, `error: cause: cause`.
pub(crate) fn error_chain(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        message = format!("{message}: {cause}");
        source = cause.source();
    }
    message
}

/// Any failure between a loaded document and a finished tree.
#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error(transparent)]
    Resolve(#[from] resolve::ResolveError),
    #[error(transparent)]
    Model(#[from] model::ModelError),
    #[error(transparent)]
    Layout(#[from] layout::LayoutError),
    #[error(transparent)]
    Render(#[from] render::RenderError),
}
