"""How faithfully generated models follow JSON Schema, measured on the
official JSON Schema Test Suite (draft 2020-12, `fixtures/json-schema-test-suite/`).

Each group's schema becomes the payload of the one message a channel
receives; chanx generates a package for it, and every test's data is
validated the way the generated client validates an incoming frame
(``incoming_adapter.validate_python`` on the decoded JSON). A test passes
when validation succeeds exactly when the suite says the data is valid.
Groups that need `$id`, `$anchor`, `$dynamicRef` or remote documents are
out of scope and left out.

Usage: python tests/python/schema_suite.py [--json]
prints, per file: tests passed, valid data wrongly rejected, invalid data
wrongly accepted, and groups whose package did not generate or import.
"""

import copy
import importlib
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SUITE = ROOT / "fixtures" / "json-schema-test-suite" / "draft2020-12"
CHANX = ROOT / "target" / "debug" / "chanx"
OUT_OF_SCOPE = ("$id", "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef")
SUBJECT = "#/components/schemas/Subject"


@dataclass
class FileResult:
    tests: int = 0
    passed: int = 0
    wrongly_rejected: int = 0
    wrongly_accepted: int = 0
    failed_groups: list[str] = field(default_factory=lambda: list[str]())
    # Why each failed group failed; not part of the recorded results.
    reasons: list[str] = field(default_factory=lambda: list[str](), compare=False, repr=False)


def keys(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, inner in value.items():  # pyright: ignore[reportUnknownVariableType]
            yield str(key)  # pyright: ignore[reportUnknownArgumentType]
            yield from keys(inner)
    elif isinstance(value, list):
        for inner in value:  # pyright: ignore[reportUnknownVariableType]
            yield from keys(inner)


def in_scope(schema: Any) -> bool:
    if any(key in OUT_OF_SCOPE for key in keys(schema)):
        return False
    return all(ref.startswith("#") for ref in refs_in(schema))


def refs_in(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, inner in value.items():  # pyright: ignore[reportUnknownVariableType]
            if key == "$ref" and isinstance(inner, str):
                yield inner
            else:
                yield from refs_in(inner)
    elif isinstance(value, list):
        for inner in value:  # pyright: ignore[reportUnknownVariableType]
            yield from refs_in(inner)


def rebased(value: Any) -> Any:
    """The schema with its local refs pointing into `components/schemas/Subject`."""
    if isinstance(value, dict):
        result: dict[str, Any] = {}
        for key, inner in value.items():  # pyright: ignore[reportUnknownVariableType]
            if key == "$ref" and isinstance(inner, str) and inner.startswith("#"):
                result[key] = SUBJECT + inner[1:]
            elif key in ("enum", "const"):
                result[str(key)] = copy.deepcopy(inner)  # data, not schemas
            else:
                result[str(key)] = rebased(inner)  # pyright: ignore[reportUnknownArgumentType]
        return result
    if isinstance(value, list):
        return [rebased(inner) for inner in value]  # pyright: ignore[reportUnknownVariableType]
    return copy.deepcopy(value)


def document(schema: Any) -> dict[str, Any]:
    """An AsyncAPI document whose one channel receives `schema` as a message."""
    subject = rebased(schema)
    if isinstance(subject, dict):
        subject.pop("$schema", None)  # pyright: ignore[reportUnknownMemberType]
    return {
        "asyncapi": "3.0.0",
        "info": {"title": "Suite", "version": "1"},
        "channels": {"c": {"address": "/c", "messages": {"m": {"payload": {"$ref": SUBJECT}}}}},
        "operations": {"out": {"action": "send", "channel": {"$ref": "#/channels/c"}, "messages": [{"$ref": "#/channels/c/messages/m"}]}},
        "components": {"schemas": {"Subject": subject}},
    }


def measure(work: Path) -> dict[str, FileResult]:
    """Generates a package per group into `work` and validates every test."""
    sys.path.insert(0, str(work))
    results: dict[str, FileResult] = {}
    for path in sorted(SUITE.glob("*.json")):
        result = results.setdefault(path.stem, FileResult())
        for index, group in enumerate(json.loads(path.read_text())):
            if not in_scope(group["schema"]):
                continue
            tests = group["tests"]
            result.tests += len(tests)
            package = f"suite_{path.stem.replace('-', '_')}_{index}"
            schema_file = work / f"{package}.json"
            schema_file.write_text(json.dumps(document(group["schema"])))
            generated = subprocess.run(
                [str(CHANX), "-q", "generate-client", "--schema", str(schema_file), "--output", str(work / package), "--no-format", "--no-readme"],
                capture_output=True,
                text=True,
                check=False,
            )
            label = f"{index}: {group['description']}"
            if generated.returncode != 0:
                result.failed_groups.append(label)
                result.reasons.append(f"{label} (generate: {generated.stderr.strip().splitlines()[-1]})")
                continue
            try:
                module = importlib.import_module(f"{package}.c")
                adapter = module.CClient.incoming_adapter
            except Exception as error:  # noqa: BLE001 - any import failure is the finding
                result.failed_groups.append(label)
                result.reasons.append(f"{label} (import: {type(error).__name__}: {error})".splitlines()[0])
                continue
            for test in tests:
                frame = json.loads(json.dumps(test["data"]))
                try:
                    adapter.validate_python(frame)
                    accepted = True
                except Exception:  # noqa: BLE001 - a rejection of any kind
                    accepted = False
                if accepted == test["valid"]:
                    result.passed += 1
                elif test["valid"]:
                    result.wrongly_rejected += 1
                else:
                    result.wrongly_accepted += 1
    return results


def table(results: dict[str, FileResult]) -> str:
    lines = ["| file | tests | passed | wrongly rejected | wrongly accepted | failed groups |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    total = FileResult()
    for name, result in results.items():
        if not result.tests:
            continue
        lines.append(f"| {name} | {result.tests} | {result.passed} | {result.wrongly_rejected} | {result.wrongly_accepted} | {len(result.failed_groups)} |")
        total.tests += result.tests
        total.passed += result.passed
        total.wrongly_rejected += result.wrongly_rejected
        total.wrongly_accepted += result.wrongly_accepted
        total.failed_groups += result.failed_groups
    share = 100 * total.passed / total.tests if total.tests else 0
    lines.append(f"| **all** | {total.tests} | {total.passed} ({share:.1f} %) | {total.wrongly_rejected} | {total.wrongly_accepted} | {len(total.failed_groups)} |")
    return "\n".join(lines)


def recorded(results: dict[str, FileResult]) -> dict[str, Any]:
    """The results as `tests/schema-suite.json` records them."""
    return {name: {key: value for key, value in asdict(result).items() if key != "reasons"} for name, result in results.items() if result.tests}


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        results = measure(Path(work))
    if "--json" in sys.argv:
        print(json.dumps(recorded(results), indent=2))
    else:
        print(table(results))
        for name, result in results.items():
            for reason in result.reasons:
                print(f"{name}: {reason}")


if __name__ == "__main__":
    main()
