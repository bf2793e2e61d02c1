"""The chat channel: its client and its messages."""

from .client import ChatClient
from .messages import (
    ChatMessage,
    ChatNotificationMessage,
    ChatPayload,
    IncomingMessage,
    OutgoingMessage,
    PingMessage,
    PongMessage,
)

__all__ = [
    "ChatClient",
    "ChatMessage",
    "ChatNotificationMessage",
    "ChatPayload",
    "IncomingMessage",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
]
