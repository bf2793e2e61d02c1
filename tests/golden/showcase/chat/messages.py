"""Messages of the chat channel."""

from typing import Literal, TypeAlias

from pydantic import BaseModel, ConfigDict

from ..shared.messages import (
    ChatNotificationMessage,
    ChatPayload,
    PingMessage,
    PongMessage,
)


class ChatMessage(BaseModel):
    """Chat message for the basic chat consumer."""

    model_config = ConfigDict(extra="allow")
    action: Literal["chat"] = "chat"
    payload: ChatPayload


IncomingMessage: TypeAlias = ChatNotificationMessage | PongMessage
OutgoingMessage: TypeAlias = ChatMessage | PingMessage

__all__ = [
    "ChatMessage",
    "ChatNotificationMessage",
    "ChatPayload",
    "IncomingMessage",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
]
