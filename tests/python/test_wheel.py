"""The wheel maturin builds (pypi/pyproject.toml) installs the `chanx` binary
into a fresh virtualenv under a distribution name that is not the chanx
library's, and the installed binary works; the sdist carries what a build
from it needs."""

import subprocess
import sys
import tarfile
from pathlib import Path

from conftest import ROOT, tool


def test_the_wheel_installs_a_working_chanx(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run([tool("maturin"), "build", "--quiet", "--out", str(wheels)], cwd=ROOT / "pypi", check=True)
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


def test_the_sdist_builds_the_crate_with_its_lock_file(tmp_path: Path) -> None:
    subprocess.run([tool("maturin"), "sdist", "--out", str(tmp_path)], cwd=ROOT / "pypi", check=True, capture_output=True)
    (sdist,) = tmp_path.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = set(archive.getnames())
        top = sdist.name.removesuffix(".tar.gz")
        for needed in ["pyproject.toml", "Cargo.toml", "Cargo.lock", "build.rs", "src/main.rs", "README.md"]:
            assert f"{top}/{needed}" in names, needed
        assert any(name.startswith(f"{top}/templates/base/") for name in names)
        pyproject = archive.extractfile(f"{top}/pyproject.toml")
        assert pyproject is not None
        text = pyproject.read().decode()
    assert 'name = "chanx-client-generator"' in text
    assert 'manifest-path = "Cargo.toml"' in text
    assert "locked = true" in text
