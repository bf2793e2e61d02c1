"""The orders channel: its client and its messages."""

from .client import OrdersClient
from .messages import IncomingMessage, Order, OutgoingMessage

__all__ = [
    "IncomingMessage",
    "Order",
    "OrdersClient",
    "OutgoingMessage",
]
