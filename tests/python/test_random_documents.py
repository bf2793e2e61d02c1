"""Property tests over random documents: random schema trees (every type,
nesting, unions, recursion, constraints, defaults) and hostile strings in
every place a document can put one (names, descriptions, defaults, enum
values, titles, addresses, topic names and patterns). For each seed the generated package must pass
ruff, compile, import, execute nothing the document wrote, and round-trip a
sample frame of every message. A failure names the seed; the document is
left in the test's temporary folder.
"""

import ast
import json
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, tool

CHANX = ROOT / "target" / "debug" / "chanx"
SEEDS = range(int(__import__("os").environ.get("CHANX_RANDOM_SEEDS", "40")))

HOSTILE = [
    '"""',
    "'''",
    "\\",
    "line\nbreak",
    "\\N{BULLET}",
    "\u202eevil",
    "__import__('os').system('touch PWNED')",
    '"); import os; os.system("touch PWNED"); ("',
    "{{ tera }} {% if %}",
    "tab\there",
    "\x00nul",
    "ends with quote\"",
    "ñandú 日本",
]
NAMES = [
    "name",
    "class",
    "user-id",
    "2fa",
    "@type",
    "model_config",
    "json",
    "schema",
    "Any",
    "Field",
    "list",
    "ñandú",
    "a b",
    "__init__",
    "self",
    "type",
    "match",
    "None",
    "_private",
    "x" * 60,
    "action",
]


class Builder:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.components: dict[str, Any] = {}

    def text(self) -> str:
        return self.rng.choice(HOSTILE + ["plain text", ""])

    def scalar_schema(self) -> dict[str, Any]:
        kind = self.rng.choice(["string", "integer", "number", "boolean", "enum", "const", "format", "constrained"])
        if kind == "enum":
            return {"enum": self.rng.sample(HOSTILE + [1, 2, True], k=3)}
        if kind == "const":
            return {"const": self.rng.choice(HOSTILE + [7, False, None])}
        if kind == "format":
            return {"type": "string", "format": self.rng.choice(["date-time", "date", "uuid", "ipv4", "email"])}
        if kind == "constrained":
            return self.rng.choice(
                [
                    {"type": "integer", "minimum": 0, "maximum": 100},
                    {"type": "array", "items": {"type": "string"}, "uniqueItems": True, "maxItems": 4},
                    {"type": "string", "pattern": "^[a-z]+$", "maxLength": 9},
                ]
            )
        schema: dict[str, Any] = {"type": kind}
        if kind == "string" and self.rng.random() < 0.5:
            schema["default"] = self.text()
        return schema

    def schema(self, depth: int) -> dict[str, Any]:
        roll = self.rng.random()
        if depth > 2 or roll < 0.4:
            schema = self.scalar_schema()
        elif roll < 0.55:
            schema = {"type": "array", "items": self.schema(depth + 1)}
        elif roll < 0.65:
            schema = {"type": "object", "additionalProperties": self.schema(depth + 1)}
        elif roll < 0.75:
            schema = {"anyOf": [self.schema(depth + 1), self.schema(depth + 1), {"type": "null"}]}
        elif roll < 0.85 and self.components:
            schema = {"$ref": f"#/components/schemas/{self.rng.choice(sorted(self.components))}"}
        else:
            schema = self.object(depth + 1)
        if self.rng.random() < 0.3:
            schema = {**schema, "description": self.text()}
        return schema

    def object(self, depth: int) -> dict[str, Any]:
        names = self.rng.sample(NAMES, k=self.rng.randint(1, 5))
        properties = {name: self.schema(depth) for name in names}
        return {
            "type": "object",
            "title": self.text(),
            "properties": properties,
            "required": [name for name in names if self.rng.random() < 0.5],
        }

    def document(self) -> dict[str, Any]:
        for index in range(self.rng.randint(1, 4)):
            name = self.rng.choice(NAMES) + f"_{index}"
            self.components[name] = self.object(1)
        # A schema that refers to itself, and one that refers back to it.
        self.components["Node"] = {
            "type": "object",
            "properties": {"children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}},
        }
        channels: dict[str, Any] = {}
        operations: dict[str, Any] = {}
        messages: dict[str, Any] = {}
        for index in range(self.rng.randint(1, 3)):
            key = self.rng.choice(NAMES + ["../../escape", "/abs", "CON"]) + f"{index}"
            channel_messages = {}
            for number in range(self.rng.randint(1, 3)):
                message_name = f"m{index}_{number}"
                payload = self.object(1)
                payload["properties"]["action"] = {"const": message_name}
                payload["required"] = sorted({*payload["required"], "action"})
                messages[message_name] = {"payload": payload, "description": self.text()}
                channel_messages[message_name] = {"$ref": f"#/components/messages/{message_name}"}
            channels[key] = {
                "address": "/ws/" + self.text().replace("{", "").replace("}", "") + "/{room}",
                "title": self.text(),
                "description": self.text(),
                "parameters": {"room": {"description": self.text()}},
                "messages": channel_messages,
            }
            # Half the channels carry a topic (x-topic) on their connection.
            if self.rng.random() < 0.5:
                topic_key = f"{key}_topic"
                placeholder = self.rng.choice(["id", "class", "self", "0", "room", "x" * 60])
                channels[topic_key] = {
                    "address": channels[key]["address"],
                    "description": self.text(),
                    "x-topic": {
                        "name": self.rng.choice(NAMES + HOSTILE),
                        "pattern": self.text() + ":{" + placeholder + "}:{" + placeholder + "}",
                    },
                    "messages": {next(iter(channel_messages)): next(iter(channel_messages.values()))},
                }
            for channel_key in [key, f"{key}_topic"]:
                if channel_key not in channels:
                    continue
                for number, message_name in enumerate(channels[channel_key]["messages"]):
                    escaped = channel_key.replace("~", "~0").replace("/", "~1")
                    operations[f"op{index}_{channel_key}_{number}"] = {
                        "action": self.rng.choice(["send", "receive"]),
                        "channel": {"$ref": f"#/channels/{escaped}"},
                        "messages": [{"$ref": f"#/channels/{escaped}/messages/{message_name}"}],
                    }
        return {
            "asyncapi": "3.0.0",
            "info": {"title": self.text(), "version": self.text(), "description": self.text()},
            "channels": channels,
            "operations": operations,
            "components": {"schemas": self.components, "messages": messages},
        }


ALLOWED_CALLS = {"AfterValidator", "frozenset", "TypeVar", "ValueError", "enumerate", "Field", "ConfigDict", "TypeAdapter", "TypedDict", "model_rebuild", "list", "dict", "super", "send_message", "__init__", "attach", "topic", "request", "JsonSchema", "model_validator"}


def calls_in(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call):
            function = node.func
            if isinstance(function, ast.Subscript):  # TypeAdapter[X](...)
                function = function.value
            is_handler = (
                isinstance(function, ast.Attribute)
                and isinstance(function.value, ast.Name)
                and function.value.id == "self"
                and function.attr.startswith("on_")
            )
            if is_handler:  # handle_message calling the handler of a type
                continue
            names.add(function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "?"))
    return names


