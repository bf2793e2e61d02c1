"""Messages of the orders channel."""

from typing import TypeAlias

from ..shared.messages import Order

IncomingMessage: TypeAlias = Order
OutgoingMessage: TypeAlias = Order

__all__ = [
    "IncomingMessage",
    "Order",
    "OutgoingMessage",
]
