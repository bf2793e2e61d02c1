"""Messages of the shapes channel."""

from typing import Annotated, Any, ClassVar, Literal, NoReturn, TypeAlias

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    RootModel,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    WithJsonSchema,
    model_validator,
)

from ..base.json_schema import JsonInt, JsonSchema, WholeFloatsAsInt


def _no_value(value: object) -> NoReturn:
    """Refuses every value, as the JSON Schema `false` asks."""
    raise ValueError("no value is valid here")


_NoValue: TypeAlias = Annotated[
    NoReturn, PlainValidator(_no_value), WithJsonSchema({"not": {}})
]


class CheckedContact(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"email"})
    email: StrictStr | None = None
    __chanx_schema__: ClassVar[JsonSchema] = JsonSchema(
        {
            "type": "object",
            "properties": {"email": {"type": "string"}},
            "dependentRequired": {"name": ["email"]},
            "propertyNames": {"maxLength": 8},
            "minProperties": 1,
            "additionalProperties": {"type": "string"},
        }
    )

    @model_validator(mode="before")
    @classmethod
    def _check_schema(cls, data: Any) -> Any:
        return cls.__chanx_schema__.check(data)


class Checked(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"size", "tags", "level", "window", "contact", "code", "amount"}
    )
    action: Literal["checked"]
    size: (
        Annotated[
            StrictInt,
            JsonSchema({"type": "integer", "not": {"const": 13}}),
            WholeFloatsAsInt,
        ]
        | None
    ) = None
    tags: (
        Annotated[
            list[StrictStr],
            JsonSchema(
                {
                    "type": "array",
                    "items": {"type": "string"},
                    "contains": {"maxLength": 4},
                    "uniqueItems": True,
                }
            ),
        ]
        | None
    ) = None
    level: Annotated[Literal[1, 2], JsonSchema({"enum": [1, 2]})] | None = None
    window: (
        Annotated[
            dict[str, Any],
            JsonSchema(
                {
                    "type": "object",
                    "if": {
                        "properties": {"kind": {"const": "range"}},
                        "required": ["kind"],
                    },
                    "then": {"required": ["end"]},
                    "else": {"not": {"required": ["end"]}},
                }
            ),
        ]
        | None
    ) = None
    contact: CheckedContact | None = None
    code: (
        Annotated[
            StrictStr,
            JsonSchema({"$ref": "#r0", "maxLength": 4}, {"r0": {"type": "string"}}),
        ]
        | None
    ) = None
    amount: (
        Annotated[
            StrictFloat,
            JsonSchema(
                {"type": "number", "anyOf": [{"maximum": 2}, {"multipleOf": 5}]}
            ),
        ]
        | None
    ) = None
    origin: (
        Annotated[Any, JsonSchema({"enum": [{"x": 0, "y": 0}, {"x": 1, "y": 1}]})]
        | None
    ) = None
    __chanx_schema__: ClassVar[JsonSchema] = JsonSchema(
        {
            "type": "object",
            "required": ["action"],
            "properties": {
                "action": {"const": "checked"},
                "size": {"type": "integer", "not": {"const": 13}},
                "tags": {
                    "type": "array",
                    "items": {"type": "string"},
                    "contains": {"maxLength": 4},
                    "uniqueItems": True,
                },
                "level": {"enum": [1, 2]},
                "window": {
                    "type": "object",
                    "if": {
                        "properties": {"kind": {"const": "range"}},
                        "required": ["kind"],
                    },
                    "then": {"required": ["end"]},
                    "else": {"not": {"required": ["end"]}},
                },
                "contact": {
                    "type": "object",
                    "properties": {"email": {"type": "string"}},
                    "dependentRequired": {"name": ["email"]},
                    "propertyNames": {"maxLength": 8},
                    "minProperties": 1,
                    "additionalProperties": {"type": "string"},
                },
                "code": {"$ref": "#r0", "maxLength": 4},
                "amount": {
                    "type": "number",
                    "anyOf": [{"maximum": 2}, {"multipleOf": 5}],
                },
                "origin": {"enum": [{"x": 0, "y": 0}, {"x": 1, "y": 1}]},
            },
            "patternProperties": {"^x-": {"type": "string"}},
            "unevaluatedProperties": False,
        },
        {"r0": {"type": "string"}},
    )

    @model_validator(mode="before")
    @classmethod
    def _check_schema(cls, data: Any) -> Any:
        return cls.__chanx_schema__.check(data)


class Closed(BaseModel):
    model_config = ConfigDict(extra="forbid")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"id"})
    id: JsonInt | None = None


class OptionalAction(BaseModel):
    model_config = ConfigDict(extra="allow", regex_engine="python-re")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"action", "enabled", "code"}
    )
    action: Literal["optional"] | None = None
    enabled: StrictBool | None = None
    code: Annotated[StrictStr, Field(pattern="^(?!tmp)[a-z]+$")] | None = None


class Refused(RootModel[_NoValue]):
    pass


class Untyped(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"note"})
    note: StrictStr | None = None


class Shape(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {
            "retired",
            "label",
            "legacy",
            "point",
            "pair",
            "empty",
            "tenths",
            "anything",
            "closed",
            "nothing_else",
        }
    )
    action: Literal["shape"]
    retired: None = Field(
        default=None, description="No longer sent; any value is refused."
    )
    label: StrictStr | None = None
    legacy: None = None
    point: tuple[()] | tuple[StrictFloat] | tuple[StrictFloat, StrictFloat] | None = (
        None
    )
    pair: (
        Annotated[tuple[StrictStr] | tuple[StrictStr, JsonInt], Field(min_length=1)]
        | None
    ) = None
    empty: tuple[()] | None = None
    extra: (
        Untyped | StrictStr | JsonInt | StrictFloat | StrictBool | None | list[Any]
    ) = None
    tenths: Annotated[StrictInt, Field(multiple_of=3), WholeFloatsAsInt] | None = None
    anything: StrictFloat | None = None
    closed: Closed | None = None
    nothing_else: dict[str, _NoValue] | None = None


IncomingMessage: TypeAlias = Checked | OptionalAction | Refused | Shape
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "Checked",
    "CheckedContact",
    "Closed",
    "IncomingMessage",
    "OptionalAction",
    "OutgoingMessage",
    "Refused",
    "Shape",
    "Untyped",
]
