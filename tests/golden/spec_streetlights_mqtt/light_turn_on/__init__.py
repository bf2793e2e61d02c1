"""The lightTurnOn channel: its client and its messages."""

from .client import LightTurnOnClient, LightTurnOnPathParams
from .messages import IncomingMessage, OutgoingMessage, TurnOnOffPayload

__all__ = [
    "IncomingMessage",
    "LightTurnOnClient",
    "LightTurnOnPathParams",
    "OutgoingMessage",
    "TurnOnOffPayload",
]
