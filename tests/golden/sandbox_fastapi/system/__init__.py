"""The system channel: its client and its messages."""

from .client import SystemClient
from .messages import (
    IncomingMessage,
    MessagePayload,
    OutgoingMessage,
    PingMessage,
    PongMessage,
    SystemEchoMessage,
    UserMessage,
)

__all__ = [
    "IncomingMessage",
    "MessagePayload",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
    "SystemClient",
    "SystemEchoMessage",
    "UserMessage",
]
