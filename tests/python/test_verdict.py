"""One verdict everywhere (issue 19), with the real tools: a client that the
real ruff formatted under the project's own settings is checked the same
way on a machine without ruff, which says why it cannot check (exit 2)
instead of reporting drift."""

import json
import os
import shutil
import subprocess
from pathlib import Path

from conftest import ROOT, tool

CHANX = ROOT / "target" / "debug" / "chanx"


def run_chanx(*args: str, cwd: Path, path: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("GITHUB_")}
    env["PATH"] = path
    return subprocess.run([str(CHANX), *args], cwd=cwd, capture_output=True, text=True, env=env, check=False)


def ruff_version() -> str:
    result = subprocess.run([tool("ruff"), "--version"], capture_output=True, text=True, check=True)
    return result.stdout.split()[1]


def test_issue_19_ruff_settings_of_the_project_do_not_make_false_drift(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "fixtures" / "chanx" / "showcase.json", project / "asyncapi.json")
    (project / "pyproject.toml").write_text("[tool.ruff]\nline-length = 60\n")
    with_ruff = tmp_path / "bin"
    with_ruff.mkdir()
    (with_ruff / "ruff").symlink_to(tool("ruff"))
    args = ["--schema", "asyncapi.json", "--output", "my_client"]

    generated = run_chanx("generate-client", *args, cwd=project, path=str(with_ruff))
    assert generated.returncode == 0, generated.stderr
    manifest = json.loads((project / "my_client" / ".chanx-manifest.json").read_text())
    assert manifest["formatter"] == {"command": "ruff format", "version": ruff_version()}
    client = (project / "my_client" / "chat" / "client.py").read_text()
    unformatted = (ROOT / "tests" / "golden" / "showcase" / "chat" / "client.py").read_text()
    assert client != unformatted, "the project's line length shaped the file"

    same = run_chanx("check", *args, cwd=project, path=str(with_ruff))
    assert same.returncode == 0, same.stdout + same.stderr

    without = run_chanx("check", *args, "--format", "github", cwd=project, path="")
    assert without.returncode == 2, without.stdout + without.stderr
    assert f"pip install ruff=={ruff_version()}" in without.stderr
    assert "::error file=my_client/.chanx-manifest.json,title=chanx::" in without.stdout
    assert "differs" not in without.stdout
