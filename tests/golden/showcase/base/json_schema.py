"""JSON Schema (draft 2020-12) checks for what the generated models cannot
say in Python types: ``not``, ``if``/``then``/``else``, ``contains``,
``uniqueItems``, ``unevaluatedProperties`` and the like.

A model whose schema uses such keywords checks each JSON value it receives
against that schema before pydantic validates it. The schema comes with
the schemas it refers to: ``{"$ref": "#r0"}`` names ``refs["r0"]``.

Only JSON values are checked (what ``json.loads`` returns). Python objects
given to a model's constructor (a model, a ``datetime``) are left to
pydantic. ``oneOf`` is taken as ``anyOf``; ``format`` is an annotation.
"""

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, cast

from pydantic import BeforeValidator, Strict
from pydantic_core import core_schema

_JSON_SCALARS = (str, int, float, bool, type(None))


def _whole_number(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


WholeFloatsAsInt = BeforeValidator(_whole_number)
"""Lets a float without a fractional part (``1.0``) through as the integer
JSON Schema counts it as; it comes after an integer's constraints."""

JsonInt = Annotated[int, Strict(), WholeFloatsAsInt]
"""An integer as JSON Schema counts them: ``1.0`` is one; ``"1"`` and
``true`` are not."""


@dataclass
class _Seen:
    """What a schema evaluated in a value: property names and item indexes,
    for ``unevaluatedProperties`` and ``unevaluatedItems``."""

    properties: set[str] = field(default_factory=lambda: set[str]())
    items: set[int] = field(default_factory=lambda: set[int]())
    all_properties: bool = False
    all_items: bool = False

    def add(self, other: "_Seen") -> None:
        self.properties |= other.properties
        self.items |= other.items
        self.all_properties = self.all_properties or other.all_properties
        self.all_items = self.all_items or other.all_items


class _Invalid(Exception):
    """Why a value does not match, and where in it (JSON pointer segments)."""

    def __init__(self, reason: str, path: tuple[str, ...] = ()) -> None:
        super().__init__(reason)
        self.reason = reason
        self.path = path

    def __str__(self) -> str:
        if not self.path:
            return self.reason
        return f"at /{'/'.join(self.path)}: {self.reason}"


def _is_json(value: Any) -> bool:
    if isinstance(value, _JSON_SCALARS):
        return True
    if isinstance(value, list):
        items = cast(list[object], value)
        return all(_is_json(item) for item in items)
    if isinstance(value, dict):
        entries = cast(dict[object, object], value)
        return all(
            isinstance(key, str) and _is_json(item) for key, item in entries.items()
        )
    return False


def _keywords(schema: Any) -> dict[str, Any]:
    """The keywords of a schema; none for a boolean one."""
    if isinstance(schema, dict):
        return cast(dict[str, Any], schema)
    return {}


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _type_of(value: object) -> set[str]:
    if value is None:
        return {"null"}
    if isinstance(value, bool):
        return {"boolean"}
    if isinstance(value, int):
        return {"integer", "number"}
    if isinstance(value, float):
        return {"integer", "number"} if value.is_integer() else {"number"}
    if isinstance(value, str):
        return {"string"}
    if isinstance(value, list):
        return {"array"}
    return {"object"}


def _equal(left: Any, right: Any) -> bool:
    """JSON equality: ``1 == 1.0``, but ``true`` is not ``1``."""
    same_type = type(left) is type(right)
    if isinstance(left, bool) or isinstance(right, bool):
        return same_type and bool(left == right)
    if _is_number(left) and _is_number(right):
        return bool(left == right)
    if isinstance(left, list) and isinstance(right, list):
        items = cast(list[object], left)
        others = cast(list[object], right)
        return len(items) == len(others) and all(map(_equal, items, others))
    if isinstance(left, dict) and isinstance(right, dict):
        entries = cast(dict[str, Any], left)
        others_entries = cast(dict[str, Any], right)
        return entries.keys() == others_entries.keys() and all(
            _equal(item, others_entries[key]) for key, item in entries.items()
        )
    return same_type and bool(left == right)


def _multiple_of(value: float, step: float) -> bool:
    try:
        return Decimal(repr(value)) % Decimal(repr(step)) == 0
    except InvalidOperation:
        return math.isfinite(value / step) and (value / step).is_integer()


class JsonSchema:
    """A schema a JSON value must match; ``refs`` holds what it refers to."""

    def __init__(self, schema: Any, refs: Mapping[str, Any] | None = None) -> None:
        self.schema = schema
        self.refs: Mapping[str, Any] = refs or {}
        self._patterns: dict[str, re.Pattern[str] | None] = {}

    def check(self, value: Any) -> Any:
        """``value`` itself when it matches; raises ``ValueError`` naming the
        keyword it breaks otherwise."""
        if _is_json(value):
            try:
                self._evaluate(self.schema, value, 0)
            except _Invalid as invalid:
                raise ValueError(f"does not match the schema: {invalid}") from None
            except (TypeError, AttributeError):
                pass  # a keyword whose value has the wrong kind checks nothing
        return value

    def __get_pydantic_core_schema__(
        self, source: Any, handler: Any
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_before_validator_function(
            self.check, handler(source)
        )

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: Any
    ) -> dict[str, Any]:
        """The JSON Schema pydantic makes of the type, with the values an
        ``enum`` or ``const`` allows, which no Python type can list."""
        json_schema: dict[str, Any] = handler(schema)
        keywords = _keywords(self.schema)
        for keyword in ("enum", "const"):
            if keyword in keywords:
                json_schema[keyword] = keywords[keyword]
        return json_schema

    def _pattern(self, text: str) -> re.Pattern[str] | None:
        if text not in self._patterns:
            try:
                self._patterns[text] = re.compile(text)
            except re.error:
                # A pattern Python cannot read is not checked here.
                self._patterns[text] = None
        return self._patterns[text]

    def _matches(self, schema: Any, value: Any, depth: int) -> _Seen | None:
        try:
            return self._evaluate(schema, value, depth)
        except _Invalid:
            return None

    def _within(self, schema: Any, value: Any, depth: int, segment: object) -> _Seen:
        """``_evaluate`` for a property or item, which an error then names."""
        try:
            return self._evaluate(schema, value, depth)
        except _Invalid as invalid:
            raise _Invalid(invalid.reason, (str(segment), *invalid.path)) from None

    def _evaluate(self, schema: Any, value: Any, depth: int) -> _Seen:
        if depth > 200:
            raise _Invalid("the schema refers to itself too deeply")
        if schema is False:
            raise _Invalid("no value is allowed here")
        if not isinstance(schema, dict):
            return _Seen()
        keywords = cast(dict[str, Any], schema)
        seen = _Seen()
        if "$ref" in keywords:
            target = self.refs.get(str(keywords["$ref"]).lstrip("#"), True)
            seen.add(self._evaluate(target, value, depth + 1))
        self._check_value(keywords, value)
        for part in keywords.get("allOf", ()):
            seen.add(self._evaluate(part, value, depth + 1))
        # Documents use ``oneOf`` for alternatives that overlap (the AsyncAPI
        # specification's own example does): a value that matches more than
        # one is what servers send, so it is taken as ``anyOf``.
        for keyword in ("anyOf", "oneOf"):
            if keyword in keywords:
                reasons: list[str] = []
                for part in keywords[keyword]:
                    try:
                        seen.add(self._evaluate(part, value, depth + 1))
                    except _Invalid as invalid:
                        reasons.append(f"({len(reasons) + 1}) {invalid}")
                if len(reasons) == len(keywords[keyword]):
                    raise _Invalid(
                        f"it matches none of {keyword}: {'; '.join(reasons)}"
                    )
        if (
            "not" in keywords
            and self._matches(keywords["not"], value, depth + 1) is not None
        ):
            raise _Invalid("it matches what not forbids")
        if "if" in keywords:
            condition = self._matches(keywords["if"], value, depth + 1)
            if condition is not None:
                seen.add(condition)
                branch = keywords.get("then", True)
            else:
                branch = keywords.get("else", True)
            seen.add(self._evaluate(branch, value, depth + 1))
        if isinstance(value, list):
            self._check_array(keywords, cast(list[object], value), depth, seen)
        elif isinstance(value, dict):
            self._check_object(keywords, cast(dict[str, Any], value), depth, seen)
        return seen

    def _check_value(self, keywords: dict[str, Any], value: Any) -> None:
        expected = keywords.get("type")
        if expected is not None:
            names: list[str] = [expected] if isinstance(expected, str) else expected
            if not _type_of(value) & set(names):
                raise _Invalid(f"it is not of type {' or '.join(names)}")
        if "const" in keywords and not _equal(value, keywords["const"]):
            raise _Invalid(f"it is not {json.dumps(keywords['const'])}")
        if "enum" in keywords and not any(
            _equal(value, item) for item in keywords["enum"]
        ):
            listed = ", ".join(json.dumps(item) for item in keywords["enum"])
            raise _Invalid(f"it is none of {listed}")
        if _is_number(value):
            self._check_number(keywords, value)
        elif isinstance(value, str):
            length = len(value)
            if length < keywords.get("minLength", 0):
                raise _Invalid("it is shorter than minLength")
            if "maxLength" in keywords and length > keywords["maxLength"]:
                raise _Invalid("it is longer than maxLength")
            if "pattern" in keywords:
                pattern = self._pattern(keywords["pattern"])
                if pattern is not None and not pattern.search(value):
                    raise _Invalid("it does not match pattern")

    def _check_number(self, keywords: dict[str, Any], value: float) -> None:
        if "minimum" in keywords and value < keywords["minimum"]:
            raise _Invalid("it is below minimum")
        if "maximum" in keywords and value > keywords["maximum"]:
            raise _Invalid("it is above maximum")
        if "exclusiveMinimum" in keywords and value <= keywords["exclusiveMinimum"]:
            raise _Invalid("it is not above exclusiveMinimum")
        if "exclusiveMaximum" in keywords and value >= keywords["exclusiveMaximum"]:
            raise _Invalid("it is not below exclusiveMaximum")
        step: Any = keywords.get("multipleOf")
        if _is_number(step) and step > 0 and not _multiple_of(value, step):
            raise _Invalid("it is not a multiple of multipleOf")

    def _check_array(
        self, keywords: dict[str, Any], items: list[object], depth: int, seen: _Seen
    ) -> None:
        if len(items) < keywords.get("minItems", 0):
            raise _Invalid("it has fewer items than minItems")
        if "maxItems" in keywords and len(items) > keywords["maxItems"]:
            raise _Invalid("it has more items than maxItems")
        if keywords.get("uniqueItems") is True:
            for index, item in enumerate(items):
                if any(_equal(item, other) for other in items[:index]):
                    raise _Invalid("its items are not unique")
        prefix: Sequence[Any] = keywords.get("prefixItems", ())
        for index, (schema, item) in enumerate(zip(prefix, items)):
            self._within(schema, item, depth + 1, index)
            seen.items.add(index)
        if "items" in keywords:
            for index in range(len(prefix), len(items)):
                self._within(keywords["items"], items[index], depth + 1, index)
                seen.items.add(index)
        if "contains" in keywords:
            found = [
                index
                for index, item in enumerate(items)
                if self._matches(keywords["contains"], item, depth + 1) is not None
            ]
            if len(found) < keywords.get("minContains", 1):
                raise _Invalid("too few items match contains")
            if "maxContains" in keywords and len(found) > keywords["maxContains"]:
                raise _Invalid("too many items match contains")
            seen.items.update(found)
        if "unevaluatedItems" in keywords and not seen.all_items:
            for index, item in enumerate(items):
                if index not in seen.items:
                    self._within(keywords["unevaluatedItems"], item, depth + 1, index)
            seen.all_items = True

    def _check_object(
        self, keywords: dict[str, Any], entries: dict[str, Any], depth: int, seen: _Seen
    ) -> None:
        if len(entries) < keywords.get("minProperties", 0):
            raise _Invalid("it has fewer properties than minProperties")
        if "maxProperties" in keywords and len(entries) > keywords["maxProperties"]:
            raise _Invalid("it has more properties than maxProperties")
        for name in keywords.get("required", ()):
            if name not in entries:
                raise _Invalid(f"it lacks the required property {name!r}")
        for name, needed in keywords.get("dependentRequired", {}).items():
            if name in entries and any(other not in entries for other in needed):
                raise _Invalid(f"{name!r} requires {needed!r}")
        for name, schema in keywords.get("dependentSchemas", {}).items():
            if name in entries:
                seen.add(self._evaluate(schema, entries, depth + 1))
        if "propertyNames" in keywords:
            for name in entries:
                self._within(keywords["propertyNames"], name, depth + 1, name)
        properties: dict[str, Any] = keywords.get("properties", {})
        patterns: dict[str, Any] = keywords.get("patternProperties", {})
        for name, item in entries.items():
            matched = False
            if name in properties:
                self._within(properties[name], item, depth + 1, name)
                matched = True
            for text, schema in patterns.items():
                pattern = self._pattern(text)
                if pattern is None:
                    matched = True  # cannot tell: neither checked nor additional
                elif pattern.search(name):
                    self._within(schema, item, depth + 1, name)
                    matched = True
            if matched:
                seen.properties.add(name)
            elif "additionalProperties" in keywords:
                self._within(keywords["additionalProperties"], item, depth + 1, name)
                seen.properties.add(name)
        if "unevaluatedProperties" in keywords and not seen.all_properties:
            for name, item in entries.items():
                if name not in seen.properties:
                    self._within(
                        keywords["unevaluatedProperties"], item, depth + 1, name
                    )
            seen.all_properties = True
