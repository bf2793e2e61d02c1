//! GitHub: `chanx pull-request`. Turns the changes `generate-client` would
//! make to the output folder *on the base branch* into one commit on a
//! branch of its own, through the Git Data REST API (no local git), and opens,
//! updates or closes the one pull request of that branch.
//!
//! The only module that speaks HTTP to GitHub. Every request goes through
//! [`Api::send`], which adds the API version headers, retries rate limits a
//! bounded number of times and transport errors only for reads, and turns
//! error statuses into messages that say what to fix.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Duration;

use base64::Engine as _;
use http::{Method, StatusCode};
use octocrab::Octocrab;
use serde::Serialize;
use serde_json::{json, Value};
use sha1::{Digest, Sha1};

use crate::report;
use crate::tree::Tree;
use crate::write::{self, MemoryFolder, Status, WriteOptions};

/// The REST API version the requests are written for.
pub const API_VERSION: &str = "2022-11-28";
/// How often a rate-limited request is tried again, and the longest wait.
const RATE_LIMIT_RETRIES: usize = 3;
const MAX_RATE_LIMIT_WAIT: Duration = Duration::from_secs(60);
/// How often a read is tried again after a transport error or a 5xx.
const READ_RETRIES: usize = 2;
/// GitHub refuses pull request bodies over 65 536 characters.
const MAX_BODY_CHARS: usize = 60_000;

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
pub struct Outcome {
    pub operation: Operation,
    pub number: Option<u64>,
    pub url: Option<String>,
    pub branch: String,
    pub head_sha: Option<String>,
    pub files: Vec<ChangedFile>,
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
    #[error("GitHub's rate limit held after {RATE_LIMIT_RETRIES} waits while trying to {step}; try again later")]
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
) -> Result<Outcome, GitHubError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|error| GitHubError::Setup(error.to_string()))?;
    runtime.block_on(async {
        let api = Api::new(options)?;
        run(&api, tree, write_options, options).await
    })
}

struct Api {
    client: Octocrab,
    api_url: String,
    repo_path: String,
}

/// A successful answer.
struct Answer {
    status: StatusCode,
    json: Value,
}

impl Api {
    fn new(options: &PullRequestOptions) -> Result<Api, GitHubError> {
        let setup = |error: octocrab::Error| GitHubError::Setup(error.to_string());
        let client = Octocrab::builder()
            .base_uri(options.api_url.trim_end_matches('/'))
            .map_err(setup)?
            .personal_token(options.token.clone())
            .add_header(
                http::header::ACCEPT,
                "application/vnd.github+json".to_string(),
            )
            .add_header(
                http::HeaderName::from_static("x-github-api-version"),
                API_VERSION.to_string(),
            )
            .add_header(
                http::header::USER_AGENT,
                concat!("chanx/", env!("CARGO_PKG_VERSION")).to_string(),
            )
            .add_retry_config(octocrab::service::middleware::retry::RetryConfig::None)
            .set_connect_timeout(Some(Duration::from_secs(15)))
            .set_read_timeout(Some(Duration::from_secs(60)))
            .build()
            .map_err(setup)?;
        Ok(Api {
            client,
            api_url: options.api_url.clone(),
            repo_path: format!("/repos/{}/{}", options.owner, options.repo),
        })
    }

