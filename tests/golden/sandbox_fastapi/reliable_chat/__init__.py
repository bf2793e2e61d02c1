"""The reliable_chat channel: its client and its messages."""

from .client import ReliableChatClient
from .messages import (
    ChatNotificationMessage,
    ChatPayload,
    IncomingMessage,
    OutgoingMessage,
    PingMessage,
    PongMessage,
    ReliableChatMessage,
    ReliableChatNotificationMessage,
    ReliableChatPayload,
)

__all__ = [
    "ChatNotificationMessage",
    "ChatPayload",
    "IncomingMessage",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
    "ReliableChatClient",
    "ReliableChatMessage",
    "ReliableChatNotificationMessage",
    "ReliableChatPayload",
]
