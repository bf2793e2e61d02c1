//! The pull request's description and the marks that tie a pull request
//! and a commit to their client folder.

use std::fmt::Write as _;

use crate::report;
use crate::surface::ApiReport;
use crate::tree::Tree;
use crate::write::{self, Status};

use super::PullRequestOptions;

/// GitHub refuses pull request bodies over 65 536 characters.
const MAX_BODY_CHARS: usize = 60_000;

/// API changes listed in the description; `chanx check` lists them all.
const MAX_API_ROWS: usize = 100;

fn marker(dir: &str) -> String {
    format!("<!-- chanx-client: {dir} -->")
}

pub(super) fn commit_trailer(dir: &str) -> String {
    format!("Chanx-Client: {dir}")
}

/// The pull request's description: what changed, where it comes from, how
/// to reproduce it, and the diff, within GitHub's size limit.
pub fn pull_request_body(
    options: &PullRequestOptions,
    changes: &write::Changes,
    api: &ApiReport,
) -> String {
    let mut body = String::new();
    if let Some(header) = &options.body_header {
        body.push_str(header);
        body.push_str("\n\n");
    }
    body.push_str(&report::api_markdown(api, MAX_API_ROWS));
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
