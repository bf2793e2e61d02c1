"""Messages of the lightingMeasured channel."""

from typing import NoReturn, TypeAlias

from pydantic import BaseModel


class LightMeasuredPayload(BaseModel):
    lumens: int | None = None
    sentAt: str | None = None


IncomingMessage: TypeAlias = NoReturn
OutgoingMessage: TypeAlias = LightMeasuredPayload

__all__ = [
    "IncomingMessage",
    "LightMeasuredPayload",
    "OutgoingMessage",
]
