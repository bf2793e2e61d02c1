"""Messages of the test channel."""

from typing import NoReturn, TypeAlias

from pydantic import RootModel

from ..shared.messages import ObjectWithKey, ObjectWithKey2


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
