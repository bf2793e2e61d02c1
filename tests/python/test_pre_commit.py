"""The pre-commit hooks of this repository, installed by the real pre-commit
(`language: rust` builds the binary from this repository's last commit) in
a throw-away git repository: clean passes, drift fails, the generate hook
regenerates."""

import json
import os
import shutil
import subprocess
from pathlib import Path

from conftest import ROOT, tool

CHANX = ROOT / "target" / "debug" / "chanx"


def git(*args: str, cwd: Path) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return result.stdout.strip()


def pre_commit(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    # Kept under target/ so that local runs reuse the built hook.
    env["PRE_COMMIT_HOME"] = str(ROOT / "target" / "pre-commit-home")
    env["GIT_AUTHOR_NAME"] = env["GIT_COMMITTER_NAME"] = "test"
    env["GIT_AUTHOR_EMAIL"] = env["GIT_COMMITTER_EMAIL"] = "test@example.invalid"
    return subprocess.run(
        [tool("pre-commit"), "run", *args, "--all-files"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_hooks_fail_on_drift_and_pass_when_clean(tmp_path: Path) -> None:
    revision = git("rev-parse", "HEAD", cwd=ROOT)
    repo = tmp_path / "project"
    repo.mkdir()
    git("init", "-q", cwd=repo)
    shutil.copy(ROOT / "fixtures" / "chanx" / "showcase.json", repo / "asyncapi.json")
    (repo / "chanx.toml").write_text('[[client]]\nschema = "asyncapi.json"\noutput = "my_client"\n')
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {ROOT}\n"
        f"    rev: {revision}\n"
        "    hooks:\n"
        "      - id: chanx-check\n"
        "      - id: chanx-generate\n"
        "        stages: [manual]\n"
    )
    subprocess.run([str(CHANX), "-q", "generate-client"], cwd=repo, check=True)
    git("add", "-A", cwd=repo)
    git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "init", cwd=repo)

    clean = pre_commit(repo)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "chanx check" in clean.stdout and "Passed" in clean.stdout

    document = json.loads((repo / "asyncapi.json").read_text())
    document["components"]["schemas"]["ChatPayload"]["properties"]["mood"] = {"type": "string"}
    (repo / "asyncapi.json").write_text(json.dumps(document))
    drift = pre_commit(repo)
    assert drift.returncode == 1, drift.stdout + drift.stderr
    assert "Failed" in drift.stdout and "modified" in drift.stdout, drift.stdout

    regenerate = pre_commit(repo, "--hook-stage", "manual", "chanx-generate")
    assert regenerate.returncode == 1, "pre-commit fails because the hook changed files"
    assert "files were modified by this hook" in regenerate.stdout, regenerate.stdout
    after = pre_commit(repo)
    assert after.returncode == 0, after.stdout + after.stderr
