"""The test channel: its client and its messages."""

from .client import TestClient
from .messages import (
    IncomingMessage,
    ObjectWithKey,
    ObjectWithKey2,
    OutgoingMessage,
    TestMessages,
)

__all__ = [
    "IncomingMessage",
    "ObjectWithKey",
    "ObjectWithKey2",
    "OutgoingMessage",
    "TestClient",
    "TestMessages",
]
