"""Messages of the test channel."""

from typing import NoReturn, TypeAlias

from pydantic import BaseModel, RootModel


class ObjectWithKey(BaseModel):
    key: str | None = None


class ObjectWithKey2(BaseModel):
    key2: str | None = None


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
