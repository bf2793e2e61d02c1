"""Messages and models shared by two or more channels."""

from typing import ClassVar

from pydantic import BaseModel, ConfigDict, StrictStr


class ObjectWithKey(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"key"})
    key: StrictStr | None = None


class ObjectWithKey2(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"key2"})
    key2: StrictStr | None = None
