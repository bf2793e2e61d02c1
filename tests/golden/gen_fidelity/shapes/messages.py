"""Messages of the shapes channel."""

from typing import Annotated, Any, ClassVar, Literal, NoReturn, TypeAlias

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    RootModel,
    WithJsonSchema,
)


def _no_value(value: object) -> NoReturn:
    """Refuses every value, as the JSON Schema `false` asks."""
    raise ValueError("no value is valid here")


_NoValue: TypeAlias = Annotated[
    NoReturn, PlainValidator(_no_value), WithJsonSchema({"not": {}})
]


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


IncomingMessage: TypeAlias = OptionalAction | Refused | Shape
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "Closed",
    "IncomingMessage",
    "OptionalAction",
    "OutgoingMessage",
    "Refused",
    "Shape",
    "Untyped",
]
