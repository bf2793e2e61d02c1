"""Messages of the loose channel."""

from typing import Any, ClassVar, NoReturn, TypeAlias

from pydantic import (
    BaseModel,
    ConfigDict,
    RootModel,
    StrictBool,
    StrictFloat,
    StrictStr,
)

from ..base.json_schema import JsonInt


class LooseObject(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"note"})
    note: StrictStr | None = None
    counts: (
        list[JsonInt]
        | StrictStr
        | JsonInt
        | StrictFloat
        | StrictBool
        | None
        | dict[str, Any]
    ) = None


class Loose(
    RootModel[
        LooseObject | StrictStr | JsonInt | StrictFloat | StrictBool | None | list[Any]
    ]
):
    pass


IncomingMessage: TypeAlias = Loose
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "IncomingMessage",
    "Loose",
    "LooseObject",
    "OutgoingMessage",
]
