"""The lightTurnOff channel: its client and its messages."""

from .client import LightTurnOffClient
from .messages import IncomingMessage, OutgoingMessage, TurnOnOff

__all__ = [
    "IncomingMessage",
    "LightTurnOffClient",
    "OutgoingMessage",
    "TurnOnOff",
]
