"""Messages of the topic_hub_presence_topic channel."""

from typing import Literal, NoReturn, TypeAlias

from pydantic import BaseModel


class PresencePayload(BaseModel):
    user: str
    online: bool


class PresenceChanged(BaseModel):
    """A user's presence changed."""

    action: Literal["presence_changed"] = "presence_changed"
    payload: PresencePayload


IncomingMessage: TypeAlias = PresenceChanged
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "PresenceChanged",
    "PresencePayload",
]
