"""Messages of the shapes channel."""

from typing import Annotated, ClassVar, Literal, NoReturn, TypeAlias

from pydantic import BaseModel, Field, PlainValidator, RootModel


def _no_value(value: object) -> NoReturn:
    """Refuses every value, as the JSON Schema `false` asks."""
    raise ValueError("no value is valid here")


_NoValue: TypeAlias = Annotated[NoReturn, PlainValidator(_no_value)]


class Refused(RootModel[_NoValue]):
    pass


class Shape(BaseModel):
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"retired", "label", "legacy"}
    )
    action: Literal["shape"]
    retired: None = Field(
        default=None, description="No longer sent; any value is refused."
    )
    label: str | None = None
    legacy: None = None


IncomingMessage: TypeAlias = Refused | Shape
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "Refused",
    "Shape",
]
