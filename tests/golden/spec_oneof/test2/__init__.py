"""The test2 channel: its client and its messages."""

from ..shared.messages import ObjectWithKey, ObjectWithKey2
from .client import Test2Client
from .messages import IncomingMessage, OutgoingMessage

__all__ = [
    "IncomingMessage",
    "ObjectWithKey",
    "ObjectWithKey2",
    "OutgoingMessage",
    "Test2Client",
]
