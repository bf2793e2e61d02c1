"""The test2 channel: its client and its messages."""

from .client import Test2Client
from .messages import IncomingMessage, ObjectWithKey, ObjectWithKey2, OutgoingMessage

__all__ = [
    "IncomingMessage",
    "ObjectWithKey",
    "ObjectWithKey2",
    "OutgoingMessage",
    "Test2Client",
]
