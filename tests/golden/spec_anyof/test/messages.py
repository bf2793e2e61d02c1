"""Messages of the test channel."""

from typing import ClassVar, NoReturn, TypeAlias

from pydantic import BaseModel, ConfigDict, RootModel, StrictStr


class ObjectWithKey(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"key"})
    key: StrictStr | None = None


class ObjectWithKey2(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"key2"})
    key2: StrictStr | None = None


class TestMessages(RootModel[ObjectWithKey | ObjectWithKey2]):
    pass


IncomingMessage: TypeAlias = NoReturn
OutgoingMessage: TypeAlias = TestMessages

__all__ = [
    "IncomingMessage",
    "ObjectWithKey",
    "ObjectWithKey2",
    "OutgoingMessage",
    "TestMessages",
]
