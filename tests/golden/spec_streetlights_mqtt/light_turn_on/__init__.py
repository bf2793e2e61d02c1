"""The lightTurnOn channel: its client and its messages."""

from .client import LightTurnOnClient
from .messages import IncomingMessage, OutgoingMessage, TurnOnOff

__all__ = [
    "IncomingMessage",
    "LightTurnOnClient",
    "OutgoingMessage",
    "TurnOnOff",
]
