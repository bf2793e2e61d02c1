//! Format: runs an optional formatter over the Python files just written.
//!
//! The generated code is already `ruff format`-clean, so formatting only
//! matters to users whose own formatter settings differ. A formatter that is
//! missing or fails is a warning, never a failure.

use std::path::{Path, PathBuf};
use std::process::Command;

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

pub fn run(formatter: &Formatter, files: &[PathBuf]) -> Outcome {
    let command = match formatter {
        Formatter::Disabled => return Outcome::Skipped("--no-format".to_string()),
        Formatter::Auto => match find_on_path("ruff") {
            Some(_) => "ruff format".to_string(),
            None => return Outcome::Skipped("ruff is not on PATH".to_string()),
        },
        Formatter::Command(command) => command.clone(),
    };
    if files.is_empty() {
        return Outcome::Skipped("no Python file changed".to_string());
    }
    let mut words = command.split_whitespace();
    let Some(program) = words.next() else {
        return Outcome::Warning("--formatter is empty; nothing was formatted".to_string());
    };
    let result = Command::new(program).args(words).args(files).output();
    match result {
        Err(error) => Outcome::Warning(format!("formatter `{command}` could not run: {error}")),
        Ok(output) if !output.status.success() => {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let detail = stderr
                .lines()
                .find(|line| !line.trim().is_empty())
                .unwrap_or("");
            Outcome::Warning(format!(
                "formatter `{command}` failed ({}): {detail}",
                output.status
            ))
        }
        Ok(_) => Outcome::Formatted(command),
    }
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
