"""Messages of the class channel."""

from typing import Literal, TypeAlias

from pydantic import BaseModel

from ..shared.messages import PingMessage


class Announcement(BaseModel):
    action: Literal["announcement"]
    text: str


IncomingMessage: TypeAlias = Announcement
OutgoingMessage: TypeAlias = PingMessage

__all__ = [
    "Announcement",
    "IncomingMessage",
    "OutgoingMessage",
    "PingMessage",
]
