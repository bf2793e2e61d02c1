//! CLI: the `chanx` command line. The only module that knows clap; maps
//! every outcome to an exit code (0 ok, 1 drift, 2 usage or input error).

use std::io::{IsTerminal, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::config::{self, ClientEntry, CONFIG_FILE};
use crate::format::{self, Formatter, Formatting, Recorded};
use crate::load::{self, DocumentOrigin};
use crate::naming;
use crate::options::Perspective;
use crate::options::{ClientOptions, GenerateOptions};
use crate::report::{self, CheckOptions, ClientReport, Detail};
use crate::tree::Tree;
use crate::write::{self, DiskFolder, Folder, WriteError, WriteOptions};

const GENERATE_EXAMPLES: &str = "\
Examples:
  # From a running chanx server (Django or FastAPI)
  chanx generate-client --schema http://localhost:8000/asyncapi.json --output ./my_client

  # From a file, JSON or YAML
  chanx generate-client -s asyncapi.yaml -o ./my_client

  # Start over, or refresh base/ too
  chanx generate-client -s asyncapi.json -o ./my_client --clear-output
  chanx generate-client -s asyncapi.json -o ./my_client --override-base

  # Every client listed in ./chanx.toml
  chanx generate-client

Exit codes: 0 success, 2 usage or input error.";

const CHECK_EXAMPLES: &str = "\
Examples:
  # Is the committed client what generate-client would write now?
  chanx check --schema asyncapi.json --output ./my_client

  # Every client listed in ./chanx.toml (as a pre-commit hook does)
  chanx check

  # In GitHub Actions: annotations and a job summary
  chanx check --format github

Exit codes: 0 up to date, 1 drift, 2 usage or input error.";

/// `chanx --version`: the version and the commit it was built from.
const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("CHANX_COMMIT"), ")");

#[derive(Debug, Parser)]
#[command(
    name = "chanx",
    version = VERSION,
    about = "Generate typed Python WebSocket clients from AsyncAPI 3.0 documents, and check them for drift",
    after_help = "Exit codes: 0 success, 1 drift (check), 2 usage or input error."
)]
struct Cli {
    /// Print only warnings, errors and reports.
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Generate a typed Python WebSocket client package from an AsyncAPI 3.0 document.
    ///
    /// Writes a package with a base client, one sub-package per channel (client,
    /// messages) and the messages shared between channels. By default `base/` is
    /// kept when it exists (so your changes there survive) and channel folders
    /// are regenerated; files chanx did not generate are never deleted.
    #[command(after_help = GENERATE_EXAMPLES)]
    GenerateClient(GenerationArgs),
    /// Check that a generated client is exactly what generate-client would write now.
    ///
    /// Generates in memory with the same flags, compares with the output folder
    /// and writes nothing. Reports every file generate-client would create
    /// (missing), change (modified, or edited when changed by hand since it was
    /// generated) or delete (stale), with unified diffs. Files that differ only
    /// in line endings are named but pass unless --strict-eol.
    #[command(after_help = CHECK_EXAMPLES)]
    Check(CheckArgs),
    /// Commit the regenerated client to a branch through the GitHub API and open,
    /// update or close its pull request.
    ///
    /// Compares the generated client with the output folder on the base branch;
    /// uploads only changed files, makes one commit on top of the base branch on a
    /// branch of its own (one per client) and keeps one pull request for it up to
    /// date. Nothing changed: nothing is committed. Drift gone: the pull request is
    /// closed and its branch deleted. The token comes from GITHUB_TOKEN (or
    /// --token-env) and is never printed.
    #[cfg(feature = "github")]
    #[command(after_help = PULL_REQUEST_EXAMPLES)]
    PullRequest(Box<PullRequestArgs>),
}

#[cfg(feature = "github")]
const PULL_REQUEST_EXAMPLES: &str = "\
Examples:
  # In a workflow (GITHUB_REPOSITORY, GITHUB_TOKEN and GITHUB_API_URL are set)
  chanx pull-request --schema asyncapi.json --output clients/my_client

  # Elsewhere
  GITHUB_TOKEN=... chanx pull-request -s asyncapi.json -o clients/my_client \\
      --repo acme/app --base main --label generated --format json

The token needs `contents: write` and `pull-requests: write`.
Exit codes: 0 success, 2 usage, input or GitHub error.";

#[cfg(feature = "github")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum PullRequestFormat {
    Text,
    Json,
}

