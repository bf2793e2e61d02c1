"""The shapes channel: its client and its messages."""

from .client import ShapesClient
from .messages import (
    Checked,
    CheckedContact,
    Closed,
    IncomingMessage,
    OptionalAction,
    OutgoingMessage,
    Refused,
    Shape,
    Untyped,
)

__all__ = [
    "Checked",
    "CheckedContact",
    "Closed",
    "IncomingMessage",
    "OptionalAction",
    "OutgoingMessage",
    "Refused",
    "Shape",
    "ShapesClient",
    "Untyped",
]
