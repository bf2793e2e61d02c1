"""Messages of the reliable_chat channel."""

from typing import Literal, TypeAlias

from pydantic import BaseModel

from ..shared.messages import (
    ChatNotificationMessage,
    ChatPayload,
    PingMessage,
    PongMessage,
)


class ReliableChatPayload(BaseModel):
    message: str


class ReliableChatMessage(BaseModel):
    """Reliable chat message."""

    action: Literal["reliable_chat"] = "reliable_chat"
    payload: ReliableChatPayload


class ReliableChatNotificationMessage(BaseModel):
    """Reliable chat notification message."""

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
