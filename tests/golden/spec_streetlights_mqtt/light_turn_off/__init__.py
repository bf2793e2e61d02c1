"""The lightTurnOff channel: its client and its messages."""

from ..shared.messages import TurnOnOff
from .client import LightTurnOffClient
from .messages import IncomingMessage, OutgoingMessage

__all__ = [
    "IncomingMessage",
    "LightTurnOffClient",
    "OutgoingMessage",
    "TurnOnOff",
]
