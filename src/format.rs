//! Format: runs an optional formatter over the generated Python files.
//!
//! The generated code is already `ruff format`-clean, so formatting only
//! matters to users whose own formatter settings differ. The formatter runs
//! on a temporary copy of the tree placed beside the output folder (so that
//! it finds the same configuration files), and the formatted files replace
//! those of the tree: `generate-client` writes and `check` compares the same
//! result. A formatter that is missing or fails is a warning, never a failure.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::tree::Tree;

/// Which formatter to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Formatter {
    /// `--no-format`.
    Disabled,
    /// No `--formatter`: `ruff format` when ruff is on `PATH`.
    Auto,
    /// `--formatter "CMD ARGS"`: the files are appended to the command.
    Command(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Skipped(String),
    Formatted(String),
    Warning(String),
}

/// The tree as the formatter leaves it, and what happened.
pub fn format_tree(tree: Tree, formatter: &Formatter, output: &Path) -> (Tree, Outcome) {
    let command = match formatter {
        Formatter::Disabled => return (tree, Outcome::Skipped("--no-format".to_string())),
        Formatter::Auto => match find_on_path("ruff") {
            Some(_) => "ruff format".to_string(),
            None => return (tree, Outcome::Skipped("ruff is not on PATH".to_string())),
        },
        Formatter::Command(command) => command.clone(),
    };
    match run_on_copy(&tree, &command, output) {
        Ok(formatted) => (tree.with_files(formatted), Outcome::Formatted(command)),
        Err(message) => (tree, Outcome::Warning(message)),
    }
}

/// Writes the tree's Python files beside `output`, formats them and reads them back.
fn run_on_copy(
    tree: &Tree,
    command: &str,
    output: &Path,
) -> Result<BTreeMap<String, Vec<u8>>, String> {
    let mut words = command.split_whitespace();
    let program = words
        .next()
        .ok_or_else(|| "--formatter is empty; nothing was formatted".to_string())?;
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
        .files
        .keys()
        .filter(|path| path.ends_with(".py"))
        .collect();
    let mut paths = Vec::with_capacity(python.len());
    for relative in &python {
        let path = root.join(relative.as_str());
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, &tree.files[relative.as_str()]));
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
