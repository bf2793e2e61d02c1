"""Every generated module imports, and every message validates from a JSON
frame and serialises back to the same frame, through the channel's unions."""

import importlib
import inspect
import pkgutil
import re
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
            if values == {"not": {}}:
                return {}
            return {"key": sample(values, defs, depth + 1) if isinstance(values, dict) else "value"}
        if depth > 6:
            # Deep in a recursive schema, only what is required.
            required = set(schema.get("required", []))
            properties = {name: value for name, value in properties.items() if name in required}
        return {
            name: sample(value, defs, depth + 1)
            for name, value in properties.items()
            if not value.get("readOnly")  # never sent by a client
        }
    if kind == "array" and schema.get("maxItems") == 0:
        return []
    if kind == "array" and "prefixItems" in schema:
        return [sample(item, defs, depth + 1) for item in schema["prefixItems"]]
    if kind == "array":
        # Recursive schemas end in an empty list.
        return [sample(schema.get("items", {}), defs, depth + 1)] if depth < 6 else []
    if "examples" in schema:
        return schema["examples"][0]
    if kind == "string":
        return sample_string(schema)
    if kind in ("integer", "number"):
        return sample_number(schema, kind == "integer")
    values = {"boolean": True, "null": None}
    return values.get(kind, {"any": [1, "two"]})


def sample_number(schema: dict[str, Any], integer: bool) -> float | int:
    def fits(value: float) -> bool:
        step = schema.get("multipleOf")
        return (
            value >= schema.get("minimum", value)
            and value <= schema.get("maximum", value)
            and value > schema.get("exclusiveMinimum", value - 1)
            and value < schema.get("exclusiveMaximum", value + 1)
            and (step is None or abs(value / step - round(value / step)) < 1e-9)
        )

    candidates = [7, 1, 2, 3, 5, 10, 0, -1] if integer else [1.5, 0.25, 0.5, 0.75, 1.0, 2.0, 7.0, 0.0]
    return next(value for value in candidates if fits(value))


FORMATS = {
    "date-time": "2024-01-02T03:04:05Z",
    "date": "2024-01-02",
    "time": "03:04:05",
    "uuid": "12345678-1234-5678-1234-567812345678",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
}