    /// Sends one request; `allow` lists error statuses returned as answers.
    async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
        step: &str,
        allow: &[StatusCode],
    ) -> Result<Answer, GitHubError> {
        let uri = format!("{}{path}", self.repo_path);
        let idempotent = method == Method::GET;
        let mut rate_limit_waits = 0;
        let mut read_retries = 0;
        loop {
            let sent = match method {
                Method::GET => self.client._get(uri.as_str()).await,
                Method::POST => self.client._post(uri.as_str(), body).await,
                Method::PATCH => self.client._patch(uri.as_str(), body).await,
                Method::DELETE => self.client._delete(uri.as_str(), body).await,
                _ => unreachable!("only GET, POST, PATCH and DELETE are used"),
            };
            let response = match sent {
                Ok(response) => response,
                Err(error) if idempotent && read_retries < READ_RETRIES => {
                    read_retries += 1;
                    let _ = error;
                    tokio::time::sleep(Duration::from_millis(200 * read_retries as u64)).await;
                    continue;
                }
                Err(error) => {
                    return Err(GitHubError::Transport {
                        api_url: self.api_url.clone(),
                        step: step.to_string(),
                        message: crate::error_chain(&error),
                    })
                }
            };
            let status = response.status();
            let wait = rate_limit_wait(&response);
            let text = self
                .client
                .body_to_string(response)
                .await
                .unwrap_or_default();
            if status.is_success() || allow.contains(&status) {
                let json = if text.trim().is_empty() {
                    Value::Null
                } else {
                    serde_json::from_str(&text).map_err(|error| GitHubError::Unexpected {
                        step: step.to_string(),
                        message: error.to_string(),
                    })?
                };
                return Ok(Answer { status, json });
            }
            if let Some(wait) = wait {
                if rate_limit_waits < RATE_LIMIT_RETRIES {
                    rate_limit_waits += 1;
                    tokio::time::sleep(wait).await;
                    continue;
                }
                return Err(GitHubError::RateLimited {
                    step: step.to_string(),
                });
            }
            if status.is_server_error() && idempotent && read_retries < READ_RETRIES {
                read_retries += 1;
                tokio::time::sleep(Duration::from_millis(200 * read_retries as u64)).await;
                continue;
            }
            let message = serde_json::from_str::<Value>(&text)
                .ok()
                .and_then(|json| {
                    json.get("message")
                        .and_then(Value::as_str)
                        .map(str::to_string)
                })
                .unwrap_or_else(|| text.chars().take(200).collect());
            return Err(match status.as_u16() {
                401 => GitHubError::Unauthorized,
                403 => GitHubError::Forbidden {
                    step: step.to_string(),
                    message,
                },
                404 => GitHubError::NotFound {
                    what: format!("cannot {step}: not found"),
                },
                422 => GitHubError::Unprocessable {
                    step: step.to_string(),
                    message,
                },
                _ => GitHubError::Server {
                    step: step.to_string(),
                    status: status.to_string(),
                },
            });
        }
    }

    async fn get(&self, path: &str, step: &str) -> Result<Value, GitHubError> {
        Ok(self.send(Method::GET, path, None, step, &[]).await?.json)
    }

    async fn get_optional(&self, path: &str, step: &str) -> Result<Option<Value>, GitHubError> {
        let answer = self
            .send(Method::GET, path, None, step, &[StatusCode::NOT_FOUND])
            .await?;
        Ok((answer.status != StatusCode::NOT_FOUND).then_some(answer.json))
    }

    async fn post(&self, path: &str, body: Value, step: &str) -> Result<Value, GitHubError> {
        Ok(self
            .send(Method::POST, path, Some(&body), step, &[])
            .await?
            .json)
    }

    async fn patch(&self, path: &str, body: Value, step: &str) -> Result<Value, GitHubError> {
        Ok(self
            .send(Method::PATCH, path, Some(&body), step, &[])
            .await?
            .json)
    }
}

/// How long GitHub asks to wait before retrying, when it says so.
fn rate_limit_wait<B>(response: &http::Response<B>) -> Option<Duration> {
    let status = response.status();
    if status != StatusCode::FORBIDDEN && status != StatusCode::TOO_MANY_REQUESTS {
        return None;
    }
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.trim().parse::<u64>().ok())
    };
    if let Some(seconds) = header("retry-after") {
        return Some(Duration::from_secs(seconds).min(MAX_RATE_LIMIT_WAIT));
    }
    if header("x-ratelimit-remaining") == Some(0) {
        let reset = header("x-ratelimit-reset")?;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_secs());
        return Some(
            Duration::from_secs(reset.saturating_sub(now).max(1)).min(MAX_RATE_LIMIT_WAIT),
        );
    }
    None
}

fn field<'a>(value: &'a Value, pointer: &str, step: &str) -> Result<&'a str, GitHubError> {
    value
        .pointer(pointer)
        .and_then(Value::as_str)
        .ok_or_else(|| GitHubError::Unexpected {
            step: step.to_string(),
            message: format!("no `{pointer}` in the answer"),
        })
}

/// What a URL path segment or query value escapes: all but RFC 3986's unreserved.
const ESCAPED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

fn encode_path(segment: &str) -> String {
    percent_encoding::utf8_percent_encode(segment, ESCAPED).to_string()
}

/// `heads/<branch>` for the ref endpoints, each segment escaped.
fn head_ref(branch: &str) -> String {
    let segments: Vec<String> = branch.split('/').map(encode_path).collect();
    format!("heads/{}", segments.join("/"))
}