#[cfg(feature = "github")]
#[derive(Debug, Args)]
struct PullRequestArgs {
    #[command(flatten)]
    generation: GenerationArgs,
    /// Repository [default: $GITHUB_REPOSITORY].
    #[arg(long, value_name = "OWNER/NAME")]
    repo: Option<String>,
    /// Branch the pull request merges into [default: the repository's default branch].
    #[arg(long, value_name = "BRANCH")]
    base: Option<String>,
    /// Branch to commit to [default: chanx/<output folder>, one per client].
    #[arg(long, value_name = "NAME")]
    branch: Option<String>,
    /// Pull request title [default: chanx: regenerate the <output> client].
    #[arg(long)]
    title: Option<String>,
    /// Text put at the top of the pull request description.
    #[arg(long, value_name = "TEXT")]
    body_header: Option<String>,
    /// Commit message [default: chanx: regenerate <output> from <schema>].
    #[arg(long, value_name = "TEXT")]
    commit_message: Option<String>,
    /// Label to add to the pull request (repeatable).
    #[arg(long = "label", value_name = "LABEL")]
    labels: Vec<String>,
    /// Open the pull request as a draft.
    #[arg(long)]
    draft: bool,
    /// REST API base [default: $GITHUB_API_URL, else https://api.github.com];
    /// GitHub Enterprise Server: https://HOST/api/v3.
    #[arg(long, value_name = "URL")]
    api_url: Option<String>,
    /// Environment variable holding the token.
    #[arg(long, value_name = "NAME", default_value = "GITHUB_TOKEN")]
    token_env: String,
    /// Replace the branch even if it has commits chanx did not make.
    #[arg(long)]
    force: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = PullRequestFormat::Text)]
    format: PullRequestFormat,
}

#[derive(Debug, Args)]
struct GenerationArgs {
    /// Path or http(s) URL of the AsyncAPI document, JSON or YAML; `-` reads
    /// it from standard input. Without it, every client listed in chanx.toml.
    #[arg(long, short, value_name = "PATH_OR_URL", requires = "output")]
    schema: Option<String>,
    /// Folder of the client package; its name is the package's import name.
    #[arg(long, short, value_name = "DIR", requires = "schema")]
    output: Option<PathBuf>,
    #[command(flatten)]
    client: ClientOptions,
    /// Start fresh: remove every file chanx generated in the output folder
    /// (edited ones and base/ too), keeping files it did not write. Only in a
    /// folder chanx generated, or an empty one.
    #[arg(long)]
    clear_output: bool,
    /// With --clear-output: remove the whole folder, files chanx did not write included.
    #[arg(long, requires = "clear_output")]
    delete_foreign_files: bool,
    /// Replace files chanx did not write (its manifest does not list them)
    /// where generated files go; without it, such a file stops the run. Once,
    /// to take over a client the Python generator wrote.
    #[arg(long)]
    overwrite_foreign_files: bool,
    /// Refuse messages whose payload is in a format chanx does not read
    /// (Avro, Protobuf…) instead of typing them as any JSON value.
    #[arg(long)]
    strict_formats: bool,
    /// Refuse documents (and the files they reference) larger than this.
    #[arg(long, value_name = "MIB", default_value_t = load::MAX_DOCUMENT_MIB,
          value_parser = clap::value_parser!(u64).range(1..))]
    max_document_mib: u64,
    /// Give up on an HTTP request after this long.
    #[arg(long, value_name = "SECONDS", default_value_t = load::HTTP_TIMEOUT_SECONDS,
          value_parser = clap::value_parser!(u64).range(1..))]
    http_timeout: u64,
    /// Config file listing the clients, used without --schema [default: ./chanx.toml].
    #[arg(long, value_name = "FILE", conflicts_with = "schema")]
    config: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReportFormat {
    /// Status list, diffs and the command that fixes the drift.
    Text,
    /// One JSON document (see the README).
    Json,
    /// GitHub Actions annotations, and a job summary in $GITHUB_STEP_SUMMARY.
    Github,
}

#[derive(Debug, Args)]
struct CheckArgs {
    #[command(flatten)]
    generation: GenerationArgs,
    /// Also fail on files in the output folder that chanx never generated.
    #[arg(long)]
    strict: bool,
    /// Also fail on files that differ only in line endings.
    #[arg(long)]
    strict_eol: bool,
    /// Lines of context in diffs.
    #[arg(long, value_name = "N", default_value_t = 3)]
    context: usize,
    /// Colour the text report.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Show changed line counts instead of diffs.
    #[arg(long, conflicts_with = "name_only")]
    stat: bool,
    /// Show only the paths that differ.
    #[arg(long)]
    name_only: bool,
    /// Report format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    format: ReportFormat,
}

