"""The test channel: its client and its messages."""

from .client import TestClient
from .messages import IncomingMessage, OutgoingMessage, TestSchema

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "TestClient",
    "TestSchema",
]