/// The files of `dir` on a commit's tree: path relative to `dir` → blob id.
async fn files_in(
    api: &Api,
    root_tree: &str,
    dir: &str,
) -> Result<BTreeMap<String, String>, GitHubError> {
    let step = "read the base branch's tree";
    let mut tree_sha = root_tree.to_string();
    for part in dir.split('/').filter(|part| !part.is_empty()) {
        let tree = api.get(&format!("/git/trees/{tree_sha}"), step).await?;
        let entries = tree["tree"].as_array().cloned().unwrap_or_default();
        let next = entries
            .iter()
            .find(|entry| entry["path"] == part && entry["type"] == "tree")
            .and_then(|entry| entry["sha"].as_str());
        match next {
            Some(sha) => tree_sha = sha.to_string(),
            None => return Ok(BTreeMap::new()),
        }
    }
    let tree = api
        .get(&format!("/git/trees/{tree_sha}?recursive=1"), step)
        .await?;
    if tree["truncated"] == true {
        return Err(GitHubError::Unexpected {
            step: step.to_string(),
            message: format!("the tree of {dir} is too large for one listing"),
        });
    }
    Ok(tree["tree"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|entry| entry["type"] == "blob")
        .filter_map(|entry| {
            Some((
                entry["path"].as_str()?.to_string(),
                entry["sha"].as_str()?.to_string(),
            ))
        })
        .filter(|(path, _)| !path.split('/').any(|part| part == "__pycache__"))
        .collect())
}

async fn blob(api: &Api, sha: &str) -> Result<Vec<u8>, GitHubError> {
    let step = "read a file of the base branch";
    let answer = api.get(&format!("/git/blobs/{sha}"), step).await?;
    let content = field(&answer, "/content", step)?.replace(['\n', '\r'], "");
    base64::engine::general_purpose::STANDARD
        .decode(content)
        .map_err(|error| GitHubError::Unexpected {
            step: step.to_string(),
            message: error.to_string(),
        })
}

/// The output folder as it is on the base branch, with the content of every
/// file the plan may look at (unchanged files are known without a download).
async fn folder_on_base(
    api: &Api,
    tree: &Tree,
    root_tree: &str,
    dir: &str,
) -> Result<MemoryFolder, GitHubError> {
    let listed = files_in(api, root_tree, dir).await?;
    let manifest_paths = match listed.get(crate::tree::MANIFEST) {
        Some(sha) => write::parse_manifest(&blob(api, sha).await?)
            .map(|manifest| manifest.files)
            .unwrap_or_default(),
        None => BTreeMap::new(),
    };
    let mut files = BTreeMap::new();
    for (path, sha) in &listed {
        let content = match tree.files().get(path) {
            Some(expected) if git_blob_sha(expected) == *sha => expected.clone(),
            Some(_) => blob(api, sha).await?,
            None if path == crate::tree::MANIFEST || manifest_paths.contains_key(path) => {
                blob(api, sha).await?
            }
            // Never generated: only its presence matters.
            None => Vec::new(),
        };
        files.insert(path.clone(), content);
    }
    Ok(MemoryFolder {
        name: format!("{dir} on the base branch"),
        files,
    })
}

fn marker(dir: &str) -> String {
    format!("<!-- chanx-client: {dir} -->")
}

fn commit_trailer(dir: &str) -> String {
    format!("Chanx-Client: {dir}")
}

