"""``--with-tests``: the generated ``test_examples.py`` passes ruff, pyright
strict and mypy strict, passes when the document's message examples fit its
messages, and fails, naming the example, when the schema changed under
them (and on the AsyncAPI Kraken example, whose own examples do not fit)."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from conftest import ROOT, tool

CHANX = ROOT / "target" / "debug" / "chanx"


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def generate(schema: Path, folder: Path) -> Path:
    result = run([str(CHANX), "-q", "generate-client", "--with-tests", "-s", str(schema), "-o", "client"], folder)
    assert result.returncode == 0, result.stderr
    return folder / "client" / "test_examples.py"


def pytest_outcome(folder: Path) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "client/test_examples.py"], folder)


def test_examples_that_fit_pass_and_the_module_type_checks(tmp_path: Path) -> None:
    module = generate(ROOT / "fixtures" / "generator" / "security.yaml", tmp_path)
    assert '"Order: one book"' in module.read_text()
    result = pytest_outcome(tmp_path)
    assert result.returncode == 0 and "2 passed" in result.stdout, result.stdout + result.stderr
    for command in (["format", "--isolated", "--check", "."], ["check", "--isolated", "."]):
        result = run([tool("ruff"), *command], tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr
    (tmp_path / "pyrightconfig.json").write_text(json.dumps({"typeCheckingMode": "strict", "include": ["client"]}))
    result = run([tool("pyright"), "--pythonpath", sys.executable], tmp_path)
    assert result.returncode == 0, result.stdout
    result = run([sys.executable, "-m", "mypy", "--strict", "client"], tmp_path)
    assert result.returncode == 0, result.stdout


def test_a_schema_change_that_breaks_the_examples_fails(tmp_path: Path) -> None:
    document: dict[str, Any] = yaml.safe_load((ROOT / "fixtures" / "generator" / "security.yaml").read_text())
    document["components"]["messages"]["order"]["payload"]["properties"]["item"] = {"type": "integer"}
    schema = tmp_path / "changed.json"
    schema.write_text(json.dumps(document))
    generate(schema, tmp_path)
    result = pytest_outcome(tmp_path)
    assert result.returncode == 1, result.stdout
    assert "1 failed, 1 passed" in result.stdout, result.stdout
    assert "one book" in result.stdout


def test_the_kraken_examples_do_not_fit_their_own_schema(tmp_path: Path) -> None:
    generate(ROOT / "fixtures" / "asyncapi-spec" / "kraken-websocket-request-reply-multiple-channels-asyncapi.yml", tmp_path)
    result = pytest_outcome(tmp_path)
    assert "2 failed" in result.stdout, result.stdout
    assert "at /pair: it is not of type array" in result.stdout
