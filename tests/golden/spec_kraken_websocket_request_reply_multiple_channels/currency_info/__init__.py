"""The currencyInfo channel: its client and its messages."""

from .client import CurrencyInfoClient
from .messages import IncomingMessage, OutgoingMessage

__all__ = [
    "CurrencyInfoClient",
    "IncomingMessage",
    "OutgoingMessage",
]
