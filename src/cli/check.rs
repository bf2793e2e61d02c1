//! `chanx check`: compares each client's folder with its tree and reports
//! the drift as text, JSON or GitHub annotations with a job summary.

use std::io::{IsTerminal, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::load::{self, DocumentOrigin};
use crate::report::{self, CheckOptions, ClientReport, Detail};
use crate::surface::ApiReport;
use crate::write::{self, Folder};

use super::jobs::{jobs, tree_and_folder, Job};
use super::{report_failure, CheckArgs, ColorChoice, Failure, ReportFormat, Reporter, Verdict};

pub(super) fn check_all(args: &CheckArgs, reporter: &Reporter) -> Result<ExitCode, String> {
    let options = check_options(args);
    let workspace = Workspace::from_env();
    let annotate = args.format == ReportFormat::Github;
    let jobs = match jobs(&args.generation) {
        Ok(jobs) => jobs,
        Err(failure) => {
            report_failure(&failure, annotate, &workspace);
            return Ok(Verdict::Error.into());
        }
    };
    let mut reports = Vec::new();
    let mut failed = false;
    for job in jobs {
        match check_client(&job, &options, reporter) {
            Ok(report) => reports.push(report),
            Err(failure) => {
                report_failure(&failure, annotate, &workspace);
                failed = true;
            }
        }
    }
    print_reports(&reports, args.format, &options, &workspace)?;
    let drift = reports.iter().any(|report| report.drift(&options));
    let changed: Vec<String> = reports
        .iter()
        .flat_map(|report| {
            report
                .findings
                .iter()
                .filter(|finding| ClientReport::fails(finding, &options))
                .map(|finding| workspace.path(&Path::new(&report.output).join(&finding.path)))
        })
        .collect();
    let breaking = reports
        .iter()
        .any(|report| report.api.as_ref().is_some_and(|api| api.breaking() > 0));
    github_outputs(&[
        ("drift", drift.to_string()),
        ("breaking", breaking.to_string()),
        ("changed-files", json_list(&changed)),
    ])?;
    let verdict = if failed {
        Verdict::Error
    } else if drift {
        Verdict::Drift
    } else {
        Verdict::Ok
    };
    Ok(verdict.into())
}

/// How the flags ask `check` to judge and show the clients.
fn check_options(args: &CheckArgs) -> CheckOptions {
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    CheckOptions {
        strict: args.strict,
        strict_eol: args.strict_eol,
        context: args.context,
        color: color && args.format == ReportFormat::Text,
        detail: if args.name_only {
            Detail::NameOnly
        } else if args.stat {
            Detail::Stat
        } else {
            Detail::Full
        },
    }
}

/// Prints the reports in `format`; for GitHub, the annotations, the text
/// in the log and the job summary.
fn print_reports(
    reports: &[ClientReport],
    format: ReportFormat,
    options: &CheckOptions,
    workspace: &Workspace,
) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    let text = |stdout: &mut std::io::StdoutLock| {
        reports
            .iter()
            .try_for_each(|report| stdout.write_all(report::text(report, options).as_bytes()))
    };
    let printed = match format {
        ReportFormat::Text => text(&mut stdout),
        ReportFormat::Json => stdout.write_all(report::json(reports, options).as_bytes()),
        ReportFormat::Github => {
            let shown: Vec<ClientReport> = reports
                .iter()
                .map(|report| ClientReport {
                    output: workspace.path(Path::new(&report.output)),
                    schema_file: report
                        .schema_file
                        .as_ref()
                        .map(|file| workspace.path(Path::new(file))),
                    ..report.clone()
                })
                .collect();
            let (commands, summary) = report::github(&shown, options);
            if let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY") {
                append(Path::new(&path), &summary)?;
            }
            stdout
                .write_all(commands.as_bytes())
                .and_then(|()| text(&mut stdout))
        }
    };
    printed.map_err(|error| format!("cannot write the report: {error}"))
}

