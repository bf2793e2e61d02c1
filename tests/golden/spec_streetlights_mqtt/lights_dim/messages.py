"""Messages of the lightsDim channel."""

from typing import NoReturn, TypeAlias

from pydantic import BaseModel


class DimLightPayload(BaseModel):
    percentage: int | None = None
    sentAt: str | None = None


IncomingMessage: TypeAlias = DimLightPayload
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "DimLightPayload",
    "IncomingMessage",
    "OutgoingMessage",
]