/// A message as one line of plain text: control characters (escape
/// sequences, carriage returns, line breaks) from a document are shown
/// escaped, so that no document text can colour or rewrite the terminal, or
/// start a line of its own that a CI runner reads as a workflow command.
fn terminal_safe(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_string();
    }
    text.chars()
        .map(|c| match c {
            '\n' => "\\n".to_string(),
            '\r' => "\\r".to_string(),
            '\t' => "\\t".to_string(),
            c if c.is_control() => format!("\\u{{{:x}}}", u32::from(c)),
            c => c.to_string(),
        })
        .collect()
}

/// Messages for the user, on stderr.
struct Reporter {
    quiet: bool,
}

impl Reporter {
    fn info(&self, message: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("{}", terminal_safe(message.as_ref()));
        }
    }

    fn warn(&self, message: impl AsRef<str>) {
        eprintln!("warning: {}", terminal_safe(message.as_ref()));
    }
}

/// Parses the command line, runs the command and returns its exit code.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let reporter = Reporter { quiet: cli.quiet };
    let result = match cli.command {
        Command::GenerateClient(args) => generate_all(&args, &reporter),
        Command::Check(args) => check_all(&args, &reporter),
        #[cfg(feature = "github")]
        Command::PullRequest(args) => pull_request_all(&args, &reporter),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {}", terminal_safe(&message));
            ExitCode::from(2)
        }
    }
}

/// One client to generate or check, with every choice made.
struct Job {
    schema: String,
    /// `--server`: host and protocol in place of the document's.
    server: Option<(String, String)>,
    output: PathBuf,
    formatter: Formatter,
    readme: bool,
    perspective: Perspective,
    with_tests: bool,
    strict_formats: bool,
    write: WriteOptions,
    limits: load::Limits,
    /// The command that regenerates this client.
    remedy: String,
}

/// Quotes a word for a POSIX shell when it needs it.
fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=@%+,".contains(c));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

fn config_failure(error: config::ConfigError) -> Failure {
    Failure {
        file: Some(PathBuf::from(error.path())),
        message: error.to_string(),
        line: None,
    }
}

/// The clients the command acts on: the one named on the command line, or
/// those of the config file, with command-line flags added to each.
fn jobs(args: &GenerationArgs) -> Result<Vec<Job>, Failure> {
    let (clients, remedy_base) = match (&args.schema, &args.output) {
        (Some(schema), Some(output)) => {
            let config = Path::new(CONFIG_FILE);
            if config.is_file() {
                config::check_required_version(config).map_err(config_failure)?;
            }
            let client = ClientEntry {
                schema: schema.clone(),
                output: output.clone(),
                options: args.client.clone(),
            };
            (vec![client], None)
        }
        _ => {
            let path = args
                .config
                .clone()
                .unwrap_or_else(|| PathBuf::from(CONFIG_FILE));
            if args.config.is_none() && !path.exists() {
                return Err(Failure::from(format!(
                    "give --schema and --output, or list the clients in {CONFIG_FILE} (see `chanx generate-client --help`)"
                )));
            }
            let clients = config::load(&path).map_err(config_failure)?;
            let mut remedy = "chanx generate-client".to_string();
            if let Some(config) = &args.config {
                remedy.push_str(&format!(
                    " --config {}",
                    shell_word(&config.to_string_lossy())
                ));
            }
            let clients = clients
                .into_iter()
                .map(|client| ClientEntry {
                    options: client.options.overridden_by(&args.client),
                    ..client
                })
                .collect();
            (clients, Some(remedy))
        }
    };
    clients
        .into_iter()
        .map(
            |ClientEntry {
                 schema,
                 output,
                 options,
             }| {
                if let Some(conflict) = options.conflict() {
                    return Err(Failure::from(conflict.to_string()));
                }
                let formatter = match (&options.formatter, options.no_format) {
                    (_, true) => Formatter::Disabled,
                    (Some(command), false) => Formatter::Command(command.clone()),
                    (None, false) => Formatter::Auto,
                };
                let remedy = remedy_base.clone().unwrap_or_else(|| {
                    let mut words = vec![
                        "chanx".to_string(),
                        "generate-client".to_string(),
                        "--schema".to_string(),
                        load::shown_input(&schema),
                        "--output".to_string(),
                        output.to_string_lossy().into_owned(),
                    ];
                    words.extend(options.flag_words());
                    words
                        .iter()
                        .map(|word| shell_word(word))
                        .collect::<Vec<_>>()
                        .join(" ")
                });
                let server = options
                    .server
                    .as_deref()
                    .map(config::parse_server)
                    .transpose()
                    .map_err(Failure::from)?;
                Ok(Job {
                    server,
                    formatter,
                    readme: !options.no_readme,
                    perspective: options.perspective,
                    with_tests: options.with_tests,
                    strict_formats: args.strict_formats,
                    write: WriteOptions {
                        clear_output: args.clear_output,
                        delete_foreign_files: args.delete_foreign_files,
                        overwrite_foreign_files: args.overwrite_foreign_files
                            || args.delete_foreign_files,
                        override_base: options.override_base,
                        clear_channels: !options.no_clear_channels,
                    },
                    limits: load::Limits {
                        max_document_mib: args.max_document_mib,
                        http_timeout_seconds: args.http_timeout,
                    },
                    remedy,
                    schema,
                    output,
                })
            },
        )
        .collect()
}

