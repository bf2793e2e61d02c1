"""The chat channel: its client and its messages."""

from ..shared.messages import (
    ChatNotificationMessage,
    ChatPayload,
    ExtraResponseMessage,
    PingMessage,
    PongMessage,
)
from .client import ChatClient
from .messages import (
    ChatMessage,
    ExtraPassthroughMessage,
    ExtraRequestMessage,
    IncomingMessage,
    OutgoingMessage,
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
