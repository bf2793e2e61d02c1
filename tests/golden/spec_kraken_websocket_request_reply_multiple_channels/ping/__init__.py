"""The ping channel: its client and its messages."""

from .client import PingClient
from .messages import IncomingMessage, OutgoingMessage, Ping, Pong

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "Ping",
    "PingClient",
    "Pong",
]
