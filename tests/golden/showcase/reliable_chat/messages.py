"""Messages of the reliable_chat channel."""

from typing import Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, StrictStr

from ..shared.messages import (
    ChatNotificationMessage,
    ChatPayload,
    PingMessage,
    PongMessage,
)


class ReliableChatPayload(BaseModel):
    model_config = ConfigDict(extra="allow")
    message: StrictStr


class ReliableChatMessage(BaseModel):
    """Reliable chat message."""

    model_config = ConfigDict(extra="allow")
    action: Literal["reliable_chat"] = "reliable_chat"
    payload: ReliableChatPayload


class ReliableChatNotificationMessage(BaseModel):
    """Reliable chat notification message."""

    model_config = ConfigDict(extra="allow")
    action: Literal["reliable_chat_notification"] = "reliable_chat_notification"
    payload: ReliableChatPayload


IncomingMessage: TypeAlias = (
    ChatNotificationMessage | PongMessage | ReliableChatNotificationMessage
)
OutgoingMessage: TypeAlias = PingMessage | ReliableChatMessage

__all__ = [
    "ChatNotificationMessage",
    "ChatPayload",
    "IncomingMessage",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
    "ReliableChatMessage",
    "ReliableChatNotificationMessage",
    "ReliableChatPayload",
]
