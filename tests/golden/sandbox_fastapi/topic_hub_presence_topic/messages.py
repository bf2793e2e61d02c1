"""Messages of the topic_hub_presence_topic channel."""

from typing import Literal, NoReturn, TypeAlias

from pydantic import BaseModel, ConfigDict, StrictBool, StrictStr


class PresencePayload(BaseModel):
    model_config = ConfigDict(extra="allow")
    user: StrictStr
    online: StrictBool


class PresenceChanged(BaseModel):
    """A user's presence changed."""

    model_config = ConfigDict(extra="allow")
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