/// The import name of the package written to `output`, and whether the
/// folder name itself can be imported.
fn package_name(output: &Path) -> (String, bool) {
    let folder = std::path::absolute(output)
        .ok()
        .and_then(|path| {
            path.file_name()
                .map(|name| name.to_string_lossy().into_owned())
        })
        .unwrap_or_default();
    if naming::is_identifier(&folder) && !naming::KEYWORDS.contains(&folder.as_str()) {
        (folder, true)
    } else {
        (naming::module_name(&folder), false)
    }
}

/// Why one client could not be generated or checked: the message, and the
/// file (with its line, where known) that a GitHub annotation points at.
#[derive(Debug)]
struct Failure {
    message: String,
    file: Option<PathBuf>,
    line: Option<usize>,
}

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure {
            message,
            file: None,
            line: None,
        }
    }
}

impl Failure {
    /// A failure about the job's schema, annotated on it when it is a file.
    fn of_schema(job: &Job, message: String, line: Option<usize>) -> Failure {
        let file = match DocumentOrigin::parse(&job.schema) {
            DocumentOrigin::File(path) => Some(path),
            _ => None,
        };
        Failure {
            message,
            file,
            line,
        }
    }
}

/// The outcome of a command over one or more clients: the worst of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Verdict {
    Ok = 0,
    Drift = 1,
    Error = 2,
}

impl From<Verdict> for ExitCode {
    fn from(verdict: Verdict) -> ExitCode {
        ExitCode::from(verdict as u8)
    }
}

/// Prints a client's failure on stderr, and as a workflow command on stdout
/// when the report is for GitHub.
fn report_failure(failure: &Failure, annotate: bool, workspace: &Workspace) {
    eprintln!("error: {}", terminal_safe(&failure.message));
    if annotate {
        let mut properties = String::new();
        if let Some(file) = &failure.file {
            properties.push_str(&format!(
                "file={},",
                report::escape_workflow(&workspace.path(file), true)
            ));
            if let Some(line) = failure.line {
                properties.push_str(&format!("line={line},"));
            }
        }
        println!(
            "::error {properties}title=chanx::{}",
            report::escape_workflow(&failure.message, false)
        );
    }
}

