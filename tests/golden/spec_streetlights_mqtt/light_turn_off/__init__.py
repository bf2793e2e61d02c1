"""The lightTurnOff channel: its client and its messages."""

from .client import LightTurnOffClient, LightTurnOffPathParams
from .messages import IncomingMessage, OutgoingMessage, TurnOnOffPayload

__all__ = [
    "IncomingMessage",
    "LightTurnOffClient",
    "LightTurnOffPathParams",
    "OutgoingMessage",
    "TurnOnOffPayload",
]
