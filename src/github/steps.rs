//! The steps of one `pull-request` run, in order: find the base commit,
//! plan the changes against the folder on it, find the branch and its open
//! pull request, close them when nothing changed, make sure the branch is
//! chanx's, commit unless the branch already holds the files, then create or
//! update the pull request and label it.

use std::collections::BTreeMap;

use base64::Engine as _;
use http::{Method, StatusCode};
use serde_json::{json, Value};

use crate::surface::ApiReport;
use crate::tree::Tree;
use crate::write::{self, Changes, Folder, MemoryFolder, WriteOptions};

use super::api::{encode_path, field, head_ref, Api};
use super::body::{commit_trailer, pull_request_body};
use super::{
    git_blob_sha, ChangedFile, GitHubError, Operation, PullRequestOptions, PullRequestOutcome,
};

pub(super) async fn run(
    api: &Api,
    tree: &Tree,
    write_options: &WriteOptions,
    options: &PullRequestOptions,
) -> Result<PullRequestOutcome, GitHubError> {
    let base = Base::find(api, options).await?;
    let on_base = files_in(api, &base.tree, &options.dir).await?;
    let folder = folder_on_base(api, tree, &on_base, &options.dir).await?;
    let changes = write::plan(tree, &folder, write_options)?;
    changes.refuse_conflicts(std::path::Path::new(&options.dir))?;
    // A client new on the base branch has no callers to break.
    let report = match folder.manifest()? {
        _ if on_base.is_empty() || changes.changes.is_empty() => ApiReport::Changes(Vec::new()),
        manifest => ApiReport::between(
            &manifest
                .map(|manifest| manifest.surface())
                .unwrap_or_default(),
            tree.surface(),
        ),
    };
    let files = changed_files(&changes, &options.dir);
    let branch_sha = branch_sha(api, &options.branch).await?;
    let open_pull = open_pull(api, options, &base.branch).await?;

    if changes.changes.is_empty() {
        let outcome = close_when_clean(api, options, open_pull, branch_sha, files).await?;
        return Ok(outcome.with_api(report));
    }
    let branch_head = match &branch_sha {
        Some(sha) => Some(chanx_commit(api, options, sha).await?),
        None => None,
    };
    let up_to_date = match &branch_head {
        Some(commit) => holds_the_changes(api, options, &base, commit, &on_base, &changes).await?,
        None => false,
    };
    let head_sha = match (&branch_sha, up_to_date) {
        (Some(sha), true) => sha.clone(),
        _ => commit_changes(api, options, &base, &changes, branch_sha.is_some()).await?,
    };
    let body = pull_request_body(options, &changes, &report);
    let (operation, pull) =
        create_or_update_pull(api, options, &base.branch, open_pull, body, up_to_date).await?;
    let number = pull["number"].as_u64().unwrap_or_default();
    label(api, options, &pull, operation, report.breaking() > 0).await?;
    let outcome = PullRequestOutcome {
        operation,
        number: Some(number),
        url: pull["html_url"].as_str().map(str::to_string),
        branch: options.branch.clone(),
        head_sha: Some(head_sha),
        files,
        breaking: false,
        api_changes: None,
        api_note: None,
    };
    Ok(outcome.with_api(report))
}

/// Adds the labels asked for, and the breaking label when a change breaks
/// callers; removes the breaking label an earlier run added when none does
/// any more.
async fn label(
    api: &Api,
    options: &PullRequestOptions,
    pull: &Value,
    operation: Operation,
    breaking: bool,
) -> Result<(), GitHubError> {
    let number = pull["number"].as_u64().unwrap_or_default();
    let labelled = |name: &str| {
        pull["labels"]
            .as_array()
            .is_some_and(|labels| labels.iter().any(|label| label["name"] == name))
    };
    let mut labels = match operation {
        Operation::None => Vec::new(),
        _ => options.labels.clone(),
    };
    if let Some(breaking_label) = &options.breaking_label {
        if breaking && !labelled(breaking_label) && !labels.contains(breaking_label) {
            labels.push(breaking_label.clone());
        }
    }
    if !labels.is_empty() {
        api.post(
            &format!("/issues/{number}/labels"),
            json!({"labels": labels}),
            "label the pull request",
        )
        .await?;
    }
    if let Some(stale) = options
        .breaking_label
        .as_ref()
        .filter(|name| !breaking && labelled(name))
    {
        api.send(
            Method::DELETE,
            &format!("/issues/{number}/labels/{}", encode_path(stale)),
            None,
            "remove the breaking-change label",
            &[StatusCode::NOT_FOUND],
        )
        .await?;
    }
    Ok(())
}