/// Loads and generates one client's tree, before any formatter runs.
fn generate_tree(job: &Job, reporter: &Reporter, summary: bool) -> Result<Tree, Failure> {
    crate::render::compile_templates_in_background();
    let location = DocumentOrigin::parse(&job.schema);
    reporter.info(format!("Loading AsyncAPI schema: {location}"));
    let mut document = load::load(&location, &job.limits).map_err(|error| {
        let line = error.line();
        Failure::of_schema(job, error.to_string(), line)
    })?;
    if job.server.is_none() {
        if let Some(host) = document.forget_fetch_host() {
            reporter.info(format!(
                "  The document's server is {host}, the host it was fetched from: the client takes its \
                 server from the caller (pin one with --server)"
            ));
        }
    }
    let (package_name, importable) = package_name(&job.output);
    if !importable {
        reporter.warn(format!(
            "{} is not an importable Python package name; the README calls the package `{package_name}`",
            job.output.display()
        ));
    }
    let options = GenerateOptions {
        readme: job.readme,
        package_name,
        perspective: job.perspective,
        with_tests: job.with_tests,
        server: job.server.clone(),
    };
    let (api, tree) = crate::generate(document, &options, &job.limits).map_err(|error| {
        // Layout errors are about the document as a whole: name it.
        let message = match &error {
            crate::GenerateError::Layout(_) => format!("{location}: {error}"),
            _ => error.to_string(),
        };
        Failure::of_schema(job, message, None)
    })?;
    if let Some(first) = api.foreign_payloads.first().filter(|_| job.strict_formats) {
        return Err(Failure::of_schema(job, first.refusal(), None));
    }
    for foreign in &api.foreign_payloads {
        reporter.warn(foreign.warning());
    }
    for warning in &api.warnings {
        reporter.warn(warning);
    }
    if job.with_tests && !tree.files().contains_key(crate::render::EXAMPLES_MODULE) {
        reporter.warn(format!(
            "--with-tests: the document has no message examples, so there is no {} to write",
            crate::render::EXAMPLES_MODULE
        ));
    }
    if summary {
        let perspective = match job.perspective {
            Perspective::Server => "server (receive operations are what the client sends)",
            Perspective::Client => "client (send operations are what the client sends)",
        };
        reporter.info(format!("  Perspective: {perspective}"));
        reporter.info(format!("  Title: {}", api.title));
        reporter.info(format!("  Version: {}", api.version));
        reporter.info(format!("  Channels: {}", api.counts.channels));
        reporter.info(format!("  Operations: {}", api.counts.operations));
        reporter.info(format!("  Schemas: {}", api.counts.schemas));
    }
    crate::drop_in_background(api);
    Ok(tree)
}

/// Runs the formatter the flags name, or else the one the folder's
/// manifest records.
fn format_tree(
    job: &Job,
    tree: Tree,
    recorded: &Recorded,
    reporter: &Reporter,
) -> Result<Tree, Failure> {
    let (tree, outcome) = format::format_tree(tree, &job.formatter, recorded, &job.output)
        .map_err(|error| Failure {
            message: error.to_string(),
            file: Some(job.output.join(crate::tree::MANIFEST)),
            line: None,
        })?;
    match outcome {
        Formatting::Formatted(record) => reporter.info(format!(
            "  formatted with `{}`{}",
            record.command,
            record
                .version
                .map_or_else(String::new, |version| format!(" ({version})"))
        )),
        Formatting::Skipped(_) => {}
        Formatting::Warning(message) => reporter.warn(message),
    }
    Ok(tree)
}

/// What the folder's manifest records about its formatter.
fn recorded_formatter(folder: &dyn Folder) -> Recorded {
    folder
        .manifest()
        .ok()
        .flatten()
        .map(|manifest| manifest.formatter.clone())
        .unwrap_or_default()
}

/// Builds the tree while another thread lists and hashes the output
/// folder, which is most of what comparing the two costs; then formats it
/// as the folder's manifest records.
fn tree_and_folder(
    job: &Job,
    reporter: &Reporter,
    summary: bool,
) -> Result<(Tree, Result<DiskFolder, WriteError>), Failure> {
    let (tree, folder) = std::thread::scope(|scope| {
        let scan = scope.spawn(|| DiskFolder::new(&job.output)?.scan());
        let tree = generate_tree(job, reporter, summary);
        let folder = scan
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (tree, folder)
    });
    let recorded = folder
        .as_ref()
        .map_or_else(|_| Recorded::Unknown, |folder| recorded_formatter(folder));
    let tree = format_tree(job, tree?, &recorded, reporter)?;
    Ok((tree, folder))
}

