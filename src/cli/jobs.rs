//! Jobs: the clients a command acts on, each with every choice made (from
//! its flags and chanx.toml), and the steps every command takes for one:
//! load, generate and format the tree, and open the output folder.

use std::path::{Path, PathBuf};

use crate::config::{self, ClientEntry, CONFIG_FILE};
use crate::format::{self, Formatter, Formatting, Recorded};
use crate::load::{self, DocumentOrigin};
use crate::naming;
use crate::options::GenerateOptions;
use crate::options::Perspective;
use crate::tree::Tree;
use crate::write::{DiskFolder, Folder, WriteError, WriteOptions};

use super::{Failure, GenerationArgs, Reporter};

/// One client to generate or check, with every choice made.
pub(super) struct Job {
    pub(super) schema: String,
    /// `--server`: host and protocol in place of the document's.
    pub(super) server: Option<(String, String)>,
    pub(super) output: PathBuf,
    pub(super) formatter: Formatter,
    pub(super) readme: bool,
    pub(super) perspective: Perspective,
    pub(super) with_tests: bool,
    pub(super) strict_formats: bool,
    pub(super) write: WriteOptions,
    pub(super) limits: load::Limits,
    /// The command that regenerates this client.
    pub(super) remedy: String,
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
pub(super) fn jobs(args: &GenerationArgs) -> Result<Vec<Job>, Failure> {
    let (clients, remedy) = clients(args)?;
    clients
        .into_iter()
        .map(|client| job(args, client, remedy.as_deref()))
        .collect()
}

/// The clients with the flags on top, and the command that regenerates
/// them all when they come from a config file.
fn clients(args: &GenerationArgs) -> Result<(Vec<ClientEntry>, Option<String>), Failure> {
    if let (Some(schema), Some(output)) = (&args.schema, &args.output) {
        let config = Path::new(CONFIG_FILE);
        if config.is_file() {
            config::check_required_version(config).map_err(config_failure)?;
        }
        let client = ClientEntry {
            schema: schema.clone(),
            output: output.clone(),
            options: args.client.clone(),
        };
        return Ok((vec![client], None));
    }
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
    Ok((clients, Some(remedy)))
}

/// One client's job, every choice made; `remedy` regenerates it when the
/// client comes from a config file.
fn job(args: &GenerationArgs, client: ClientEntry, remedy: Option<&str>) -> Result<Job, Failure> {
    let ClientEntry {
        schema,
        output,
        options,
    } = client;
    if let Some(conflict) = options.conflict() {
        return Err(Failure::from(conflict.to_string()));
    }
    let formatter = match (&options.formatter, options.no_format) {
        (_, true) => Formatter::Disabled,
        (Some(command), false) => Formatter::Command(command.clone()),
        (None, false) => Formatter::Auto,
    };
    let remedy = remedy.map_or_else(
        || {
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
        },
        str::to_string,
    );
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
            overwrite_foreign_files: args.overwrite_foreign_files || args.delete_foreign_files,
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

/// Loads and generates one client's tree, before any formatter runs.
pub(super) fn generate_tree(
    job: &Job,
    reporter: &Reporter,
    summary: bool,
) -> Result<Tree, Failure> {
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
pub(super) fn format_tree(
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
pub(super) fn recorded_formatter(folder: &dyn Folder) -> Recorded {
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
pub(super) fn tree_and_folder(
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