/// Compares one client's folder with what generate-client would write.
fn check_client(
    job: &Job,
    options: &CheckOptions,
    reporter: &Reporter,
) -> Result<ClientReport, Failure> {
    // The summary of the document only matters when generating.
    let (tree, folder) = tree_and_folder(job, reporter, false)?;
    if !job.output.is_dir() {
        return Err(Failure::from(format!(
            "{}: no such folder; generate the client first: {}",
            job.output.display(),
            job.remedy
        )));
    }
    let folder = folder.map_err(|error| error.to_string())?;
    let changes = write::plan(&tree, &folder, &job.write).map_err(|error| error.to_string())?;
    let mut report = ClientReport::new(
        load::shown_input(&job.schema),
        job.output.to_string_lossy().into_owned(),
        tree.schema_sha256().to_string(),
        &changes,
        options,
        job.remedy.clone(),
    );
    let manifest = folder.manifest().map_err(|error| error.to_string())?;
    report.generated_by = manifest
        .as_ref()
        .and_then(|manifest| manifest.generator_version.clone())
        .filter(|version| version != env!("CARGO_PKG_VERSION"));
    if let DocumentOrigin::File(path) = DocumentOrigin::parse(&job.schema) {
        report.schema_file = Some(path.to_string_lossy().into_owned());
    }
    if report.drift(options) {
        let recorded = manifest
            .map(|manifest| manifest.surface())
            .unwrap_or_default();
        report.api = Some(ApiReport::between(&recorded, tree.surface()));
    }
    Ok(report)
}

/// `GITHUB_WORKSPACE`, against which paths in annotations, job summaries
/// and step outputs are written, so that they attach to the repository's
/// files whatever the working directory.
pub(super) struct Workspace {
    pub(super) root: Option<PathBuf>,
}

impl Workspace {
    pub(super) fn from_env() -> Workspace {
        let root = std::env::var_os("GITHUB_WORKSPACE")
            .filter(|root| !root.is_empty())
            .map(PathBuf::from)
            .and_then(|root| std::path::absolute(root).ok())
            .map(|root| load::normalize(&root));
        Workspace { root }
    }

    /// `path` relative to the workspace, `/`-separated, when it lies inside;
    /// otherwise as given.
    pub(super) fn path(&self, path: &Path) -> String {
        let relative = self.root.as_ref().and_then(|root| {
            let absolute = load::normalize(&std::path::absolute(path).ok()?);
            let inside = absolute
                .strip_prefix(root)
                .ok()
                .map(Path::to_path_buf)
                .or_else(|| {
                    // The workspace or the path may be spelled through a
                    // symlink (macOS's /var is /private/var).
                    let real_root = root.canonicalize().ok()?;
                    let parent = absolute.parent()?.canonicalize().ok()?;
                    let real = parent.join(absolute.file_name()?);
                    real.strip_prefix(real_root).ok().map(Path::to_path_buf)
                })?;
            Some(normalized_components(&inside))
        });
        relative.unwrap_or_else(|| path.to_string_lossy().replace('\\', "/"))
    }
}

/// The normal components of a relative path joined by `/`.
fn normalized_components(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .filter_map(|component| match component {
            std::path::Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    }
}

fn append(path: &Path, text: &str) -> Result<(), String> {
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut file| file.write_all(text.as_bytes()))
        .map_err(|error| format!("{}: cannot append to it: {error}", path.display()))
}

/// Appends `name=value` lines to the file `GITHUB_OUTPUT` names, when set.
pub(super) fn github_outputs(outputs: &[(&str, String)]) -> Result<(), String> {
    let Some(path) = std::env::var_os("GITHUB_OUTPUT") else {
        return Ok(());
    };
    let text: String = outputs
        .iter()
        .map(|(name, value)| format!("{name}={}\n", value.replace(['\n', '\r'], " ")))
        .collect();
    append(Path::new(&path), &text)
}

/// A JSON list of paths, for `changed-files` outputs.
pub(super) fn json_list(paths: &[String]) -> String {
    serde_json::to_string(paths).unwrap_or_else(|_| "[]".to_string())
}
