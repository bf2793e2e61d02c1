"""The lightTurnOff channel: its client and its messages."""

from .client import LightTurnOffClient
from .messages import IncomingMessage, OutgoingMessage, TurnOnOffPayload

__all__ = [
    "IncomingMessage",
    "LightTurnOffClient",
    "OutgoingMessage",
    "TurnOnOffPayload",
]
