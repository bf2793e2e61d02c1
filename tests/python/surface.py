"""Prints the public surface of a generated client package as JSON, for
comparing our generator with the Python chanx generator.

Usage: python surface.py ROOT PACKAGE

The surface: per channel module its client class, ``path`` (or a topic
handle's ``pattern``), the methods the class defines and the members of
``IncomingMessage``/``OutgoingMessage``; per message or model class its
fields with a normalised type and the default. A module that fails to import
is recorded with its error instead.
"""

import importlib
import inspect
import json
import sys
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticUndefined


def type_name(annotation: Any) -> str:
    """A spelling of a type that does not depend on how it was written."""
    if annotation is type(None) or annotation is None:
        return "None"
    if annotation is Any:
        return "Any"
    if annotation is typing.NoReturn or getattr(annotation, "_name", None) == "Never":
        return "Never"
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        members = sorted({type_name(arg) for arg in args})
        return "Any" if "Any" in members else " | ".join(members)
    if origin is typing.Literal:
        return "Literal[" + ", ".join(sorted(repr(arg) for arg in args)) + "]"
    if origin is typing.Annotated:
        return type_name(args[0])
    if origin is not None:
        name = getattr(origin, "__name__", str(origin))
        if not args:
            return name
        return f"{name}[{', '.join(type_name(arg) for arg in args)}]"
    if isinstance(annotation, type):
        return annotation.__name__
    return str(annotation)


def default_of(field: Any) -> str:
    if field.default_factory is not None:
        return repr(field.default_factory())
    if field.default is PydanticUndefined:
        return "<required>"
    return repr(field.default)


def models_in(module: types.ModuleType, package: str, found: dict[str, Any]) -> None:
    for name, value in vars(module).items():
        is_model = isinstance(value, type) and issubclass(value, BaseModel) and value is not BaseModel
        if is_model and value.__module__.startswith(package + ".") and name == value.__name__:
            fields = value.model_fields
            if getattr(value, "__pydantic_root_model__", False):
                continue
            found[name] = {
                field_name: {"type": type_name(field.annotation), "default": default_of(field)}
                for field_name, field in fields.items()
            }


def union_members(alias: Any) -> list[str]:
    if alias is typing.NoReturn or alias is None:
        return []
    args = typing.get_args(alias)
    return sorted(member.__name__ for member in (args or (alias,)))


def surface(root: Path, package: str) -> dict[str, Any]:
    sys.path.insert(0, str(root))
    channels: dict[str, Any] = {}
    models: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for folder in sorted((root / package).iterdir()):
        if not (folder / "client.py").exists() or folder.name == "base":
            continue
        name = f"{package}.{folder.name}"
        try:
            client_module = importlib.import_module(f"{name}.client")
            messages = importlib.import_module(f"{name}.messages")
        except Exception as error:  # noqa: BLE001 - recorded as part of the surface
            errors[folder.name] = f"{type(error).__name__}: {error}"
            continue
        clients = [
            value
            for value in vars(client_module).values()
            if isinstance(value, type)
            and value.__module__ == client_module.__name__
            and hasattr(value, "handle_message")
        ]
        client = clients[0] if clients else None
        channels[folder.name] = {
            "client": client.__name__ if client else None,
            "path": getattr(client, "path", None),
            "pattern": getattr(client, "pattern", None),
            "methods": sorted(
                name
                for name, value in vars(client).items()
                if (inspect.isfunction(value) or isinstance(value, classmethod)) and not name.startswith("_")
            )
            if client
            else [],
            "incoming": union_members(getattr(messages, "IncomingMessage", None)),
            "outgoing": union_members(getattr(messages, "OutgoingMessage", None)),
        }
        models_in(messages, package, models)
    try:
        models_in(importlib.import_module(f"{package}.shared.messages"), package, models)
    except Exception as error:  # noqa: BLE001 - recorded as part of the surface
        errors["shared"] = f"{type(error).__name__}: {error}"
    return {"channels": channels, "models": models, "errors": errors}


if __name__ == "__main__":
    print(json.dumps(surface(Path(sys.argv[1]), sys.argv[2]), indent=1, sort_keys=True))
