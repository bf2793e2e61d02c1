"""Messages of the test channel."""

from typing import Any, NoReturn, TypeAlias

from pydantic import BaseModel


class TestMessages(BaseModel):
    key: Any = None


IncomingMessage: TypeAlias = NoReturn
OutgoingMessage: TypeAlias = TestMessages

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "TestMessages",
]
