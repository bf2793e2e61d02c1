"""The class channel: its client and its messages."""

from .client import ClassClient
from .messages import Announcement, IncomingMessage, OutgoingMessage, PingMessage

__all__ = [
    "Announcement",
    "ClassClient",
    "IncomingMessage",
    "OutgoingMessage",
    "PingMessage",
]
