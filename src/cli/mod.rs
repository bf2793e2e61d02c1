//! CLI: the `chanx` command line. The only module that knows clap; maps
//! every outcome to an exit code (0 ok, 1 drift, 2 usage or input error).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::load::{self, DocumentOrigin};
use crate::options::ClientOptions;
use crate::report::{self, terminal_safe};

mod check;
mod generate;
mod jobs;
#[cfg(feature = "github")]
mod pull_request;

use check::{check_all, Workspace};
use generate::generate_all;
use jobs::Job;
#[cfg(feature = "github")]
use pull_request::pull_request_all;

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

  # Write nothing if the new client would break code that calls the old one
  chanx generate-client -s asyncapi.json -o ./my_client --fail-on-breaking

Exit codes: 0 success, 1 breaking changes refused (--fail-on-breaking), 2 usage or input error.";

const CHECK_EXAMPLES: &str = "\
Examples:
  # Is the committed client what generate-client would write now?
  chanx check --schema asyncapi.json --output ./my_client

  # Every client listed in ./chanx.toml (as a pre-commit hook does)
  chanx check

  # In GitHub Actions: annotations and a job summary
  chanx check --format github

Drift comes with a \"Client API changes\" section: each change of the client's
API, and whether it breaks code that calls the committed client.

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
    GenerateClient(GenerateArgs),
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

The token needs `contents: write` and `pull-requests: write`. When a change
breaks code that calls the client, the description says which and the pull
request gets the --breaking-label label.
Exit codes: 0 success, 1 breaking changes (--fail-on-breaking), 2 usage, input or GitHub error.";

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
    /// Label for a pull request whose changes break code that calls the
    /// client; removed once none does. An empty value adds none.
    #[arg(long, value_name = "LABEL", default_value = "breaking-change")]
    breaking_label: String,
    /// Exit with 1 when a change breaks code that calls the client, after
    /// opening or updating the pull request.
    #[arg(long)]
    fail_on_breaking: bool,
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
struct GenerateArgs {
    #[command(flatten)]
    generation: GenerationArgs,
    /// Write nothing, and exit with 1, when the new client would break code
    /// that calls the one in the output folder.
    #[arg(long)]
    fail_on_breaking: bool,
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
