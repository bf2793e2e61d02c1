"""The lightingMeasured channel: its client and its messages."""

from .client import LightingMeasuredClient
from .messages import IncomingMessage, LightMeasured, OutgoingMessage

__all__ = [
    "IncomingMessage",
    "LightMeasured",
    "LightingMeasuredClient",
    "OutgoingMessage",
]
