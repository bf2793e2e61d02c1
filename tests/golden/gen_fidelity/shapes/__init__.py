"""The shapes channel: its client and its messages."""

from .client import ShapesClient
from .messages import IncomingMessage, OutgoingMessage, Refused, Shape, Untyped

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "Refused",
    "Shape",
    "ShapesClient",
    "Untyped",
]
