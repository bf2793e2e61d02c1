"""The pong channel: its client and its messages."""

from .client import PongClient
from .messages import IncomingMessage, OutgoingMessage

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "PongClient",
]
