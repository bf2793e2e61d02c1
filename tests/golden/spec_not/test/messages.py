"""Messages of the test channel."""

from typing import Any, NoReturn, TypeAlias

from pydantic import BaseModel, ConfigDict


class TestSchema(BaseModel):
    model_config = ConfigDict(extra="allow")
    key: Any = None


IncomingMessage: TypeAlias = NoReturn
OutgoingMessage: TypeAlias = TestSchema

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "TestSchema",
]
