"""The shapes channel: its client and its messages."""

from .client import ShapesClient
from .messages import (
    IncomingMessage,
    OptionalAction,
    OutgoingMessage,
    Refused,
    Shape,
    Untyped,
)

__all__ = [
    "IncomingMessage",
    "OptionalAction",
    "OutgoingMessage",
    "Refused",
    "Shape",
    "ShapesClient",
    "Untyped",
]
