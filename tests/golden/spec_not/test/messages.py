"""Messages of the test channel."""

from typing import Annotated, Any, NoReturn, TypeAlias

from pydantic import BaseModel, ConfigDict

from ..base.json_schema import JsonSchema


class TestSchema(BaseModel):
    model_config = ConfigDict(extra="allow")
    key: Annotated[Any, JsonSchema({"not": {"type": "integer"}})] | None = None


IncomingMessage: TypeAlias = NoReturn
OutgoingMessage: TypeAlias = TestSchema

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "TestSchema",
]
