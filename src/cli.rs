//! CLI: the `chanx` command line. The only module that knows clap; maps
//! every outcome to an exit code (0 ok, 1 drift, 2 usage or input error).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::format::{self, Formatter, Outcome};
use crate::load::{self, Location};
use crate::naming;
use crate::tree::GenerateOptions;
use crate::write::{self, WriteOptions};

const EXAMPLES: &str = "\
Examples:
  # From a running chanx server (Django or FastAPI)
  chanx generate-client --schema http://localhost:8000/asyncapi.json --output ./my_client

  # From a file, JSON or YAML
  chanx generate-client -s asyncapi.yaml -o ./my_client

  # Start over, or refresh base/ too
  chanx generate-client -s asyncapi.json -o ./my_client --clear-output
  chanx generate-client -s asyncapi.json -o ./my_client --override-base

Exit codes: 0 success, 1 drift (check), 2 usage or input error.";

#[derive(Debug, Parser)]
#[command(
    name = "chanx",
    version,
    about = "Generate typed Python WebSocket clients from AsyncAPI 3.0 documents",
    after_help = EXAMPLES,
)]
struct Cli {
    /// Print only warnings and errors.
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
    #[command(after_help = EXAMPLES)]
    GenerateClient(GenerateArgs),
}

#[derive(Debug, Args)]
struct GenerateArgs {
    /// Path or http(s) URL of the AsyncAPI document, JSON or YAML.
    #[arg(long, short, value_name = "PATH_OR_URL")]
    schema: String,
    /// Folder to write the client package into; its name is the package's import name.
    #[arg(long, short, value_name = "DIR")]
    output: PathBuf,
    /// Formatter to run on the written files, e.g. "ruff format" or "black".
    /// Without it, `ruff format` runs when ruff is on PATH.
    #[arg(long, short, value_name = "COMMAND", conflicts_with = "no_format")]
    formatter: Option<String>,
    /// Do not run any formatter (the output is already ruff-formatted).
    #[arg(long)]
    no_format: bool,
    /// Do not write README.md.
    #[arg(long)]
    no_readme: bool,
    /// Remove the output folder before generating (only a folder chanx generated, or an empty one).
    #[arg(long)]
    clear_output: bool,
    /// Regenerate base/ even if it exists.
    #[arg(long)]
    override_base: bool,
    /// Keep files of channel folders that the document no longer produces.
    #[arg(long)]
    no_clear_channels: bool,
}

/// Messages for the user, on stderr.
struct Reporter {
    quiet: bool,
}

impl Reporter {
    fn info(&self, message: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("{}", message.as_ref());
        }
    }

    fn warn(&self, message: impl AsRef<str>) {
        eprintln!("warning: {}", message.as_ref());
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
        Command::GenerateClient(args) => generate_client(&args, &reporter),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
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

fn generate_client(args: &GenerateArgs, reporter: &Reporter) -> Result<ExitCode, String> {
    let location = Location::parse(&args.schema);
    reporter.info(format!("Loading AsyncAPI schema: {location}"));
    let document = load::load(&location).map_err(|error| error.to_string())?;
    let (package_name, importable) = package_name(&args.output);
    if !importable {
        reporter.warn(format!(
            "{} is not an importable Python package name; the README calls the package `{package_name}`",
            args.output.display()
        ));
    }
    let options = GenerateOptions {
        readme: !args.no_readme,
        package_name,
    };
    let (api, tree) = crate::generate(&document, &options).map_err(|error| error.to_string())?;
    reporter.info(format!("  Title: {}", api.title));
    reporter.info(format!("  Version: {}", api.version));
    reporter.info(format!("  Channels: {}", api.counts.channels));
    reporter.info(format!("  Operations: {}", api.counts.operations));
    reporter.info(format!("  Schemas: {}", api.counts.schemas));
    reporter.info(format!("Generating client into {}", args.output.display()));
    let write_options = WriteOptions {
        clear_output: args.clear_output,
        override_base: args.override_base,
        clear_channels: !args.no_clear_channels,
    };
    let report =
        write::write(&tree, &args.output, &write_options).map_err(|error| error.to_string())?;
    reporter.info(format!(
        "  {} files written, {} unchanged, {} removed",
        report.written.len(),
        report.unchanged.len(),
        report.removed.len()
    ));
    if report.kept_base {
        reporter.info("  kept the existing base/ (--override-base regenerates it)");
    }
    for (path, reason) in &report.left_alone {
        reporter.info(format!("  left alone: {path} ({reason})"));
    }
    let formatter = match (&args.formatter, args.no_format) {
        (_, true) => Formatter::Disabled,
        (Some(command), false) => Formatter::Command(command.clone()),
        (None, false) => Formatter::Auto,
    };
    let python_files: Vec<PathBuf> = report
        .written
        .iter()
        .filter(|path| path.ends_with(".py"))
        .map(|path| args.output.join(path))
        .collect();
    match format::run(&formatter, &python_files) {
        Outcome::Formatted(command) => reporter.info(format!("  formatted with `{command}`")),
        Outcome::Skipped(_) => {}
        Outcome::Warning(message) => reporter.warn(message),
    }
    reporter.info(format!("Client generated in {}", args.output.display()));
    Ok(ExitCode::SUCCESS)
}
