"""Times how long users wait for chanx to install:

- the wheel: `pip install` into a fresh virtualenv;
- the pre-commit hook `chanx-check` (prebuilt): `pre-commit install-hooks`
  with an empty cache, which installs the wheel;
- with `--with-source`, the `chanx-check-src` hook: its first run, which
  builds this revision with cargo (release profile, as users get it).

Packages come from a local folder (the release wheel built here, and the
build backend of the root pyproject.toml), so the figures leave out the
download from PyPI, which depends on the network. pre-commit installs from
this repository's last commit.

    .venv/bin/python bench/install.py [--runs 3] [--wheel PATH] [--with-source]
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def timed(command: list[str], **kwargs: object) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, **kwargs)  # type: ignore[call-overload]
    return time.perf_counter() - start


def wheelhouse(folder: Path, wheel: Path | None) -> Path:
    if wheel is None:
        print("building the release wheel (maturin build --release) ...", flush=True)
        subprocess.run([str(BIN / "maturin"), "build", "--release", "--quiet", "--out", str(folder)], cwd=ROOT / "pypi", check=True)
    else:
        shutil.copy(wheel, folder)
    for backend in (ROOT / "target" / "wheelhouse").glob("setuptools-*.whl"):
        shutil.copy(backend, folder)
    (built,) = folder.glob("chanx_client_generator-*.whl")
    return built


def project(folder: Path, hook: str) -> Path:
    revision = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    repo = folder / "project"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    shutil.copy(ROOT / "fixtures" / "chanx" / "showcase.json", repo / "asyncapi.json")
    (repo / "chanx.toml").write_text('[[client]]\nschema = "asyncapi.json"\noutput = "my_client"\n')
    (repo / ".pre-commit-config.yaml").write_text(f"repos:\n  - repo: {ROOT}\n    rev: {revision}\n    hooks:\n      - id: {hook}\n")
    return repo


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--wheel", type=Path, help="a built chanx wheel; default: build the release wheel")
    parser.add_argument("--with-source", action="store_true", help="also time the -src hook's first build (minutes)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        scratch_path = Path(scratch)
        wheels = scratch_path / "wheels"
        wheels.mkdir()
        wheel = wheelhouse(wheels, args.wheel)
        offline = {**os.environ, "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(wheels), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
        print(f"wheel: {wheel.name}, {wheel.stat().st_size / 1e6:.1f} MB")

        pip_times = []
        hook_times = []
        for run in range(args.runs):
            venv = scratch_path / f"venv-{run}"
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
            pip_times.append(timed([str(venv / "bin" / "pip"), "install", "--quiet", str(wheel)], env=offline))

            folder = scratch_path / f"hook-{run}"
            folder.mkdir()
            repo = project(folder, "chanx-check")
            env = {**offline, "PRE_COMMIT_HOME": str(folder / "cache")}
            hook_times.append(timed([str(BIN / "pre-commit"), "install-hooks"], cwd=repo, env=env))

        print(f"pip install of the wheel (fresh virtualenv):        median {statistics.median(pip_times):5.1f} s  {sorted(round(t, 1) for t in pip_times)}")
        print(f"pre-commit install-hooks, chanx-check (prebuilt):   median {statistics.median(hook_times):5.1f} s  {sorted(round(t, 1) for t in hook_times)}")

        if args.with_source:
            folder = scratch_path / "source"
            folder.mkdir()
            repo = project(folder, "chanx-check-src")
            chanx = scratch_path / "venv-0" / "bin" / "chanx"
            subprocess.run([str(chanx), "-q", "generate-client"], cwd=repo, check=True)
            env = {**os.environ, "PRE_COMMIT_HOME": str(folder / "cache"), "CARGO_TARGET_DIR": str(folder / "target")}
            subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
            seconds = timed([str(BIN / "pre-commit"), "run", "--all-files"], cwd=repo, env=env)
            print(f"first run of chanx-check-src (cargo install --locked, release profile): {seconds:5.0f} s")


if __name__ == "__main__":
    main()
