"""Messages of the shapes channel."""

from typing import Annotated, Any, ClassVar, Literal, NoReturn, TypeAlias

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    RootModel,
    WithJsonSchema,
    model_validator,
)

from ..base.json_schema import JsonSchema


def _no_value(value: object) -> NoReturn:
    """Refuses every value, as the JSON Schema `false` asks."""
    raise ValueError("no value is valid here")


_NoValue: TypeAlias = Annotated[
    NoReturn, PlainValidator(_no_value), WithJsonSchema({"not": {}})
]


class Checked(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"size", "tags", "level"})
    action: Literal["checked"]
    size: (
        Annotated[int, JsonSchema({"type": "integer", "not": {"const": 13}})] | None
    ) = None
    tags: (
        Annotated[
            list[str],
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
            },
            "patternProperties": {"^x-": {"type": "string"}},
            "unevaluatedProperties": False,
        }
    )

    @model_validator(mode="before")
    @classmethod
    def _check_schema(cls, data: Any) -> Any:
        return cls.__chanx_schema__.check(data)


class Closed(BaseModel):
    model_config = ConfigDict(extra="forbid")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"id"})
    id: int | None = None


class OptionalAction(BaseModel):
    model_config = ConfigDict(extra="allow", regex_engine="python-re")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"action", "enabled", "code"}
    )
    action: Literal["optional"] | None = None
    enabled: bool | None = None
    code: Annotated[str, Field(pattern="^(?!tmp)[a-z]+$")] | None = None


class Refused(RootModel[_NoValue]):
    pass


class Untyped(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"note"})
    note: str | None = None


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
    label: str | None = None
    legacy: None = None
    point: tuple[()] | tuple[float] | tuple[float, float] | None = None
    pair: Annotated[tuple[str] | tuple[str, int], Field(min_length=1)] | None = None
    empty: tuple[()] | None = None
    extra: Untyped | str | int | float | bool | None | list[Any] = None
    tenths: Annotated[int, Field(multiple_of=3)] | None = None
    anything: float | None = None
    closed: Closed | None = None
    nothing_else: dict[str, _NoValue] | None = None


IncomingMessage: TypeAlias = Checked | OptionalAction | Refused | Shape
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "Checked",
    "Closed",
    "IncomingMessage",
    "OptionalAction",
    "OutgoingMessage",
    "Refused",
    "Shape",
    "Untyped",
]
