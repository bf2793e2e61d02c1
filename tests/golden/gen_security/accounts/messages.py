"""Messages of the accounts channel."""

from typing import NoReturn, TypeAlias

from ..shared.messages import Order

IncomingMessage: TypeAlias = NoReturn
OutgoingMessage: TypeAlias = Order

__all__ = [
    "IncomingMessage",
    "Order",
    "OutgoingMessage",
]
