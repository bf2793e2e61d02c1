//! `chanx generate-client`: writes each client's tree to its folder.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::report;
use crate::surface::ApiReport;
use crate::write::{self, Folder};

use super::check::{github_outputs, json_list, Workspace};
use super::jobs::{jobs, tree_and_folder, Job};
use super::{report_failure, Failure, GenerateArgs, Reporter, Verdict};

pub(super) fn generate_all(args: &GenerateArgs, reporter: &Reporter) -> Result<ExitCode, String> {
    let workspace = Workspace::from_env();
    let jobs = match jobs(&args.generation) {
        Ok(jobs) => jobs,
        Err(failure) => {
            report_failure(&failure, false, &workspace);
            return Ok(Verdict::Error.into());
        }
    };
    let mut changed = Vec::new();
    let mut verdict = Verdict::Ok;
    for job in jobs {
        match generate_client(&job, args.fail_on_breaking, reporter) {
            Ok(Some(paths)) => changed.extend(paths.iter().map(|path| workspace.path(path))),
            Ok(None) => verdict = verdict.max(Verdict::Drift),
            Err(failure) => {
                report_failure(&failure, false, &workspace);
                verdict = Verdict::Error;
            }
        }
    }
    github_outputs(&[("changed-files", json_list(&changed))])?;
    Ok(verdict.into())
}

/// Generates one client; returns the paths it wrote or removed, or `None`
/// when `fail_on_breaking` refused changes that break callers.
fn generate_client(
    job: &Job,
    fail_on_breaking: bool,
    reporter: &Reporter,
) -> Result<Option<Vec<PathBuf>>, Failure> {
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
    if fail_on_breaking && !changes.changes.is_empty() {
        let manifest = folder.manifest().map_err(|error| error.to_string())?;
        if let Some(manifest) = manifest {
            let api = ApiReport::between(&manifest.surface(), tree.surface());
            if api.breaking() > 0 {
                eprint!("{}", report::api_text(&api, false));
                eprintln!(
                    "error: {}: these changes break code that calls the client; nothing was written (--fail-on-breaking). Rerun without --fail-on-breaking to write them.",
                    job.output.display()
                );
                return Ok(None);
            }
            if let ApiReport::CannotTell(why) = api {
                reporter.warn(format!("{}: {why}", job.output.display()));
            }
        }
    }
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
    Ok(Some(
        report
            .written
            .iter()
            .chain(&report.removed)
            .map(|path| job.output.join(path))
            .collect(),
    ))
}
