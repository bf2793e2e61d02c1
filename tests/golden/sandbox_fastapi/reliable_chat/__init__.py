"""The reliable_chat channel: its client and its messages."""

from ..shared.messages import (
    ChatNotificationMessage,
    ChatPayload,
    PingMessage,
    PongMessage,
)
from .client import ReliableChatClient
from .messages import (
    IncomingMessage,
    OutgoingMessage,
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
