"""Messages of the class channel."""

from typing import Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, StrictStr

from ..shared.messages import PingMessage


class Announcement(BaseModel):
    model_config = ConfigDict(extra="allow")
    action: Literal["announcement"]
    text: StrictStr = Field(description='Ends with a quote"')


IncomingMessage: TypeAlias = Announcement
OutgoingMessage: TypeAlias = PingMessage

__all__ = [
    "Announcement",
    "IncomingMessage",
    "OutgoingMessage",
    "PingMessage",
]
