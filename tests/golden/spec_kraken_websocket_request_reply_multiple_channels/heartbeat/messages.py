"""Messages of the heartbeat channel."""

from typing import Literal, NoReturn, TypeAlias

from pydantic import BaseModel


class Heartbeat(BaseModel):
    event: Literal["heartbeat"] | None = None


IncomingMessage: TypeAlias = Heartbeat
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "Heartbeat",
    "IncomingMessage",
    "OutgoingMessage",
]
