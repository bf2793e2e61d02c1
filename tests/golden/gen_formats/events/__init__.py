"""The events channel: its client and its messages."""

from .client import EventsClient
from .messages import IncomingMessage, OrderPlaced, OutgoingMessage, Ping, UserSignedUp

__all__ = [
    "EventsClient",
    "IncomingMessage",
    "OrderPlaced",
    "OutgoingMessage",
    "Ping",
    "UserSignedUp",
]
