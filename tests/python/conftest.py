"""Shared paths for the Python checks of the generated clients.

The golden packages under ``tests/golden/`` are what ``chanx generate-client``
produces for the bundled fixtures (the Rust golden test keeps them current);
these tests prove that they are valid, typed and working Python.
"""

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
PACKAGES = sorted(path.name for path in GOLDEN.iterdir() if (path / "__init__.py").exists())
BIN = Path(sys.executable).parent

if str(GOLDEN) not in sys.path:
    sys.path.insert(0, str(GOLDEN))


def tool(name: str) -> str:
    """A tool installed in the test virtualenv."""
    path = BIN / name
    assert path.exists(), f"{name} is not installed in {BIN}; run scripts/test"
    return str(path)


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A folder holding copies of every golden package."""
    for package in PACKAGES:
        shutil.copytree(GOLDEN / package, tmp_path / package)
    return tmp_path
