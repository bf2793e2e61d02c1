"""The chat channel: its client and its messages."""

from .client import ChatClient
from .messages import (
    ChatMessage,
    ChatNotificationMessage,
    ChatPayload,
    ExtraPassthroughMessage,
    ExtraRequestMessage,
    ExtraResponseMessage,
    IncomingMessage,
    OutgoingMessage,
    PingMessage,
    PongMessage,
    UserJoinedNotification,
    UserLeftNotification,
)

__all__ = [
    "ChatClient",
    "ChatMessage",
    "ChatNotificationMessage",
    "ChatPayload",
    "ExtraPassthroughMessage",
    "ExtraRequestMessage",
    "ExtraResponseMessage",
    "IncomingMessage",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
    "UserJoinedNotification",
    "UserLeftNotification",
]
