"""Messages of the ping channel."""

from typing import Literal, TypeAlias

from pydantic import BaseModel


class Ping(BaseModel):
    event: Literal["ping"]
    reqid: int | None = None


class Pong(BaseModel):
    event: Literal["pong"] | None = None
    reqid: int | None = None


IncomingMessage: TypeAlias = Pong
OutgoingMessage: TypeAlias = Ping

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "Ping",
    "Pong",
]
