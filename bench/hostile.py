"""Documents shaped to make a generator slow: one of each shape at n and 4n,
so the benchmark can print how generation time grows with n. Linear work
grows as n^1; a scan per item shows as n^2 and a walk per path as worse.
"""

from __future__ import annotations

from typing import Any


def _document(channels: dict[str, Any], operations: dict[str, Any], schemas: dict[str, Any] | None = None) -> dict[str, Any]:
    document: dict[str, Any] = {
        "asyncapi": "3.0.0",
        "info": {"title": "Hostile", "version": "1.0.0"},
        "channels": channels,
        "operations": operations,
    }
    if schemas:
        document["components"] = {"schemas": schemas}
    return document


def _receive(channel: str) -> dict[str, Any]:
    return {"action": "receive", "channel": {"$ref": f"#/channels/{channel}"}}


def same_names(n: int) -> dict[str, Any]:
    """n channels whose messages all ask for the class name `Event`."""
    payload = {"type": "object", "properties": {"x": {"type": "integer"}}}
    channels = {f"c{i}": {"address": f"/ws/{i}", "messages": {"m": {"name": "Event", "payload": payload}}} for i in range(n)}
    return _document(channels, {f"o{i}": _receive(f"c{i}") for i in range(n)})


def wide_object(n: int) -> dict[str, Any]:
    """One payload with 10n properties, all required."""
    properties = {f"p{i}": {"type": "integer"} for i in range(10 * n)}
    payload = {"type": "object", "properties": properties, "required": list(properties)}
    return _document({"c": {"address": "/ws", "messages": {"m": {"payload": payload}}}}, {"o": _receive("c")})


def topics(n: int) -> dict[str, Any]:
    """n chanx topics named alike on one connection."""
    payload = {"type": "object", "properties": {"a": {"type": "string"}}}
    channels: dict[str, Any] = {"main": {"address": "/ws", "messages": {"p": {"payload": payload}}}}
    operations = {"main": _receive("main")}
    for i in range(n):
        channels[f"t{i}"] = {
            "address": "/ws",
            "x-topic": {"name": "room", "pattern": f"room.{{id}}.t{i}"},
            "messages": {"p": {"payload": payload}},
        }
        operations[f"t{i}"] = _receive(f"t{i}")
    return _document(channels, operations)


def all_of_lattice(n: int) -> dict[str, Any]:
    """n // 50 schemas that each merge the next one twice: 2^(n/50) paths."""
    depth = max(n // 50, 1)
    schemas: dict[str, Any] = {}
    for level in range(depth):
        following = {"$ref": f"#/components/schemas/S{level + 1}"}
        own = {"type": "object", "properties": {f"f{level}": {"type": "integer"}}}
        schemas[f"S{level}"] = {"allOf": [following, own, following]}
    schemas[f"S{depth}"] = {"type": "object", "properties": {"leaf": {"type": "string"}}}
    channels = {"c": {"address": "/ws", "messages": {"m": {"payload": {"$ref": "#/components/schemas/S0"}}}}}
    return _document(channels, {"o": _receive("c")}, schemas)


SHAPES = {
    "same class name": same_names,
    "wide object": wide_object,
    "topics on one connection": topics,
    "allOf lattice": all_of_lattice,
}
