"""Every generated module imports, and every message validates from a JSON
frame and serialises back to the same frame, through the channel's unions."""

import importlib
import inspect
import pkgutil
import typing
from typing import Any

import pytest
from conftest import GOLDEN, PACKAGES
from pydantic import BaseModel, TypeAdapter


def all_modules(package: str) -> list[str]:
    names = [package]
    for info in pkgutil.walk_packages([str(GOLDEN / package)], prefix=f"{package}."):
        names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("package", PACKAGES)
def test_every_module_imports(package: str) -> None:
    modules = all_modules(package)
    assert f"{package}.base.client" in modules
    assert f"{package}.shared.messages" in modules
    for name in modules:
        importlib.import_module(name)


def sample(schema: dict[str, Any], defs: dict[str, Any], depth: int = 0) -> Any:
    """A JSON value valid for ``schema`` that fills every property."""
    assert depth < 20, "schema recursion in a sample"
    if "$ref" in schema:
        return sample(defs[schema["$ref"].split("/")[-1]], defs, depth + 1)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][-1]
    for keyword in ("anyOf", "oneOf"):
        if keyword in schema:
            options = [option for option in schema[keyword] if option.get("type") != "null"]
            return sample(options[0], defs, depth + 1) if options else None
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties", {})
        if not properties:
            values = schema.get("additionalProperties")
            return {"key": sample(values, defs, depth + 1) if isinstance(values, dict) else "value"}
        return {name: sample(value, defs, depth + 1) for name, value in properties.items()}
    if kind == "array":
        # Recursive schemas end in an empty list.
        return [sample(schema.get("items", {}), defs, depth + 1)] if depth < 6 else []
    values = {"string": "text", "integer": 7, "number": 1.5, "boolean": True, "null": None}
    return values.get(kind, {"any": [1, "two"]})


def frame_for(model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema(by_alias=True)
    return sample(schema, schema.get("$defs", {}))


def union_members(alias: Any) -> list[type[BaseModel]]:
    if alias is typing.NoReturn:
        return []
    return list(typing.get_args(alias)) or [alias]


def channels(package: str) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    for name in all_modules(package):
        if name.count(".") == 1 and name.split(".")[1] not in ("base", "shared"):
            found.append((name, importlib.import_module(name)))
    return found


@pytest.mark.parametrize("package", PACKAGES)
def test_incoming_frames_validate_to_their_class_and_round_trip(package: str) -> None:
    checked = 0
    for name, module in channels(package):
        client = getattr(module, next(n for n in module.__all__ if n.endswith("Client")))
        members = union_members(module.IncomingMessage)
        discriminated = "discriminator" in inspect.getsource(client)
        for member in members:
            frame = frame_for(member)
            message = client.incoming_adapter.validate_python(frame)
            # Without a discriminator, pydantic picks the best match, which may be
            # another member when several accept the same frame.
            if discriminated:
                assert type(message) is member, f"{name}: {frame} became {type(message)}"
            else:
                assert type(message) in members, f"{name}: {frame} became {type(message)}"
            assert message.model_dump(mode="json", by_alias=True) == frame
            checked += 1
    if checked == 0:
        pytest.skip(f"{package} declares no incoming messages")


@pytest.mark.parametrize("package", PACKAGES)
def test_outgoing_frames_validate_and_round_trip(package: str) -> None:
    checked = 0
    for name, module in channels(package):
        members = union_members(module.OutgoingMessage)
        if not members:
            continue
        adapter: TypeAdapter[Any] = TypeAdapter(module.OutgoingMessage)
        for member in members:
            frame = frame_for(member)
            message = adapter.validate_python(frame)
            assert isinstance(message, BaseModel), name
            assert message.model_dump(mode="json", by_alias=True) == frame
            checked += 1
    if checked == 0:
        pytest.skip(f"{package} declares no outgoing messages")


def test_a_frame_of_another_channel_is_rejected() -> None:
    from showcase.chat import ChatClient
    from showcase.room_chat import RoomNotificationMessage

    frame = frame_for(RoomNotificationMessage)
    with pytest.raises(ValueError):
        ChatClient.incoming_adapter.validate_python(frame)


def test_the_seed_imports_work() -> None:
    from showcase.base import BaseClient
    from showcase.chat import (
        ChatClient,
        ChatMessage,
        ChatNotificationMessage,
        ChatPayload,
        IncomingMessage,
        OutgoingMessage,
        PongMessage,
    )
    from showcase.chat.messages import ChatMessage as DirectChatMessage
    from showcase.chat.messages import ChatPayload as DirectChatPayload
    from showcase.shared.messages import PingMessage

    assert issubclass(ChatClient, BaseClient)
    assert DirectChatMessage is ChatMessage and DirectChatPayload is ChatPayload
    assert set(typing.get_args(IncomingMessage)) == {ChatNotificationMessage, PongMessage}
    assert set(typing.get_args(OutgoingMessage)) == {ChatMessage, PingMessage}
    message = ChatMessage(payload=ChatPayload(message="Hello"))
    assert message.model_dump() == {"action": "chat", "payload": {"message": "Hello"}}


def test_fields_with_unsafe_json_names_use_aliases_both_ways() -> None:
    from gen_layout.tenant_room_events import UpdatePayload

    payload = UpdatePayload(status="PENDING", room_id=7, class_="x")
    dumped = payload.model_dump(mode="json", by_alias=True)
    assert dumped["room-id"] == 7 and dumped["class"] == "x" and dumped["json"] is False
    assert UpdatePayload.model_validate(dumped) == payload
    assert dumped["limits"] == {"soft": 1, "hard": 2}
    other = UpdatePayload(status="PENDING", room_id=8, class_="y")
    other.limits["soft"] = 5
    assert payload.limits == {"soft": 1, "hard": 2}, "defaults are not shared"
