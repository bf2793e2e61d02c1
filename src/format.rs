//! Format: runs an optional formatter over the generated Python files.
//!
//! The generated code is already `ruff format`-clean, so formatting only
//! matters to users whose own formatter settings differ. The formatter runs
//! on a temporary copy of the tree placed beside the output folder (so that
//! it finds the same configuration files), and the formatted files replace
//! those of the tree: `generate-client` writes and `check` compares the same
//! result.
//!
//! The formatter is an input like the document: the manifest records its
//! command and version. Without `--formatter` or `--no-format`, every
//! command reproduces what the folder's manifest records, and stops with a
//! [`FormatError`] when this machine cannot (the formatter is missing or
//! reports another version), so that two machines never disagree about
//! drift. Only a folder without a record falls back to `ruff format` when
//! ruff is on `PATH`. A formatter named by flag that fails is a warning.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::tree::{FormatterRecord, Tree};

/// Which formatter to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Formatter {
    /// `--no-format`.
    Disabled,
    /// No `--formatter`: what the manifest records, else `ruff format` when
    /// ruff is on `PATH`.
    Auto,
    /// `--formatter "CMD ARGS"`: the files are appended to the command.
    Command(String),
}

/// What an output folder's manifest says about the formatter that shaped it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Recorded {
    /// No manifest, or one written before formatters were recorded.
    #[default]
    Unknown,
    /// No formatter ran.
    Nothing,
    Formatter(FormatterRecord),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Formatting {
    Skipped(String),
    Formatted(FormatterRecord),
    Warning(String),
}

/// The recorded formatter cannot be reproduced on this machine.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    #[error("{manifest}: the client was formatted with `{command}`{version}, but `{program}` is not on PATH; {fix}", version = shown_version(.recorded), fix = fix(.command, .recorded))]
    Missing {
        manifest: String,
        command: String,
        program: String,
        recorded: Option<String>,
    },
    #[error("{manifest}: the client was formatted with `{command}` {recorded}, but this machine has {found}; {fix}", fix = fix(.command, &Some(.recorded.clone())))]
    OtherVersion {
        manifest: String,
        command: String,
        recorded: String,
        found: String,
    },
    #[error("{manifest}: the client was formatted with `{command}`{version}, which fails here: {detail}; fix it, or pass --formatter or --no-format to choose", version = shown_version(.recorded))]
    Failed {
        manifest: String,
        command: String,
        recorded: Option<String>,
        detail: String,
    },
}

fn shown_version(version: &Option<String>) -> String {
    version
        .as_ref()
        .map_or_else(String::new, |version| format!(" {version}"))
}

fn fix(command: &str, version: &Option<String>) -> String {
    let install = match (program(command), version) {
        ("ruff", Some(version)) => format!("install it with `pip install ruff=={version}`"),
        (_, Some(version)) => format!("install version {version}"),
        (_, None) => "install it".to_string(),
    };
    format!("{install}, or pass --formatter or --no-format to choose another formatter")
}

/// The tree as the formatter leaves it, and what happened. `recorded` is
/// what the output folder's manifest says; `manifest` names it in errors.
pub fn format_tree(
    tree: Tree,
    formatter: &Formatter,
    recorded: &Recorded,
    output: &Path,
) -> Result<(Tree, Formatting), FormatError> {
    let manifest = || {
        output
            .join(crate::tree::MANIFEST)
            .to_string_lossy()
            .into_owned()
    };
    let command = match (formatter, recorded) {
        (Formatter::Disabled, _) => {
            return Ok((tree, Formatting::Skipped("--no-format".to_string())));
        }
        (Formatter::Command(command), Recorded::Formatter(record))
            if same_command(command, &record.command) =>
        {
            return reproduce(tree, record, output, &manifest());
        }
        (Formatter::Command(command), _) => normalized(command),
        (Formatter::Auto, Recorded::Formatter(record)) => {
            return reproduce(tree, record, output, &manifest());
        }
        (Formatter::Auto, Recorded::Nothing) => {
            return Ok((
                tree,
                Formatting::Skipped("the manifest records no formatter".to_string()),
            ));
        }
        (Formatter::Auto, Recorded::Unknown) => match find_on_path("ruff") {
            Some(_) => "ruff format".to_string(),
            None => return Ok((tree, Formatting::Skipped("ruff is not on PATH".to_string()))),
        },
    };
    if command.is_empty() {
        return Ok((
            tree,
            Formatting::Warning("--formatter is empty; nothing was formatted".to_string()),
        ));
    }
    let record = FormatterRecord {
        version: version_of(program(&command)),
        command,
    };
    match run_on_copy(&tree, &record.command, output) {
        Ok(formatted) => Ok((
            tree.formatted(formatted, record.clone()),
            Formatting::Formatted(record),
        )),
        Err(message) => Ok((tree, Formatting::Warning(message))),
    }
}

