"""The lightingMeasured channel: its client and its messages."""

from .client import LightingMeasuredClient, LightingMeasuredPathParams
from .messages import IncomingMessage, LightMeasuredPayload, OutgoingMessage

__all__ = [
    "IncomingMessage",
    "LightMeasuredPayload",
    "LightingMeasuredClient",
    "LightingMeasuredPathParams",
    "OutgoingMessage",
]