def sample_string(schema: dict[str, Any]) -> str:
    if schema.get("format") in FORMATS:
        return FORMATS[schema["format"]]
    candidates = ["text", "XBT/USD", "abc-123", "A", "0"]
    pattern = schema.get("pattern")
    for candidate in candidates:
        if pattern is None or re.search(pattern, candidate):
            text = candidate
            break
    else:
        raise AssertionError(f"no sample string matches {pattern!r}")
    text = text * max(1, -(-schema.get("minLength", 0) // len(text)))
    return text[: schema.get("maxLength", len(text))]


def assert_carried(sent: Any, received: Any, where: str = "") -> None:
    """Everything in ``sent`` is in ``received`` unchanged; ``received`` may
    add the defaults of fields ``sent`` left out."""
    if isinstance(sent, dict):
        assert isinstance(received, dict), where
        for key, value in sent.items():
            assert key in received, f"{where}.{key} lost"
            assert_carried(value, received[key], f"{where}.{key}")
    elif isinstance(sent, list):
        assert isinstance(received, list) and len(sent) == len(received), where
        for index, (left, right) in enumerate(zip(sent, received)):
            assert_carried(left, right, f"{where}[{index}]")
    else:
        assert sent == received, f"{where}: {sent!r} became {received!r}"


def frame_for(model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema(by_alias=True)
    return sample(schema, schema.get("$defs", {}))


def union_members(alias: Any) -> list[type[BaseModel]]:
    if alias is typing.NoReturn:
        return []
    return list(typing.get_args(alias)) or [alias]


def admits_no_value(model: type[BaseModel]) -> bool:
    """A message whose payload is the `false` schema: no frame is valid."""
    root = model.model_fields.get("root")
    return root is not None and root.annotation is typing.NoReturn


def test_a_false_payload_refuses_every_frame() -> None:
    from gen_fidelity.shapes import Refused, ShapesClient

    assert admits_no_value(Refused)
    adapter = ShapesClient.incoming_adapter
    assert adapter is not None
    for frame in (None, 0, "x", [], {}, {"action": "refused"}):
        with pytest.raises(ValueError):
            Refused.model_validate(frame)
    accepted = adapter.validate_python({"action": "shape", "label": "a"})
    assert type(accepted).__name__ == "Shape"
    for field in ("retired", "legacy"):
        with pytest.raises(ValueError):
            adapter.validate_python({"action": "shape", field: 1})


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
            if admits_no_value(member):
                continue
            frame = frame_for(member)
            message = client.incoming_adapter.validate_python(frame)
            # Without a discriminator, pydantic picks the best match, which may be
            # another member when several accept the same frame.
            if discriminated:
                assert type(message) is member, f"{name}: {frame} became {type(message)}"
            else:
                assert type(message) in members, f"{name}: {frame} became {type(message)}"
            assert_carried(frame, message.model_dump(mode="json", by_alias=True), name)
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
            assert_carried(frame, message.model_dump(mode="json", by_alias=True), name)
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


def test_json_schema_keywords_become_enforced_types() -> None:
    import datetime
    import uuid

    from gen_types.records import Circle, Person, Record, SavedMessage, Square
    from pydantic import ValidationError

    base: dict[str, Any] = {
        "created": "2024-01-02T03:04:05Z",
        "count": 3,
        "name": "abc",
        "shape": {"kind": "square", "side": 2},
        "point": [1.5, 2.5],
        "@type": "rec",
        "2fa": True,
        "naïve": "yes",
    }
    record = Record.model_validate(base)
    assert record.created == datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
    assert isinstance(record.shape, Square) and record.shape.side == 2
    assert record.point == (1.5, 2.5)
    assert record.type == "rec" and record.field_2fa is True and record.naive == "yes"
    dumped = record.model_dump(mode="json", by_alias=True)
    assert dumped["@type"] == "rec" and dumped["2fa"] is True and dumped["naïve"] == "yes"
    assert Record.model_validate(dumped) == record
    assert isinstance(Record.model_validate({**base, "shape": {"kind": "circle", "radius": 1}}).shape, Circle)

    for bad in (
        {"count": 0},
        {"count": 11},
        {"name": "A"},
        {"name": "toolongname"},
        {"ratio": 1},
        {"ratio": 0.3},
        {"tags": []},
        {"tags": ["a", "a"]},
        {"point": [1, 2, 3]},
        {"shape": {"kind": "triangle"}},
        {"level": 4},
        {"host": "999.1.1.1"},
    ):
        with pytest.raises(ValidationError):
            Record.model_validate({**base, **bad})

    # readOnly: validated when it arrives, left out of what is sent;
    # writeOnly: optional, since the server never sends it back.
    assert record.serverId is None and record.secret is None
    arrived = Record.model_validate({**base, "serverId": "s-1"})
    assert arrived.serverId == "s-1"
    assert "serverId" not in arrived.model_dump(by_alias=True)
    assert Record.model_validate({**base, "secret": "x"}).model_dump(by_alias=True)["secret"] == "x"

    first, second = Record.model_validate(base), Record.model_validate(base)
    first.tags.append("beta")
    first.options["color"] = "blue"
    assert second.tags == ["alpha"] and second.options == {"color": "red", "sizes": [1, 2]}

    tree = Person.model_validate(
        {"name": "a", "team": {"members": [{"name": "b", "team": {"members": [{"name": "c"}]}}], "lead": {"name": "a"}}}
    )
    assert tree.team is not None and tree.team.members[0].team is not None
    assert tree.team.members[0].team.members[0].name == "c"
    saved = SavedMessage.model_validate({"action": "saved", "id": "12345678-1234-5678-1234-567812345678"})
    assert isinstance(saved.id, uuid.UUID)


def test_references_across_files_make_one_recursive_model() -> None:
    from gen_crossfile.folders import Envelope, File, Folder

    envelope = Envelope.model_validate(
        {
            "action": "tree",
            "root": {"name": "/", "folders": [{"name": "a", "files": [{"name": "x", "parent": {"name": "a"}}]}]},
            "label": "top",
            "color": "red",
        }
    )
    assert isinstance(envelope.root.folders, list)
    child = envelope.root.folders[0]
    assert isinstance(child, Folder) and child.files is not None and isinstance(child.files[0], File)
    assert child.files[0].parent == Folder(name="a")


def test_fidelity_constructs_accept_exactly_what_their_schemas_allow() -> None:
    from gen_fidelity.shapes import ShapesClient

    adapter = ShapesClient.incoming_adapter
    assert adapter is not None

    def accepts(**fields: Any) -> bool:
        try:
            adapter.validate_python({"action": "shape", **fields})
        except ValueError:
            return False
        return True

    # A closed array may stop before the end of its prefix, never go past it.
    assert all(accepts(point=point) for point in ([], [1], [1, 2.5]))
    assert not accepts(point=[1, 2, 3])
    assert accepts(pair=["a"]) and accepts(pair=["a", 1])
    assert not accepts(pair=[]) and not accepts(pair=["a", 1, 2])
    assert accepts(empty=[]) and not accepts(empty=[1])
    # An object schema without `type` lets other values through as they are.
    assert all(accepts(extra=value) for value in ({"note": "n"}, 12, "text", [1], True))
    assert not accepts(extra={"note": 1})
    # A fractional step of an integer: 1.5 divides exactly the multiples of 3.
    assert accepts(tenths=3) and accepts(tenths=-9) and not accepts(tenths=4)
    # A step of zero is no valid schema's; it is dropped, not an import error.
    assert accepts(anything=0.1)


def test_patterns_pydantics_rust_engine_refuses_run_on_python_re() -> None:
    from gen_fidelity.shapes import OptionalAction

    assert OptionalAction.model_validate({"code": "live"}).code == "live"
    with pytest.raises(ValueError):
        OptionalAction.model_validate({"code": "tmpfile"})
    # A default the schema does not allow is left out, not sent.
    assert OptionalAction.model_validate({}).enabled is None


def test_other_properties_follow_additional_properties() -> None:
    from gen_fidelity.shapes import Closed, Shape

    # Kept, and sent back as they came.
    shape = Shape.model_validate({"action": "shape", "unknown": {"n": 1}})
    assert shape.model_dump(mode="json", by_alias=True, exclude_none=True) == {"action": "shape", "unknown": {"n": 1}}
    # Refused where the schema says `additionalProperties: false`.
    assert Closed.model_validate({"id": 1}).id == 1
    with pytest.raises(ValueError):
        Closed.model_validate({"id": 1, "other": 2})
    assert Shape.model_validate({"action": "shape", "nothing_else": {}}).nothing_else == {}
    with pytest.raises(ValueError):
        Shape.model_validate({"action": "shape", "nothing_else": {"a": 1}})


def test_keywords_no_python_type_says_are_checked_at_run_time() -> None:
    from gen_fidelity.shapes import Checked, ShapesClient

    adapter = ShapesClient.incoming_adapter
    assert adapter is not None

    def accepts(**fields: Any) -> bool:
        try:
            adapter.validate_python({"action": "checked", **fields})
        except ValueError:
            return False
        return True

    assert accepts(size=12) and not accepts(size=13)
    assert accepts(tags=["longer", "b"]) and not accepts(tags=["longer"]) and not accepts(tags=["b", "b"])
    # JSON's `true` is not the number 1.
    assert accepts(level=1) and not accepts(level=True)
    # Properties named by a pattern follow its schema; no other is allowed.
    assert accepts(**{"x-trace": "t"}) and not accepts(**{"x-trace": 1})
    assert not accepts(other=1)
    # A range has an end; nothing else has.
    assert accepts(window={"kind": "range", "end": 1}) and accepts(window={"kind": "day"})
    assert not accepts(window={"kind": "range"}) and not accepts(window={"kind": "day", "end": 1})
    assert accepts(contact={"email": "e", "name": "n"})
    assert not accepts(contact={"name": "n"}), "name requires email"
    assert not accepts(contact={"email": "e", "other": 1}), "other properties are strings"
    assert not accepts(contact={"email": "e", "verylongname": "x"}), "names are short"
    assert not accepts(contact={}), "at least one property"
    assert accepts(code="abcd") and not accepts(code="abcde")
    assert accepts(amount=1.5) and accepts(amount=10) and not accepts(amount=7)
    assert accepts(origin={"x": 0, "y": 0}) and not accepts(origin={"x": 2, "y": 2})
    assert not accepts(origin={"x": 1, "y": 1, "z": 0})
    # Strict JSON types, as JSON Schema's.
    assert accepts(size=12.0) and not accepts(size="12") and not accepts(size=True)
    assert not accepts(amount="1.5") and not accepts(code=1)
    # Python objects given to the constructor are left to pydantic.
    assert Checked(action="checked", size=12).size == 12
    # The JSON Schema of the model lists the values an enum allows.
    origin = Checked.model_json_schema()["properties"]["origin"]
    assert {"enum": [{"x": 0, "y": 0}, {"x": 1, "y": 1}]}.items() <= origin["anyOf"][0].items()
    with pytest.raises(ValueError, match="not"):
        Checked.model_validate({"action": "checked", "size": 13})


def test_schemas_without_type_let_other_values_through() -> None:
    from gen_fidelity.loose import LooseClient

    adapter = LooseClient.incoming_adapter
    assert adapter is not None

    def accepts(frame: Any) -> bool:
        try:
            adapter.validate_python(frame)
        except ValueError:
            return False
        return True

    # `properties` without `type: object` says nothing of other values.
    assert all(accepts(frame) for frame in (12, "text", None, [1], {"note": "n"}))
    assert not accepts({"note": 1})
    # Nor does `items` without `type: array`.
    assert accepts({"counts": [1, 2.0]}) and accepts({"counts": {"length": 1}})
    assert not accepts({"counts": ["a"]})