fn generate_all(args: &GenerationArgs, reporter: &Reporter) -> Result<ExitCode, String> {
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

fn check_all(args: &CheckArgs, reporter: &Reporter) -> Result<ExitCode, String> {
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let options = CheckOptions {
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
    };
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
    let mut stdout = std::io::stdout().lock();
    let printed = match args.format {
        ReportFormat::Text => reports
            .iter()
            .try_for_each(|report| stdout.write_all(report::text(report, &options).as_bytes())),
        ReportFormat::Json => stdout.write_all(report::json(&reports, &options).as_bytes()),
        ReportFormat::Github => {
            let shown: Vec<ClientReport> = reports
                .iter()
                .map(|report| ClientReport {
                    output: workspace.path(Path::new(&report.output)),
                    ..report.clone()
                })
                .collect();
            let (commands, summary) = report::github(&shown, &options);
            if let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY") {
                append(Path::new(&path), &summary)?;
            }
            stdout.write_all(commands.as_bytes()).and_then(|()| {
                reports.iter().try_for_each(|report| {
                    stdout.write_all(report::text(report, &options).as_bytes())
                })
            })
        }
    };
    printed.map_err(|error| format!("cannot write the report: {error}"))?;
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
    github_outputs(&[
        ("drift", drift.to_string()),
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
    report.generated_by = folder
        .manifest()
        .map_err(|error| error.to_string())?
        .and_then(|manifest| manifest.generator_version.clone())
        .filter(|version| version != env!("CARGO_PKG_VERSION"));
    Ok(report)
}

/// `GITHUB_WORKSPACE`, against which paths in annotations, job summaries
/// and step outputs are written, so that they attach to the repository's
/// files whatever the working directory.
struct Workspace {
    root: Option<PathBuf>,
}

impl Workspace {
    fn from_env() -> Workspace {
        let root = std::env::var_os("GITHUB_WORKSPACE")
            .filter(|root| !root.is_empty())
            .map(PathBuf::from)
            .and_then(|root| std::path::absolute(root).ok())
            .map(|root| load::normalize(&root));
        Workspace { root }
    }

    /// `path` relative to the workspace, `/`-separated, when it lies inside;
    /// otherwise as given.
    fn path(&self, path: &Path) -> String {
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
fn github_outputs(outputs: &[(&str, String)]) -> Result<(), String> {
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
fn json_list(paths: &[String]) -> String {
    serde_json::to_string(paths).unwrap_or_else(|_| "[]".to_string())
}

#[cfg(feature = "github")]
fn pull_request_all(args: &PullRequestArgs, reporter: &Reporter) -> Result<ExitCode, String> {
    use crate::github;
    let jobs = jobs(&args.generation).map_err(|failure| failure.message)?;
    if jobs.len() > 1 && args.branch.is_some() {
        return Err("--branch names one branch, but chanx.toml lists several clients".to_string());
    }
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
    let mut verdict = Verdict::Ok;
    let mut outcomes = Vec::new();
    for job in &jobs {
        let settings = PullRequestSettings {
            owner,
            name,
            token: &token,
            api_url: &api_url,
        };
        match pull_request_client(job, args, &settings, reporter) {
            Ok(outcome) => outcomes.push(outcome),
            Err(failure) => {
                report_failure(&failure, false, &Workspace::from_env());
                verdict = Verdict::Error;
            }
        }
    }
    let operation = |outcome: &github::PullRequestOutcome| {
        serde_json::to_value(outcome.operation)
            .ok()
            .and_then(|value| value.as_str().map(str::to_string))
            .unwrap_or_default()
    };
    for outcome in &outcomes {
        match args.format {
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
            }
        }
    }
    let changed: Vec<String> = outcomes
        .iter()
        .flat_map(|outcome| outcome.files.iter().map(|file| file.path.clone()))
        .collect();
    // One client keeps the plain values; several give JSON lists in the
    // order of chanx.toml, so that no client's outputs hide another's.
    let per_client = |value: &dyn Fn(&github::PullRequestOutcome) -> serde_json::Value| {
        match outcomes.as_slice() {
            [one] => match value(one) {
                serde_json::Value::String(text) => text,
                serde_json::Value::Null => String::new(),
                other => other.to_string(),
            },
            all => serde_json::Value::Array(all.iter().map(value).collect()).to_string(),
        }
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
            "pull-requests",
            serde_json::to_string(&outcomes).unwrap_or_else(|_| "[]".to_string()),
        ),
    ])?;
    Ok(verdict.into())
}

/// What every client's pull request shares.
#[cfg(feature = "github")]
struct PullRequestSettings<'a> {
    owner: &'a str,
    name: &'a str,
    token: &'a str,
    api_url: &'a str,
}

/// Commits one client to its branch and keeps its pull request up to date.
#[cfg(feature = "github")]
fn pull_request_client(
    job: &Job,
    args: &PullRequestArgs,
    settings: &PullRequestSettings,
    reporter: &Reporter,
) -> Result<crate::github::PullRequestOutcome, Failure> {
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
        .map_err(|error| Failure::from(error.to_string().replace(settings.token, "***")))
}

/// The output folder as a path inside the repository (the current folder).
#[cfg(feature = "github")]
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
