"""The shapes channel: its client and its messages."""

from .client import ShapesClient
from .messages import (
    Closed,
    IncomingMessage,
    OptionalAction,
    OutgoingMessage,
    Refused,
    Shape,
    Untyped,
)

__all__ = [
    "Closed",
    "IncomingMessage",
    "OptionalAction",
    "OutgoingMessage",
    "Refused",
    "Shape",
    "ShapesClient",
    "Untyped",
]
