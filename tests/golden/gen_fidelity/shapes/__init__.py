"""The shapes channel: its client and its messages."""

from .client import ShapesClient
from .messages import IncomingMessage, OutgoingMessage, Refused, Shape

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "Refused",
    "Shape",
    "ShapesClient",
]
