"""The lightTurnOn channel: its client and its messages."""

from ..shared.messages import TurnOnOff
from .client import LightTurnOnClient
from .messages import IncomingMessage, OutgoingMessage

__all__ = [
    "IncomingMessage",
    "LightTurnOnClient",
    "OutgoingMessage",
    "TurnOnOff",
]
