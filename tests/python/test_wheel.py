"""The wheel maturin builds (pyproject.toml) installs the `chanx` binary into
a fresh virtualenv under a distribution name that is not the chanx
library's, and the installed binary works."""

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, tool


def test_the_wheel_installs_a_working_chanx(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run([tool("maturin"), "build", "--quiet", "--out", str(wheels)], cwd=ROOT, check=True)
    (wheel,) = wheels.glob("*.whl")
    assert wheel.name.startswith("chanx_client_generator-"), wheel.name
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", "--no-index", str(wheel)], check=True)
    chanx = venv / "bin" / "chanx"
    version = subprocess.run([str(chanx), "--version"], capture_output=True, text=True, check=True).stdout
    assert version.startswith("chanx ") and "(" in version, version
    output = tmp_path / "client"
    schema = ROOT / "fixtures" / "chanx" / "showcase.json"
    subprocess.run([str(chanx), "-q", "generate-client", "-s", str(schema), "-o", str(output)], check=True)
    assert (output / "chat" / "client.py").exists()
    result = subprocess.run([str(chanx), "pull-request", "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, "the wheel carries the pull-request command"
