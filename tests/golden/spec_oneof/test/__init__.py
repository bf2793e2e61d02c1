"""The test channel: its client and its messages."""

from ..shared.messages import ObjectWithKey, ObjectWithKey2
from .client import TestClient
from .messages import IncomingMessage, OutgoingMessage, TestMessages

__all__ = [
    "IncomingMessage",
    "ObjectWithKey",
    "ObjectWithKey2",
    "OutgoingMessage",
    "TestClient",
    "TestMessages",
]
