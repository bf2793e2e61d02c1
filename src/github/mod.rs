//! GitHub: `chanx pull-request`. Turns the changes `generate-client` would
//! make to the output folder *on the base branch* into one commit on a
//! branch of its own, through the Git Data REST API (no local git), and opens,
//! updates or closes the one pull request of that branch.
//!
//! `api` is the only module that speaks HTTP to GitHub; `steps` holds the
//! steps of a run, each a named function; `body` writes the pull request's
//! description.

use serde::Serialize;
use sha1::{Digest, Sha1};

use crate::surface::{ApiChange, ApiReport};
use crate::tree::Tree;
use crate::write::{self, WriteOptions};

mod api;
mod body;
mod steps;

use api::Api;
pub use api::API_VERSION;
pub use body::pull_request_body;

/// Everything `pull-request` needs besides the tree.
#[derive(Debug, Clone)]
pub struct PullRequestOptions {
    pub owner: String,
    pub repo: String,
    /// `None`: the repository's default branch.
    pub base: Option<String>,
    pub branch: String,
    pub title: String,
    pub body_header: Option<String>,
    pub commit_message: String,
    pub labels: Vec<String>,
    /// Added when a change breaks callers, removed when none does; `None`
    /// leaves labels alone.
    pub breaking_label: Option<String>,
    pub draft: bool,
    pub api_url: String,
    pub token: String,
    /// Overwrite a branch that has commits chanx did not make.
    pub force: bool,
    /// The output folder, relative to the repository root.
    pub dir: String,
    pub schema: String,
    pub schema_sha256: String,
    /// The command that regenerates the client locally.
    pub remedy: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Operation {
    Created,
    Updated,
    Closed,
    None,
}

/// What happened, as `--format json` prints it.
#[derive(Debug, Clone, Serialize)]
pub struct PullRequestOutcome {
    pub operation: Operation,
    pub number: Option<u64>,
    pub url: Option<String>,
    pub branch: String,
    pub head_sha: Option<String>,
    pub files: Vec<ChangedFile>,
    /// Whether a change of the client's API breaks callers.
    pub breaking: bool,
    /// `None` when they cannot be told (see `api_note`).
    pub api_changes: Option<Vec<ApiChange>>,
    pub api_note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChangedFile {
    /// Relative to the repository root.
    pub path: String,
    pub status: &'static str,
}

#[derive(Debug, thiserror::Error)]
pub enum GitHubError {
    #[error("GitHub rejected the token (401): set GITHUB_TOKEN, or the variable --token-env names, to a valid token")]
    Unauthorized,
    #[error("GitHub refused {step} (403: {message}): the token needs `contents: write` and `pull-requests: write` (for GITHUB_TOKEN also allow GitHub Actions to create pull requests in the repository settings; workflows from forks only get a read-only token)")]
    Forbidden { step: String, message: String },
    #[error("{what} (404)")]
    NotFound { what: String },
    #[error("GitHub could not {step} (422: {message})")]
    Unprocessable { step: String, message: String },
    #[error(
        "GitHub's rate limit held after {} waits while trying to {step}; try again later",
        api::RATE_LIMIT_RETRIES
    )]
    RateLimited { step: String },
    #[error("GitHub failed to {step} ({status}); the branch was not changed")]
    Server { step: String, status: String },
    #[error("cannot reach GitHub at {api_url} to {step}: {message}")]
    Transport {
        api_url: String,
        step: String,
        message: String,
    },
    #[error("branch {branch} has commits chanx did not make; rerun with --force to replace them")]
    ForeignBranch { branch: String },
    #[error("unexpected answer from GitHub to {step}: {message}")]
    Unexpected { step: String, message: String },
    #[error("{0}")]
    Folder(#[from] write::WriteError),
    #[error("cannot set up the GitHub client: {0}")]
    Setup(String),
}

impl PullRequestOutcome {
    /// Records what `api` says of the client's API.
    fn with_api(self, api: ApiReport) -> PullRequestOutcome {
        let breaking = api.breaking() > 0;
        let (api_changes, api_note) = match api {
            ApiReport::Changes(changes) => (Some(changes), None),
            ApiReport::CannotTell(why) => (None, Some(why)),
        };
        PullRequestOutcome {
            breaking,
            api_changes,
            api_note,
            ..self
        }
    }
}

/// The git object id of a file's content.
pub fn git_blob_sha(bytes: &[u8]) -> String {
    let mut hasher = Sha1::new();
    hasher.update(format!("blob {}\0", bytes.len()).as_bytes());
    hasher.update(bytes);
    hasher
        .finalize()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The branch used for a client folder when none is given: stable, one per folder.
pub fn default_branch_for(dir: &str) -> String {
    let slug: String = dir
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("chanx/{}", slug.trim_matches('-'))
}

/// Runs the whole flow on a private single-threaded runtime.
pub fn pull_request(
    tree: &Tree,
    write_options: &WriteOptions,
    options: &PullRequestOptions,
) -> Result<PullRequestOutcome, GitHubError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|error| GitHubError::Setup(error.to_string()))?;
    runtime.block_on(async {
        let api = Api::new(options)?;
        steps::run(&api, tree, write_options, options).await
    })
}

#[cfg(test)]
mod tests {
    use super::api::head_ref;
    use super::*;

    #[test]
    fn blob_ids_match_git() {
        // `printf 'hello\n' | git hash-object --stdin`
        assert_eq!(
            git_blob_sha(b"hello\n"),
            "ce013625030ba8dba906f756967f9e9ca394464a"
        );
        assert_eq!(
            git_blob_sha(b""),
            "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"
        );
    }

    #[test]
    fn default_branches_are_stable_and_safe() {
        assert_eq!(
            default_branch_for("clients/my_client"),
            "chanx/clients-my_client"
        );
        assert_eq!(default_branch_for("my client!"), "chanx/my-client");
        assert_eq!(
            head_ref("chanx/clients-my_client"),
            "heads/chanx/clients-my_client"
        );
    }
}
