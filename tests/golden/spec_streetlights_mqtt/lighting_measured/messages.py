"""Messages of the lightingMeasured channel."""

from typing import NoReturn, TypeAlias

from pydantic import BaseModel


class LightMeasured(BaseModel):
    lumens: int | None = None
    sentAt: str | None = None


IncomingMessage: TypeAlias = NoReturn
OutgoingMessage: TypeAlias = LightMeasured

__all__ = [
    "IncomingMessage",
    "LightMeasured",
    "OutgoingMessage",
]