/// The branch the pull request merges into, and its head commit and tree.
struct Base {
    branch: String,
    sha: String,
    tree: String,
}

impl Base {
    async fn find(api: &Api, options: &PullRequestOptions) -> Result<Base, GitHubError> {
        let repo_name = format!("{}/{}", options.owner, options.repo);
        let branch = match &options.base {
            Some(base) => base.clone(),
            None => {
                let step = format!("read repository {repo_name}");
                let repo =
                    api.get_optional("", &step)
                        .await?
                        .ok_or_else(|| GitHubError::NotFound {
                            what: format!(
                                "repository {repo_name} not found, or the token cannot see it"
                            ),
                        })?;
                field(&repo, "/default_branch", &step)?.to_string()
            }
        };
        let step = format!("read base branch {branch}");
        let base_ref = api
            .get_optional(&format!("/git/ref/{}", head_ref(&branch)), &step)
            .await?
            .ok_or_else(|| GitHubError::NotFound {
                what: format!("base branch {branch} not found in {repo_name}"),
            })?;
        let sha = field(&base_ref, "/object/sha", &step)?.to_string();
        let commit = api.get(&format!("/git/commits/{sha}"), &step).await?;
        let tree = field(&commit, "/tree/sha", &step)?.to_string();
        Ok(Base { branch, sha, tree })
    }
}

/// The changes as the outcome lists them, relative to the repository root.
fn changed_files(changes: &Changes, dir: &str) -> Vec<ChangedFile> {
    changes
        .changes
        .iter()
        .map(|change| ChangedFile {
            path: in_repository(dir, &change.path),
            status: change.status.label(),
        })
        .collect()
}

/// A path of the output folder as a path of the repository.
fn in_repository(dir: &str, path: &str) -> String {
    if dir.is_empty() {
        path.to_string()
    } else {
        format!("{dir}/{path}")
    }
}

/// The commit the pull request branch points at, if the branch exists.
async fn branch_sha(api: &Api, branch: &str) -> Result<Option<String>, GitHubError> {
    let step = "read the pull request branch";
    let found = api
        .get_optional(&format!("/git/ref/{}", head_ref(branch)), step)
        .await?;
    found
        .map(|found| field(&found, "/object/sha", step).map(str::to_string))
        .transpose()
}

/// The open pull request from the branch into the base, if there is one.
async fn open_pull(
    api: &Api,
    options: &PullRequestOptions,
    base: &str,
) -> Result<Option<Value>, GitHubError> {
    let head = format!("{}:{}", options.owner, options.branch);
    let pulls = api
        .get(
            &format!(
                "/pulls?state=open&head={}&base={}",
                encode_path(&head),
                encode_path(base)
            ),
            "list pull requests",
        )
        .await?;
    Ok(pulls.as_array().and_then(|pulls| pulls.first()).cloned())
}

/// Nothing to change: the open pull request is closed and its branch
/// deleted.
async fn close_when_clean(
    api: &Api,
    options: &PullRequestOptions,
    open_pull: Option<Value>,
    branch_sha: Option<String>,
    files: Vec<ChangedFile>,
) -> Result<PullRequestOutcome, GitHubError> {
    let Some(pull) = open_pull else {
        return Ok(PullRequestOutcome {
            operation: Operation::None,
            number: None,
            url: None,
            branch: options.branch.clone(),
            head_sha: branch_sha,
            files,
            breaking: false,
            api_changes: None,
            api_note: None,
        });
    };
    let number = pull["number"].as_u64().unwrap_or_default();
    api.patch(
        &format!("/pulls/{number}"),
        json!({"state": "closed"}),
        "close the pull request",
    )
    .await?;
    if branch_sha.is_some() {
        api.send(
            Method::DELETE,
            &format!("/git/refs/{}", head_ref(&options.branch)),
            None,
            "delete the pull request branch",
            &[StatusCode::NOT_FOUND, StatusCode::UNPROCESSABLE_ENTITY],
        )
        .await?;
    }
    Ok(PullRequestOutcome {
        operation: Operation::Closed,
        number: Some(number),
        url: pull["html_url"].as_str().map(str::to_string),
        branch: options.branch.clone(),
        head_sha: None,
        files,
        breaking: false,
        api_changes: None,
        api_note: None,
    })
}

