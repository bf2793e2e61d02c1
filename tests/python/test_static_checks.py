"""The generated packages pass ruff, pyright (strict) and mypy (strict) as
they are, and so do the examples of their READMEs and user code that
subclasses every channel client and matches exhaustively over its
``IncomingMessage`` with ``assert_never``."""

import importlib
import json
import subprocess
import sys
import typing
from pathlib import Path

import pytest
from conftest import GOLDEN, PACKAGES, tool


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def channel_modules(package: str) -> list[str]:
    root = GOLDEN / package
    return sorted(
        path.name
        for path in root.iterdir()
        if (path / "client.py").exists() and path.name != "base"
    )


def user_code(package: str, drop_case: bool = False) -> str:
    """A user module subclassing every channel client of ``package``."""
    lines = [
        "from typing import assert_never",
        "",
    ]
    body: list[str] = []
    for module_name in channel_modules(package):
        module = importlib.import_module(f"{package}.{module_name}")
        client = next(name for name in module.__all__ if name.endswith("Client"))
        members = [member.__name__ for member in typing.get_args(module.IncomingMessage)]
        if not members and module.IncomingMessage is not typing.NoReturn:
            members = [module.IncomingMessage.__name__]
        if drop_case and len(members) > 1:
            members = members[1:]
            drop_case = False
        alias = f"{module_name}_incoming"
        names = ", ".join(sorted({client, *members}))
        lines.append(f"from {package}.{module_name} import {names}")
        lines.append(f"from {package}.{module_name} import IncomingMessage as {alias}")
        body += ["", "", f"class My{client}({client}):"]
        body.append(f"    async def handle_message(self, message: {alias}) -> None:")
        body.append("        match message:")
        for member in members:
            body.append(f"            case {member}():")
            body.append("                print(message)")
        body += ["            case _:", "                assert_never(message)"]
    return "\n".join(lines + body) + "\n"


def test_ruff_format_and_check_pass_without_a_formatter(workdir: Path) -> None:
    result = run([tool("ruff"), "format", "--isolated", "--check", "."], workdir)
    assert result.returncode == 0, result.stdout + result.stderr
    result = run([tool("ruff"), "check", "--isolated", "."], workdir)
    assert result.returncode == 0, result.stdout + result.stderr


def type_check(workdir: Path, python_version: str, files: list[str]) -> None:
    """pyright (strict) and mypy --strict over ``files`` and every package."""
    config = {
        "typeCheckingMode": "strict",
        "pythonVersion": python_version,
        "include": PACKAGES + files,
    }
    (workdir / "pyrightconfig.json").write_text(json.dumps(config))
    result = run([tool("pyright"), "--pythonpath", sys.executable], workdir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors" in result.stdout

    command = [sys.executable, "-m", "mypy", "--strict", "--python-version", python_version]
    result = run(command + PACKAGES + files, workdir)
    assert result.returncode == 0, result.stdout + result.stderr


def test_packages_type_check_strictly_on_python_3_10(workdir: Path) -> None:
    type_check(workdir, "3.10", [])


def test_user_code_with_exhaustive_match_type_checks_strictly(workdir: Path) -> None:
    # assert_never is in typing from Python 3.11 on, as the generated README uses it.
    files: list[str] = []
    for package in PACKAGES:
        (workdir / f"user_{package}.py").write_text(user_code(package))
        files.append(f"user_{package}.py")
    type_check(workdir, "3.11", files)


def readme_examples(workdir: Path) -> list[str]:
    """Writes every ``python`` block of each package's README to a module."""
    files: list[str] = []
    for package in PACKAGES:
        text = (GOLDEN / package / "README.md").read_text()
        blocks = text.split("```python\n")[1:]
        for index, block in enumerate(blocks):
            name = f"readme_{package}_{index}.py"
            (workdir / name).write_text(block.split("```")[0])
            files.append(name)
    return files


def test_readme_examples_type_check_strictly(workdir: Path) -> None:
    files = readme_examples(workdir)
    assert any("MyTopic.attach(" in (workdir / name).read_text() for name in files), "the topics example"
    assert any("async for message in client" in (workdir / name).read_text() for name in files)
    type_check(workdir, "3.11", files)


@pytest.mark.parametrize("package", ["showcase"])
def test_a_missing_case_is_a_type_error(workdir: Path, package: str) -> None:
    (workdir / "user.py").write_text(user_code(package, drop_case=True))
    config = {"typeCheckingMode": "strict", "pythonVersion": "3.11", "include": ["user.py"]}
    (workdir / "pyrightconfig.json").write_text(json.dumps(config))
    result = run([tool("pyright"), "--pythonpath", sys.executable], workdir)
    assert result.returncode != 0
    assert "assert_never" in result.stdout or "Never" in result.stdout, result.stdout
