"""The pre-commit hooks of this repository, installed by the real pre-commit
from this repository's last commit into a throw-away git repository.

The default hooks (`language: python`) install the wheel: here one maturin
builds from this checkout, served with the build backend from a local
folder instead of PyPI, and no Rust toolchain on PATH. The `-src` hooks
build with cargo. Clean passes, drift fails, the generate hook regenerates,
and the README's `files:` filter skips commits that touch nothing of
chanx's."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, tool

CHANX = ROOT / "target" / "debug" / "chanx"
FILES = r"^(asyncapi\.json|chanx\.toml|my_client/)"


def git(*args: str, cwd: Path) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return result.stdout.strip()


@pytest.fixture(scope="module")
def wheelhouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The chanx wheel of this checkout and the build backend of the root
    pyproject.toml (downloaded by scripts/test)."""
    folder = tmp_path_factory.mktemp("wheelhouse")
    backends = sorted((ROOT / "target" / "wheelhouse").glob("setuptools-*.whl"))
    assert backends, "target/wheelhouse has no setuptools wheel; run scripts/test"
    for wheel in backends:
        shutil.copy(wheel, folder)
    subprocess.run([tool("maturin"), "build", "--quiet", "--out", str(folder)], cwd=ROOT / "pypi", check=True)
    return folder


def project(tmp_path: Path, hooks: list[str]) -> Path:
    """A git repository with a current client and a pre-commit config of
    `hooks` (the generate hooks only on the manual stage)."""
    revision = git("rev-parse", "HEAD", cwd=ROOT)
    repo = tmp_path / "project"
    repo.mkdir()
    git("init", "-q", cwd=repo)
    shutil.copy(ROOT / "fixtures" / "chanx" / "showcase.json", repo / "asyncapi.json")
    (repo / "chanx.toml").write_text('[[client]]\nschema = "asyncapi.json"\noutput = "my_client"\n')
    (repo / "README.md").write_text("A project.\n")
    config = f"repos:\n  - repo: {ROOT}\n    rev: {revision}\n    hooks:\n"
    for hook in hooks:
        config += f"      - id: {hook}\n        files: {FILES}\n"
        if "generate" in hook:
            config += "        stages: [manual]\n"
    (repo / ".pre-commit-config.yaml").write_text(config)
    subprocess.run([str(CHANX), "-q", "generate-client"], cwd=repo, check=True)
    git("add", "-A", cwd=repo)
    git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "init", cwd=repo)
    return repo


def pre_commit(repo: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [tool("pre-commit"), "run", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def drift(repo: Path) -> None:
    document = json.loads((repo / "asyncapi.json").read_text())
    document["components"]["schemas"]["ChatPayload"]["properties"]["mood"] = {"type": "string"}
    (repo / "asyncapi.json").write_text(json.dumps(document))


def fails_if_run(folder: Path, *names: str) -> str:
    """A PATH entry whose `names` fail loudly, to prove they are not used."""
    folder.mkdir()
    for name in names:
        script = folder / name
        script.write_text(f"#!/bin/sh\necho '{name} must not run' >&2\nexit 97\n")
        script.chmod(0o755)
    return str(folder)


def test_prebuilt_hooks_install_the_wheel_and_fail_on_drift(tmp_path: Path, wheelhouse: Path) -> None:
    repo = project(tmp_path, ["chanx-check", "chanx-generate"])
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(wheelhouse),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PATH": fails_if_run(tmp_path / "no-rust", "cargo", "rustc") + os.pathsep + os.environ["PATH"],
    }
    installed = subprocess.run(
        [tool("pre-commit"), "install-hooks"], cwd=repo, capture_output=True, text=True, env=env, check=False
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    environments = list((tmp_path / "cache").glob("repo*/py_env-*/bin/chanx"))
    assert len(environments) == 1, "the wheel's binary is in the hook's virtualenv"
    version = subprocess.run([str(environments[0]), "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("chanx "), version.stdout

    clean = pre_commit(repo, env, "--all-files")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "chanx check" in clean.stdout and "Passed" in clean.stdout

    # The files filter: a commit that touches only other files skips it.
    (repo / "README.md").write_text("A project, edited.\n")
    skipped = pre_commit(repo, env, "--files", "README.md")
    assert skipped.returncode == 0, skipped.stdout
    assert "chanx check" in skipped.stdout and "Skipped" in skipped.stdout, skipped.stdout

    drift(repo)
    drifted = pre_commit(repo, env, "--files", "asyncapi.json")
    assert drifted.returncode == 1, drifted.stdout + drifted.stderr
    assert "Failed" in drifted.stdout and "modified" in drifted.stdout, drifted.stdout

    regenerate = pre_commit(repo, env, "--all-files", "--hook-stage", "manual", "chanx-generate")
    assert regenerate.returncode == 1, "pre-commit fails because the hook changed files"
    assert "files were modified by this hook" in regenerate.stdout, regenerate.stdout
    after = pre_commit(repo, env, "--all-files")
    assert after.returncode == 0, after.stdout + after.stderr


def test_source_hooks_build_with_the_lock_file_and_refuse_an_old_rust(tmp_path: Path) -> None:
    repo = project(tmp_path, ["chanx-check-src"])
    old_rust = tmp_path / "old-rust"
    old_rust.mkdir()
    (old_rust / "rustc").write_text("#!/bin/sh\necho 'rustc 1.70.0 (90c541806 2023-05-31)'\n")
    (old_rust / "rustc").chmod(0o755)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    refused = pre_commit(repo, {**env, "PATH": f"{old_rust}{os.pathsep}{os.environ['PATH']}"}, "--all-files")
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "needs Rust 1.89 or newer, and this rustc is 1.70.0" in refused.stdout, refused.stdout

    # A quick release profile keeps the build to about a minute; the hook's
    # own steps are the same.
    quick = {
        **env,
        "CARGO_PROFILE_RELEASE_LTO": "false",
        "CARGO_PROFILE_RELEASE_CODEGEN_UNITS": "16",
        "CARGO_PROFILE_RELEASE_OPT_LEVEL": "0",
        "CARGO_TARGET_DIR": str(ROOT / "target" / "pre-commit-src"),
    }
    built = pre_commit(repo, quick, "--all-files", "--verbose")
    assert built.returncode == 0, built.stdout + built.stderr
    assert "building chanx from source with rustc" in built.stdout, built.stdout
    assert "cargo install --locked" in built.stdout
    assert list((tmp_path / "cache").glob("repo*/.pre-commit-build/bin/chanx"))

    drift(repo)
    drifted = pre_commit(repo, quick, "--all-files")
    assert drifted.returncode == 1, drifted.stdout + drifted.stderr
    assert "building chanx" not in drifted.stdout, "built once per revision"
