"""The lightsDim channel: its client and its messages."""

from .client import LightsDimClient
from .messages import DimLight, IncomingMessage, OutgoingMessage

__all__ = [
    "DimLight",
    "IncomingMessage",
    "LightsDimClient",
    "OutgoingMessage",
]
