"""The lightsDim channel: its client and its messages."""

from .client import LightsDimClient, LightsDimPathParams
from .messages import DimLightPayload, IncomingMessage, OutgoingMessage

__all__ = [
    "DimLightPayload",
    "IncomingMessage",
    "LightsDimClient",
    "LightsDimPathParams",
    "OutgoingMessage",
]
