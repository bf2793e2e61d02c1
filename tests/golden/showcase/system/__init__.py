"""The system channel: its client and its messages."""

from ..shared.messages import PingMessage, PongMessage
from .client import SystemClient
from .messages import (
    IncomingMessage,
    MessagePayload,
    OutgoingMessage,
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
