"""Messages of the lightsDim channel."""

from typing import NoReturn, TypeAlias

from pydantic import BaseModel


class DimLight(BaseModel):
    percentage: int | None = None
    sentAt: str | None = None


IncomingMessage: TypeAlias = DimLight
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "DimLight",
    "IncomingMessage",
    "OutgoingMessage",
]
