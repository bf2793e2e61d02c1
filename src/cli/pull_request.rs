//! `chanx pull-request`: commits each client's changes to a branch of its
//! own and opens, updates or closes its pull request.

use std::path::Path;
use std::process::ExitCode;

use crate::format::Recorded;
use crate::github::PullRequestOutcome;
use crate::load::{self, DocumentOrigin};
use crate::report::{self, terminal_safe};
use crate::write::DiskFolder;

use super::check::{github_outputs, json_list, Workspace};
use super::jobs::{format_tree, generate_tree, jobs, recorded_formatter, Job};
use super::{report_failure, Failure, PullRequestArgs, PullRequestFormat, Reporter, Verdict};

pub(super) fn pull_request_all(
    args: &PullRequestArgs,
    reporter: &Reporter,
) -> Result<ExitCode, String> {
    let jobs = jobs(&args.generation).map_err(|failure| failure.message)?;
    if jobs.len() > 1 && args.branch.is_some() {
        return Err("--branch names one branch, but chanx.toml lists several clients".to_string());
    }
    let settings = PullRequestSettings::from_args(args, reporter)?;
    let mut verdict = Verdict::Ok;
    let mut outcomes = Vec::new();
    for job in &jobs {
        match pull_request_client(job, args, &settings, reporter) {
            Ok(outcome) => outcomes.push(outcome),
            Err(failure) => {
                report_failure(&failure, false, &Workspace::from_env());
                verdict = Verdict::Error;
            }
        }
    }
    for outcome in &outcomes {
        print_outcome(outcome, args.format);
    }
    write_outputs(&outcomes)?;
    let breaking: Vec<&str> = outcomes
        .iter()
        .filter(|outcome| outcome.breaking)
        .map(|outcome| outcome.branch.as_str())
        .collect();
    if args.fail_on_breaking && !breaking.is_empty() {
        eprintln!(
            "error: changes break code that calls the client (--fail-on-breaking); see the pull request of {}",
            breaking.join(", ")
        );
        verdict = verdict.max(Verdict::Drift);
    }
    Ok(verdict.into())
}