async fn run(
    api: &Api,
    tree: &Tree,
    write_options: &WriteOptions,
    options: &PullRequestOptions,
) -> Result<Outcome, GitHubError> {
    let repo_name = format!("{}/{}", options.owner, options.repo);
    let base = match &options.base {
        Some(base) => base.clone(),
        None => {
            let step = format!("read repository {repo_name}");
            let repo = api
                .get_optional("", &step)
                .await?
                .ok_or_else(|| GitHubError::NotFound {
                    what: format!("repository {repo_name} not found, or the token cannot see it"),
                })?;
            field(&repo, "/default_branch", &step)?.to_string()
        }
    };
    let step = format!("read base branch {base}");
    let base_ref = api
        .get_optional(&format!("/git/ref/{}", head_ref(&base)), &step)
        .await?
        .ok_or_else(|| GitHubError::NotFound {
            what: format!("base branch {base} not found in {repo_name}"),
        })?;
    let base_sha = field(&base_ref, "/object/sha", &step)?.to_string();
    let base_commit = api.get(&format!("/git/commits/{base_sha}"), &step).await?;
    let base_tree = field(&base_commit, "/tree/sha", &step)?.to_string();

    let folder = folder_on_base(api, tree, &base_tree, &options.dir).await?;
    let changes = write::plan(tree, &folder, write_options)?;
    changes.refuse_conflicts(std::path::Path::new(&options.dir))?;
    let prefix = if options.dir.is_empty() {
        String::new()
    } else {
        format!("{}/", options.dir)
    };
    let files: Vec<ChangedFile> = changes
        .changes
        .iter()
        .map(|change| ChangedFile {
            path: format!("{prefix}{}", change.path),
            status: change.status.label(),
        })
        .collect();

    let branch_ref = api
        .get_optional(
            &format!("/git/ref/{}", head_ref(&options.branch)),
            "read the pull request branch",
        )
        .await?;
    let branch_sha = match &branch_ref {
        Some(found) => {
            Some(field(found, "/object/sha", "read the pull request branch")?.to_string())
        }
        None => None,
    };
    let head = format!("{}:{}", options.owner, options.branch);
    let pulls = api
        .get(
            &format!(
                "/pulls?state=open&head={}&base={}",
                encode_path(&head),
                encode_path(&base)
            ),
            "list pull requests",
        )
        .await?;
    let open_pull = pulls.as_array().and_then(|pulls| pulls.first()).cloned();

    if changes.changes.is_empty() {
        let Some(pull) = open_pull else {
            return Ok(Outcome {
                operation: Operation::None,
                number: None,
                url: None,
                branch: options.branch.clone(),
                head_sha: branch_sha,
                files,
            });
        };
        let number = pull["number"].as_u64().unwrap_or_default();
        api.patch(
            &format!("/pulls/{number}"),
            json!({"state": "closed"}),
            "close the pull request",
        )
        .await?;
        if branch_ref.is_some() {
            api.send(
                Method::DELETE,
                &format!("/git/refs/{}", head_ref(&options.branch)),
                None,
                "delete the pull request branch",
                &[StatusCode::NOT_FOUND, StatusCode::UNPROCESSABLE_ENTITY],
            )
            .await?;
        }
        return Ok(Outcome {
            operation: Operation::Closed,
            number: Some(number),
            url: pull["html_url"].as_str().map(str::to_string),
            branch: options.branch.clone(),
            head_sha: None,
            files,
        });
    }

    // The branch must be chanx's before anything is written.
    let branch_head = match &branch_sha {
        Some(sha) => {
            let commit = api
                .get(
                    &format!("/git/commits/{sha}"),
                    "read the pull request branch",
                )
                .await?;
            let ours = commit["message"]
                .as_str()
                .is_some_and(|message| message.contains(&commit_trailer(&options.dir)))
                && commit["parents"]
                    .as_array()
                    .is_some_and(|parents| parents.len() == 1);
            if !ours && !options.force {
                return Err(GitHubError::ForeignBranch {
                    branch: options.branch.clone(),
                });
            }
            Some(commit)
        }
        None => None,
    };

    // Already there from an earlier run: the branch sits on the base commit
    // and holds exactly these files.
    let base_files = files_in(api, &base_tree, &options.dir).await?;
    let mut wanted = base_files.clone();
    for change in &changes.changes {
        match &change.expected {
            Some(bytes) => wanted.insert(change.path.clone(), git_blob_sha(bytes)),
            None => wanted.remove(&change.path),
        };
    }
    let mut up_to_date = false;
    if let Some(commit) = &branch_head {
        if commit["parents"][0]["sha"] == base_sha.as_str() {
            let branch_tree = field(commit, "/tree/sha", "read the pull request branch")?;
            up_to_date = files_in(api, branch_tree, &options.dir).await? == wanted;
        }
    }

    let head_sha = if up_to_date {
        branch_sha.clone().unwrap_or_default()
    } else {
        let mut entries = Vec::new();
        for change in &changes.changes {
            let path = format!("{prefix}{}", change.path);
            match &change.expected {
                Some(bytes) => {
                    let content = base64::engine::general_purpose::STANDARD.encode(bytes);
                    let created = api
                        .post(
                            "/git/blobs",
                            json!({"content": content, "encoding": "base64"}),
                            "upload a file",
                        )
                        .await?;
                    let sha = field(&created, "/sha", "upload a file")?;
                    entries
                        .push(json!({"path": path, "mode": "100644", "type": "blob", "sha": sha}));
                }
                None => entries
                    .push(json!({"path": path, "mode": "100644", "type": "blob", "sha": null})),
            }
        }
        let new_tree = api
            .post(
                "/git/trees",
                json!({"base_tree": base_tree, "tree": entries}),
                "create the tree",
            )
            .await?;
        let new_tree_sha = field(&new_tree, "/sha", "create the tree")?.to_string();
        let message = format!(
            "{}\n\n{}",
            options.commit_message,
            commit_trailer(&options.dir)
        );
        let commit = api
            .post(
                "/git/commits",
                json!({"message": message, "tree": new_tree_sha, "parents": [base_sha]}),
                "create the commit",
            )
            .await?;
        let commit_sha = field(&commit, "/sha", "create the commit")?.to_string();
        // The branch moves only to a complete commit.
        if branch_sha.is_some() {
            api.patch(
                &format!("/git/refs/{}", head_ref(&options.branch)),
                json!({"sha": commit_sha, "force": true}),
                "update the pull request branch",
            )
            .await?;
        } else {
            api.post(
                "/git/refs",
                json!({"ref": format!("refs/heads/{}", options.branch), "sha": commit_sha}),
                "create the pull request branch",
            )
            .await?;
        }
        commit_sha
    };

    let body = pull_request_body(options, &changes);
    let (operation, pull) = match open_pull {
        Some(pull) => {
            let number = pull["number"].as_u64().unwrap_or_default();
            let same = pull["title"] == options.title.as_str() && pull["body"] == body.as_str();
            if same && up_to_date {
                (Operation::None, pull)
            } else {
                let updated = api
                    .patch(
                        &format!("/pulls/{number}"),
                        json!({"title": options.title, "body": body}),
                        "update the pull request",
                    )
                    .await?;
                (Operation::Updated, updated)
            }
        }
        None => {
            let created = api
                .post(
                    "/pulls",
                    json!({
                        "title": options.title,
                        "head": options.branch,
                        "base": base,
                        "body": body,
                        "draft": options.draft,
                    }),
                    "create the pull request",
                )
                .await?;
            (Operation::Created, created)
        }
    };
    let number = pull["number"].as_u64().unwrap_or_default();
    if !options.labels.is_empty() && operation != Operation::None {
        api.post(
            &format!("/issues/{number}/labels"),
            json!({"labels": options.labels}),
            "label the pull request",
        )
        .await?;
    }
    Ok(Outcome {
        operation,
        number: Some(number),
        url: pull["html_url"].as_str().map(str::to_string),
        branch: options.branch.clone(),
        head_sha: Some(head_sha),
        files,
    })
}