CHECK_SCRIPT = """
import importlib, json, pkgutil, sys
sys.path.insert(0, sys.argv[1])
for package in json.loads(sys.argv[2]):
    module = importlib.import_module(package)
    for info in pkgutil.walk_packages(module.__path__, prefix=package + "."):
        importlib.import_module(info.name)
print("imported")
"""


def test_random_documents_generate_safe_importable_clients(tmp_path: Path) -> None:
    packages = []
    for seed in SEEDS:
        document = Builder(seed).document()
        schema = tmp_path / f"seed_{seed}.json"
        schema.write_text(json.dumps(document))
        package = f"seed_{seed}"
        result = subprocess.run(
            [str(CHANX), "-q", "generate-client", "--schema", str(schema), "--output", str(tmp_path / package), "--no-format"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, f"seed {seed}: {result.stderr}"
        assert "panicked" not in result.stderr
        packages.append(package)
        for path in (tmp_path / package).rglob("*.py"):
            if path.parent.name == "base":  # the same static file every time
                continue
            unexpected = calls_in(path) - ALLOWED_CALLS
            assert not unexpected, f"seed {seed}: {path.name} calls {unexpected}"
        written = {path.resolve() for path in tmp_path.rglob("*") if path.is_file()}
        assert all(str(path).startswith(str(tmp_path.resolve())) for path in written), f"seed {seed} escaped"

    result = subprocess.run([tool("ruff"), "format", "--isolated", "--check", "."], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    result = subprocess.run([tool("ruff"), "check", "--isolated", "--select", "E9,F63,F7,F82", "."], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    result = subprocess.run(
        [sys.executable, "-c", CHECK_SCRIPT, str(tmp_path), json.dumps(packages)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (tmp_path / "PWNED").exists() and not Path("PWNED").exists()


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_strings_survive_as_data(text: str, tmp_path: Path) -> None:
    document = {
        "asyncapi": "3.0.0",
        "info": {"title": text, "version": text, "description": text},
        "channels": {
            "room": {
                "address": "/ws/room",
                "description": text,
                "messages": {"said": {"$ref": "#/components/messages/said"}},
            },
            "room_topic": {
                "address": "/ws/room",
                "description": text,
                "x-topic": {"name": text, "pattern": text + ":{id}"},
                "messages": {"said": {"$ref": "#/components/messages/said"}},
            },
        },
        "operations": {
            "say": {"action": "receive", "channel": {"$ref": "#/channels/room"}},
            "say_on_topic": {"action": "receive", "channel": {"$ref": "#/channels/room_topic"}},
        },
        "components": {
            "messages": {"said": {"payload": {"$ref": "#/components/schemas/Said"}}},
            "schemas": {
                "Said": {
                    "type": "object",
                    "description": text,
                    "properties": {
                        "action": {"const": "said", "default": "said"},
                        "text": {"type": "string", "default": text, "description": text},
                        "mood": {"enum": [text, "ok"], "default": text},
                    },
                }
            },
        },
    }
    (tmp_path / "doc.json").write_text(json.dumps(document))
    result = subprocess.run(
        [str(CHANX), "-q", "generate-client", "-s", "doc.json", "-o", "hostile", "--no-format"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    script = (
        "import sys; sys.path.insert(0, '.');"
        "import hostile; from hostile.room import RoomClient, Said;"
        "from hostile.room_topic import RoomTopicClient as Topic; import inspect;"
        "count = len(inspect.signature(Topic.attach).parameters) - 1;"
        "handle = Topic.attach(RoomClient('h'), *['5'] * count);"
        "import json; print(json.dumps([hostile.__title__, hostile.__version__, Said().text, Said().mood, Said.__doc__,"
        " Topic.pattern, handle.topic]))"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    title, version, default, mood, doc, pattern, topic = json.loads(result.stdout)
    assert title == text and version == text and default == text and mood == text
    assert pattern == text + ":{id}"
    assert topic == re.sub(r"\{(\w+)\}", "5", pattern)
    assert not (tmp_path / "PWNED").exists()
