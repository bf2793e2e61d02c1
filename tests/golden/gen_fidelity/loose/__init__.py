"""The loose channel: its client and its messages."""

from .client import LooseClient
from .messages import IncomingMessage, Loose, LooseObject, OutgoingMessage

__all__ = [
    "IncomingMessage",
    "Loose",
    "LooseClient",
    "LooseObject",
    "OutgoingMessage",
]