/// The pull request's description: what changed, where it comes from, how
/// to reproduce it, and the diff, within GitHub's size limit.
pub fn pull_request_body(options: &PullRequestOptions, changes: &write::Changes) -> String {
    let mut body = String::new();
    if let Some(header) = &options.body_header {
        body.push_str(header);
        body.push_str("\n\n");
    }
    let _ = writeln!(
        body,
        "Regenerates the client in `{}` from `{}` (sha256 `{}`).\n",
        if options.dir.is_empty() {
            "."
        } else {
            &options.dir
        },
        options.schema,
        options.schema_sha256
    );
    body.push_str("| file | change | lines |\n| --- | --- | --- |\n");
    for change in &changes.changes {
        let (added, removed) = report::line_counts(change);
        let kind = match change.status {
            Status::Missing => "added",
            Status::Stale => "removed",
            _ => "modified",
        };
        let _ = writeln!(body, "| `{}` | {kind} | +{added} −{removed} |", change.path);
    }
    let _ = writeln!(
        body,
        "\nTo reproduce locally:\n\n{}\n",
        report::fenced("sh", &options.remedy)
    );
    let closing = format!("\n{}\n", marker(&options.dir));
    // What the document changed comes first, should the diff be cut short:
    // the generated modules, then the README, the static base/ and the
    // manifest's hashes.
    let mut ordered: Vec<&write::FileChange> = changes.changes.iter().collect();
    ordered.sort_by_key(|change| {
        let rank = match change.path.as_str() {
            crate::tree::MANIFEST => 3,
            path if Tree::is_base(path) => 2,
            "README.md" => 1,
            _ => 0,
        };
        (rank, change.path.as_str())
    });
    let mut diffs = String::new();
    for change in ordered {
        if let Some(diff) = report::diff(change, 3) {
            diffs.push_str(&diff);
        }
    }
    let room = MAX_BODY_CHARS.saturating_sub(body.chars().count() + closing.chars().count() + 200);
    let truncated = diffs.chars().count() > room;
    let shown: String = diffs.chars().take(room).collect();
    let _ = writeln!(
        body,
        "<details><summary>Diff</summary>\n\n{}\n",
        report::fenced("diff", &shown)
    );
    if truncated {
        let _ = writeln!(
            body,
            "The diff is cut short to fit in a pull request description.\n"
        );
    }
    body.push_str("</details>\n");
    body.push_str(&closing);
    body
}

#[cfg(test)]
mod tests {
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
