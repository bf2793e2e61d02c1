"""The chat channel: its client and its messages."""

from ..shared.messages import (
    ChatNotificationMessage,
    ChatPayload,
    PingMessage,
    PongMessage,
)
from .client import ChatClient
from .messages import ChatMessage, IncomingMessage, OutgoingMessage

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