/// The branch's head commit, once it is known to be chanx's (one parent,
/// chanx's trailer) or `--force` allows replacing it: the branch must be
/// chanx's before anything is written.
async fn chanx_commit(
    api: &Api,
    options: &PullRequestOptions,
    sha: &str,
) -> Result<Value, GitHubError> {
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
    Ok(commit)
}

/// Already there from an earlier run: the branch's commit sits on the base
/// commit and its folder holds exactly the files the changes make of the
/// base's (`on_base`).
async fn holds_the_changes(
    api: &Api,
    options: &PullRequestOptions,
    base: &Base,
    commit: &Value,
    on_base: &BTreeMap<String, String>,
    changes: &Changes,
) -> Result<bool, GitHubError> {
    if commit["parents"][0]["sha"] != base.sha.as_str() {
        return Ok(false);
    }
    let mut wanted = on_base.clone();
    for change in &changes.changes {
        match &change.expected {
            Some(bytes) => wanted.insert(change.path.clone(), git_blob_sha(bytes)),
            None => wanted.remove(&change.path),
        };
    }
    let branch_tree = field(commit, "/tree/sha", "read the pull request branch")?;
    Ok(files_in(api, branch_tree, &options.dir).await? == wanted)
}

/// One commit on the base with the changes, and the branch moved (or
/// created) to it once it is complete; returns the commit's sha.
async fn commit_changes(
    api: &Api,
    options: &PullRequestOptions,
    base: &Base,
    changes: &Changes,
    branch_exists: bool,
) -> Result<String, GitHubError> {
    let mut entries = Vec::new();
    for change in &changes.changes {
        let path = in_repository(&options.dir, &change.path);
        let sha = match &change.expected {
            Some(bytes) => {
                let content = base64::engine::general_purpose::STANDARD.encode(bytes);
                let created = api
                    .post(
                        "/git/blobs",
                        json!({"content": content, "encoding": "base64"}),
                        "upload a file",
                    )
                    .await?;
                Value::from(field(&created, "/sha", "upload a file")?)
            }
            None => Value::Null,
        };
        entries.push(json!({"path": path, "mode": "100644", "type": "blob", "sha": sha}));
    }
    let new_tree = api
        .post(
            "/git/trees",
            json!({"base_tree": base.tree, "tree": entries}),
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
            json!({"message": message, "tree": new_tree_sha, "parents": [base.sha]}),
            "create the commit",
        )
        .await?;
    let commit_sha = field(&commit, "/sha", "create the commit")?.to_string();
    if branch_exists {
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
    Ok(commit_sha)
}

/// Opens the pull request, or updates the open one's title and body; leaves
/// it alone when neither it nor the branch changed.
async fn create_or_update_pull(
    api: &Api,
    options: &PullRequestOptions,
    base: &str,
    open_pull: Option<Value>,
    body: String,
    up_to_date: bool,
) -> Result<(Operation, Value), GitHubError> {
    if let Some(pull) = open_pull {
        let number = pull["number"].as_u64().unwrap_or_default();
        let same = pull["title"] == options.title.as_str() && pull["body"] == body.as_str();
        if same && up_to_date {
            return Ok((Operation::None, pull));
        }
        let updated = api
            .patch(
                &format!("/pulls/{number}"),
                json!({"title": options.title, "body": body}),
                "update the pull request",
            )
            .await?;
        return Ok((Operation::Updated, updated));
    }
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
    Ok((Operation::Created, created))
}

/// The files of `dir` on a commit's tree: path relative to `dir` → blob id.
pub(super) async fn files_in(
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

/// The output folder as it is on the base branch (`listed` by [`files_in`]),
/// with the content of every file the plan may look at (unchanged files are
/// known without a download).
async fn folder_on_base(
    api: &Api,
    tree: &Tree,
    listed: &BTreeMap<String, String>,
    dir: &str,
) -> Result<MemoryFolder, GitHubError> {
    let manifest_paths = match listed.get(crate::tree::MANIFEST) {
        Some(sha) => write::parse_manifest(&blob(api, sha).await?)
            .map(|manifest| manifest.files)
            .unwrap_or_default(),
        None => BTreeMap::new(),
    };
    let mut files = BTreeMap::new();
    for (path, sha) in listed {
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
