//! `chanx generate-client`: writes each client's tree to its folder.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::write;

use super::check::{github_outputs, json_list, Workspace};
use super::jobs::{jobs, tree_and_folder, Job};
use super::{report_failure, Failure, GenerationArgs, Reporter, Verdict};

pub(super) fn generate_all(args: &GenerationArgs, reporter: &Reporter) -> Result<ExitCode, String> {
    let workspace = Workspace::from_env();
    let jobs = match jobs(args) {
        Ok(jobs) => jobs,
        Err(failure) => {
            report_failure(&failure, false, &workspace);
            return Ok(Verdict::Error.into());
        }
    };
    let mut changed = Vec::new();
    let mut verdict = Verdict::Ok;
    for job in jobs {
        match generate_client(&job, reporter) {
            Ok(paths) => changed.extend(paths.iter().map(|path| workspace.path(path))),
            Err(failure) => {
                report_failure(&failure, false, &workspace);
                verdict = Verdict::Error;
            }
        }
    }
    github_outputs(&[("changed-files", json_list(&changed))])?;
    Ok(verdict.into())
}

/// Generates one client; returns the paths it wrote or removed.
fn generate_client(job: &Job, reporter: &Reporter) -> Result<Vec<PathBuf>, Failure> {
    // Two runs on one folder would mix their files: the second waits.
    let _lock = write::lock_output(&job.output, || {
        reporter.info(format!(
            "Waiting for another chanx run that writes {}",
            job.output.display()
        ));
    })
    .map_err(|error| error.to_string())?;
    let (tree, folder) = tree_and_folder(job, reporter, true)?;
    reporter.info(format!("Generating client into {}", job.output.display()));
    let folder = folder.map_err(|error| error.to_string())?;
    let changes = write::plan(&tree, &folder, &job.write).map_err(|error| error.to_string())?;
    let report = write::apply(&changes, &job.output).map_err(|error| error.to_string())?;
    reporter.info(format!(
        "  {} files written, {} unchanged, {} removed",
        report.written.len(),
        changes.unchanged.len(),
        report.removed.len()
    ));
    if changes.kept_base {
        reporter.info("  kept the existing base/ (--override-base regenerates it)");
    }
    for (path, reason) in &changes.left_alone {
        reporter.info(format!("  left alone: {path} ({reason})"));
    }
    reporter.info(format!("Client generated in {}", job.output.display()));
    Ok(report
        .written
        .iter()
        .chain(&report.removed)
        .map(|path| job.output.join(path))
        .collect())
}
