"""actionlint passes on both workflows and on action.yml, which it reads
through the workflow steps that use the action as `./`."""

import shutil
import subprocess
from pathlib import Path

from conftest import ROOT, tool


def actionlint(root: Path) -> subprocess.CompletedProcess[str]:
    workflows = sorted(str(path) for path in (root / ".github" / "workflows").glob("*.yml"))
    return subprocess.run([tool("actionlint"), *workflows], cwd=root, capture_output=True, text=True, check=False)


def test_the_workflows_and_the_action_pass_actionlint() -> None:
    workflows = {path.name for path in (ROOT / ".github" / "workflows").glob("*.yml")}
    assert workflows == {"ci.yml", "release.yml"}
    result = actionlint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_checks_the_uses_of_action_yml(tmp_path: Path) -> None:
    shutil.copy(ROOT / "action.yml", tmp_path / "action.yml")
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    ci = (ROOT / ".github" / "workflows" / "ci.yml").read_text()
    assert "mode: write" in ci
    (workflows / "ci.yml").write_text(ci.replace("mode: write", "mod: write"))
    subprocess.run(["git", "init", "--quiet", str(tmp_path)], check=True)
    result = actionlint(tmp_path)
    assert result.returncode == 1
    assert 'input "mod" is not defined in action "chanx generate-client"' in result.stdout