/// Runs the recorded formatter, or says why this machine cannot.
fn reproduce(
    tree: Tree,
    record: &FormatterRecord,
    output: &Path,
    manifest: &str,
) -> Result<(Tree, Formatting), FormatError> {
    let program = program(&record.command);
    if find_on_path(program).is_none() {
        return Err(FormatError::Missing {
            manifest: manifest.to_string(),
            command: record.command.clone(),
            program: program.to_string(),
            recorded: record.version.clone(),
        });
    }
    let found = version_of(program);
    if let Some(recorded) = &record.version {
        if found.as_ref() != Some(recorded) {
            return Err(FormatError::OtherVersion {
                manifest: manifest.to_string(),
                command: record.command.clone(),
                recorded: recorded.clone(),
                found: found.map_or_else(
                    || format!("a `{program}` that reports no version"),
                    |found| format!("version {found}"),
                ),
            });
        }
    }
    match run_on_copy(&tree, &record.command, output) {
        Ok(formatted) => Ok((
            tree.formatted(formatted, record.clone()),
            Formatting::Formatted(record.clone()),
        )),
        Err(detail) => Err(FormatError::Failed {
            manifest: manifest.to_string(),
            command: record.command.clone(),
            recorded: record.version.clone(),
            detail,
        }),
    }
}

fn normalized(command: &str) -> String {
    command.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn same_command(left: &str, right: &str) -> bool {
    normalized(left) == normalized(right)
}

fn program(command: &str) -> &str {
    command.split_whitespace().next().unwrap_or("")
}

/// The version `program --version` reports: the first word of its first
/// line that starts with a digit (`ruff 0.17.6`, `black, 24.1.0 (compiled: yes)`),
/// or that whole line; `None` when it reports nothing.
fn version_of(program: &str) -> Option<String> {
    let run = Command::new(program).arg("--version").output().ok()?;
    if !run.status.success() {
        return None;
    }
    parse_version(&String::from_utf8_lossy(&run.stdout))
}

fn parse_version(output: &str) -> Option<String> {
    let line = output
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty())?;
    let version = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .find(|word| word.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(line);
    Some(version.to_string())
}

/// Writes the tree's Python files beside `output`, formats them and reads them back.
fn run_on_copy(
    tree: &Tree,
    command: &str,
    output: &Path,
) -> Result<BTreeMap<String, Vec<u8>>, String> {
    let mut words = command.split_whitespace();
    let program = words.next().unwrap_or_default();
    let absolute = std::path::absolute(output).unwrap_or_else(|_| output.to_path_buf());
    let anchor = absolute
        .ancestors()
        .skip(1)
        .find(|dir| dir.is_dir())
        .map(Path::to_path_buf)
        .unwrap_or_else(std::env::temp_dir);
    let scratch = tempfile::Builder::new()
        .prefix(".chanx-format-")
        .tempdir_in(&anchor)
        .or_else(|_| tempfile::tempdir())
        .map_err(|error| format!("cannot create a folder to format in: {error}"))?;
    let name = absolute
        .file_name()
        .map_or_else(|| "client".into(), |name| name.to_os_string());
    let root = scratch.path().join(name);
    let python: Vec<&String> = tree
        .files()
        .keys()
        .filter(|path| path.ends_with(".py"))
        .collect();
    let mut paths = Vec::with_capacity(python.len());
    for relative in &python {
        let path = root.join(relative.as_str());
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, &tree.files()[relative.as_str()]));
        written.map_err(|error| {
            format!("cannot prepare {} for formatting: {error}", path.display())
        })?;
        paths.push(path);
    }
    let result = Command::new(program)
        .args(words)
        .args(&paths)
        .current_dir(&anchor)
        .output();
    match result {
        Err(error) => return Err(format!("formatter `{command}` could not run: {error}")),
        Ok(run) if !run.status.success() => {
            let stderr = String::from_utf8_lossy(&run.stderr);
            let detail = stderr
                .lines()
                .find(|line| !line.trim().is_empty())
                .unwrap_or("");
            return Err(format!(
                "formatter `{command}` failed ({}): {detail}",
                run.status
            ));
        }
        Ok(_) => {}
    }
    python
        .into_iter()
        .zip(paths)
        .map(|(relative, path)| {
            std::fs::read(&path)
                .map(|bytes| (relative.clone(), bytes))
                .map_err(|error| {
                    format!("formatter `{command}` removed {}: {error}", path.display())
                })
        })
        .collect()
}

fn find_on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        path.metadata()
            .is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        path.is_file() || path.with_extension("exe").is_file()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_read_from_the_first_line() {
        assert_eq!(parse_version("ruff 0.17.6\n").as_deref(), Some("0.17.6"));
        assert_eq!(
            parse_version("black, 24.1.0 (compiled: yes)\nPython (CPython) 3.11.7\n").as_deref(),
            Some("24.1.0")
        );
        assert_eq!(parse_version("\nyapf v\n").as_deref(), Some("yapf v"));
        assert_eq!(parse_version(""), None);
    }
}
