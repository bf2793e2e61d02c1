"""The heartbeat channel: its client and its messages."""

from .client import HeartbeatClient
from .messages import Heartbeat, IncomingMessage, OutgoingMessage

__all__ = [
    "Heartbeat",
    "HeartbeatClient",
    "IncomingMessage",
    "OutgoingMessage",
]
