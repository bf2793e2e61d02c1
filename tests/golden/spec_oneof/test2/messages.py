"""Messages of the test2 channel."""

from typing import NoReturn, TypeAlias

from ..shared.messages import ObjectWithKey, ObjectWithKey2

IncomingMessage: TypeAlias = ObjectWithKey | ObjectWithKey2
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "IncomingMessage",
    "ObjectWithKey",
    "ObjectWithKey2",
    "OutgoingMessage",
]
