"""What the generated client sends validates against the message's schema
in the document (issue 20): optional fields left unset are omitted unless
their schema allows null, and defaults and constants are always sent.
Checked with the ``jsonschema`` package against the document itself."""

from pathlib import Path
from typing import Any

import yaml
from conftest import PACKAGES, ROOT  # noqa: F401  (puts the goldens on sys.path)
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from gen_types.base.client import message_body
from gen_types.records.messages import Circle, Person, Square, Team

DOCUMENT = ROOT / "fixtures" / "generator" / "types.yaml"


def validator(schema_name: str, document_path: Path = DOCUMENT) -> Draft202012Validator:
    document = yaml.safe_load(document_path.read_text())
    resource = Resource.from_contents(document, default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource("urn:document", resource)
    return Draft202012Validator({"$ref": f"urn:document#/components/schemas/{schema_name}"}, registry=registry)


def test_unset_optional_fields_are_left_out_of_what_is_sent() -> None:
    alone = Person(name="ada")
    assert message_body(alone) == {"name": "ada"}
    validator("Person").validate(message_body(alone))

    team = Team(members=[Person(name="ada"), Person(name="bob", team=Team(members=[]))])
    body = message_body(team)
    assert body == {"members": [{"name": "ada"}, {"name": "bob", "team": {"members": []}}]}
    validator("Team").validate(body)

    square = Square(kind="square", side=2.0)
    assert message_body(square) == {"kind": "square", "side": 2.0}
    validator("Square").validate(message_body(square))
    labelled = Square(kind="square", side=2.0, label="a")
    validator("Square").validate(message_body(labelled))
    validator("Circle").validate(message_body(Circle(kind="circle", radius=1.0)))


def test_the_old_wire_form_breaks_the_schema() -> None:
    # What was sent before: every unset optional field as null.
    errors = list(validator("Person").iter_errors(Person(name="ada").model_dump(mode="json", by_alias=True)))
    assert errors, "the schema refuses null for an optional object"


def test_defaults_constants_and_nulls_the_schema_allows_are_sent() -> None:
    from datetime import datetime, timezone

    from gen_types.records.messages import Record

    record = Record(
        created=datetime(2024, 1, 2, tzinfo=timezone.utc),
        count=3,
        name="ab",
        point=(1.0, 2.0),
        shape=Square(kind="square", side=2.0),
    )
    body = message_body(record)
    assert (body["kind"], body["level"], body["@type"], body["2fa"], body["tags"]) == ("fixed", 2, "record", False, ["alpha"])
    assert body["options"] == {"color": "red", "sizes": [1, 2]}
    assert "maybe" in body and body["maybe"] is None, "a nullable field may be null"
    for absent in ("owner", "day", "email", "ratio", "secret", "serverId", "naïve"):
        assert absent not in body, absent
    assert body["shape"] == {"kind": "square", "side": 2.0}
