"""The generated runtime on every supported interpreter (issue 20): the
runtime and lifecycle tests, every golden module imported and every README
example run with warnings as errors, on each CPython 3.10-3.13 that pyenv
has on this machine, and on 3.10 with the oldest pydantic and websockets the
README declares. scripts/test makes their virtualenvs (.venv-runtime/); a
version the machine lacks is skipped, saying so."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

VENVS = ROOT / ".venv-runtime"
PYENV_ROOT = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
RUNTIME_TESTS = ["tests/python/test_runtime.py", "tests/python/test_runtime_lifecycle.py"]


def installed(minor: str) -> bool:
    return any((PYENV_ROOT / "versions").glob(f"{minor}.*/bin/python3"))


@pytest.mark.parametrize(
    ("name", "minor"),
    [("3.10", "3.10"), ("3.11", "3.11"), ("3.12", "3.12"), ("3.13", "3.13"), ("min", "3.10")],
)
def test_the_runtime_on_every_supported_python(name: str, minor: str) -> None:
    if not installed(minor):
        pytest.skip(f"CPython {minor} is not installed under {PYENV_ROOT}")
    python = VENVS / name / "bin" / "python"
    assert python.exists(), f"{python} is missing: scripts/test makes it"
    version = subprocess.run(
        [str(python), "-c", "import sys, pydantic, websockets; print(sys.version_info[:2], pydantic.VERSION, websockets.__version__)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert version.startswith(f"({minor.replace('.', ', ')})"), version
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    goldens = subprocess.run(
        [str(python), "tests/python/run_goldens.py"], cwd=ROOT, capture_output=True, text=True, env=env, check=False
    )
    assert goldens.returncode == 0, f"{version}\n{goldens.stdout}{goldens.stderr}"
    tests = subprocess.run(
        [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", *RUNTIME_TESTS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert tests.returncode == 0, f"{version}\n{tests.stdout[-4000:]}{tests.stderr[-2000:]}"
    assert " passed" in tests.stdout, tests.stdout
    print(version.strip(), tests.stdout.strip().splitlines()[-1], file=sys.stderr)
