"""Messages and models shared by two or more channels."""

from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, StrictStr


class Order(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"action", "item"})
    action: Literal["order"] | None = None
    item: StrictStr | None = None
