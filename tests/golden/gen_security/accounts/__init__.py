"""The accounts channel: its client and its messages."""

from .client import AccountsClient
from .messages import IncomingMessage, Order, OutgoingMessage

__all__ = [
    "AccountsClient",
    "IncomingMessage",
    "Order",
    "OutgoingMessage",
]