/// `created`, `updated`, `closed` or `none`.
fn operation(outcome: &PullRequestOutcome) -> String {
    serde_json::to_value(outcome.operation)
        .ok()
        .and_then(|value| value.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn print_outcome(outcome: &PullRequestOutcome, format: PullRequestFormat) {
    match format {
        PullRequestFormat::Json => {
            println!("{}", serde_json::to_string(outcome).unwrap_or_default());
        }
        PullRequestFormat::Text => {
            let target = match (&outcome.number, &outcome.url) {
                (Some(number), Some(url)) => format!(" #{number} {url}"),
                (Some(number), None) => format!(" #{number}"),
                _ => String::new(),
            };
            println!(
                "chanx pull-request: {}{target} (branch {}, {} files differ from the base branch)",
                operation(outcome),
                outcome.branch,
                outcome.files.len()
            );
            if let Some(note) = &outcome.api_note {
                println!("  {}", terminal_safe(note));
            }
            let breaking = outcome
                .api_changes
                .iter()
                .flatten()
                .filter(|change| change.breaking);
            for change in breaking {
                println!(
                    "  breaking  {}  {}: {}",
                    change.kind.label(),
                    terminal_safe(&report::api_place(change)),
                    terminal_safe(&change.detail)
                );
            }
        }
    }
}

/// The step outputs of the GitHub Action. One client keeps the plain
/// values; several give JSON lists in the order of chanx.toml, so that no
/// client's outputs hide another's.
fn write_outputs(outcomes: &[PullRequestOutcome]) -> Result<(), String> {
    let changed: Vec<String> = outcomes
        .iter()
        .flat_map(|outcome| outcome.files.iter().map(|file| file.path.clone()))
        .collect();
    let per_client = |value: &dyn Fn(&PullRequestOutcome) -> serde_json::Value| match outcomes {
        [one] => match value(one) {
            serde_json::Value::String(text) => text,
            serde_json::Value::Null => String::new(),
            other => other.to_string(),
        },
        all => serde_json::Value::Array(all.iter().map(value).collect()).to_string(),
    };
    github_outputs(&[
        ("drift", (!changed.is_empty()).to_string()),
        ("changed-files", json_list(&changed)),
        (
            "pull-request-number",
            per_client(&|outcome| outcome.number.into()),
        ),
        (
            "pull-request-url",
            per_client(&|outcome| outcome.url.clone().into()),
        ),
        (
            "pull-request-operation",
            per_client(&|outcome| operation(outcome).into()),
        ),
        (
            "breaking",
            outcomes.iter().any(|outcome| outcome.breaking).to_string(),
        ),
        (
            "pull-requests",
            serde_json::to_string(&outcomes).unwrap_or_else(|_| "[]".to_string()),
        ),
    ])
}

/// What every client's pull request shares: the repository, the token and
/// the API.
pub(super) struct PullRequestSettings {
    pub(super) owner: String,
    pub(super) name: String,
    pub(super) token: String,
    pub(super) api_url: String,
}

impl PullRequestSettings {
    /// From the flags, else GitHub Actions' environment.
    fn from_args(args: &PullRequestArgs, reporter: &Reporter) -> Result<Self, String> {
        let repo = args
            .repo
            .clone()
            .or_else(|| std::env::var("GITHUB_REPOSITORY").ok())
            .ok_or("give --repo OWNER/NAME (or set GITHUB_REPOSITORY)")?;
        let (owner, name) = repo
            .split_once('/')
            .filter(|(owner, name)| !owner.is_empty() && !name.is_empty() && !name.contains('/'))
            .ok_or_else(|| format!("--repo {repo:?} is not OWNER/NAME"))?;
        // A token read from a file often ends with a newline.
        let token = std::env::var(&args.token_env)
            .ok()
            .map(|token| token.trim().to_string())
            .filter(|token| !token.is_empty())
            .ok_or_else(|| {
                format!(
                    "set {} to a GitHub token with `contents: write` and `pull-requests: write`",
                    args.token_env
                )
            })?;
        if !token.chars().all(|c| c.is_ascii_graphic()) {
            return Err(format!(
                "{}: the token has a space or control character inside; give the token alone",
                args.token_env
            ));
        }
        let api_url = args
            .api_url
            .clone()
            .or_else(|| {
                std::env::var("GITHUB_API_URL")
                    .ok()
                    .filter(|url| !url.is_empty())
            })
            .unwrap_or_else(|| "https://api.github.com".to_string());
        if api_url.to_ascii_lowercase().starts_with("http://") {
            reporter.warn(format!(
                "the API URL {} is plain http: the token travels unencrypted",
                load::shown_input(&api_url)
            ));
        }
        Ok(PullRequestSettings {
            owner: owner.to_string(),
            name: name.to_string(),
            token,
            api_url,
        })
    }
}

/// Commits one client to its branch and keeps its pull request up to date.
fn pull_request_client(
    job: &Job,
    args: &PullRequestArgs,
    settings: &PullRequestSettings,
    reporter: &Reporter,
) -> Result<PullRequestOutcome, Failure> {
    use crate::github::{self, PullRequestOptions};
    let dir = repository_path(&job.output)?;
    let tree = generate_tree(job, reporter, false)?;
    // The working copy is the repository the pull request goes to.
    let recorded = DiskFolder::new(&job.output)
        .map_or_else(|_| Recorded::Unknown, |folder| recorded_formatter(&folder));
    let tree = format_tree(job, tree, &recorded, reporter)?;
    let shown = if dir.is_empty() {
        ".".to_string()
    } else {
        dir.clone()
    };
    let schema = DocumentOrigin::parse(&job.schema).to_string();
    let options = PullRequestOptions {
        owner: settings.owner.to_string(),
        repo: settings.name.to_string(),
        base: args.base.clone(),
        branch: args
            .branch
            .clone()
            .unwrap_or_else(|| github::default_branch_for(&shown)),
        title: args
            .title
            .clone()
            .unwrap_or_else(|| format!("chanx: regenerate the {shown} client")),
        body_header: args.body_header.clone(),
        commit_message: args
            .commit_message
            .clone()
            .unwrap_or_else(|| format!("chanx: regenerate {shown} from {schema}")),
        labels: args.labels.clone(),
        breaking_label: Some(args.breaking_label.clone()).filter(|label| !label.is_empty()),
        draft: args.draft,
        api_url: settings.api_url.to_string(),
        token: settings.token.to_string(),
        force: args.force,
        dir,
        schema,
        schema_sha256: tree.schema_sha256().to_string(),
        remedy: job.remedy.clone(),
    };
    // GitHub's error messages are quoted to the user, and one that echoes
    // the token must not print it.
    github::pull_request(&tree, &job.write, &options)
        .map_err(|error| Failure::from(error.to_string().replace(&settings.token, "***")))
}

/// The output folder as a path inside the repository (the current folder).
fn repository_path(output: &Path) -> Result<String, String> {
    use std::path::Component;
    let mut parts = Vec::new();
    for component in output.components() {
        match component {
            Component::Normal(part) => parts.push(part.to_string_lossy().into_owned()),
            Component::CurDir => {}
            _ => {
                return Err(format!(
                    "{}: in pull-request mode --output must be a path inside the repository, relative to its root",
                    output.display()
                ))
            }
        }
    }
    Ok(parts.join("/"))
}
