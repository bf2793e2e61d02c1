"""The lightingMeasured channel: its client and its messages."""

from .client import LightingMeasuredClient
from .messages import IncomingMessage, LightMeasuredPayload, OutgoingMessage

__all__ = [
    "IncomingMessage",
    "LightMeasuredPayload",
    "LightingMeasuredClient",
    "OutgoingMessage",
]
