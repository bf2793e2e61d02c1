"""The currencyInfo channel: its client and its messages."""

from .client import CurrencyInfoClient
from .messages import (
    Depth,
    DummyCurrencyInfo,
    Heartbeat,
    IncomingMessage,
    Interval,
    Name,
    OutgoingMessage,
    Pong,
    Status,
    SubscriptionStatus,
    SubscriptionStatus2,
    SubscriptionStatusError,
    SubscriptionStatusErrorSubscription,
    SubscriptionStatusSuccess,
    SystemStatus,
)

__all__ = [
    "CurrencyInfoClient",
    "Depth",
    "DummyCurrencyInfo",
    "Heartbeat",
    "IncomingMessage",
    "Interval",
    "Name",
    "OutgoingMessage",
    "Pong",
    "Status",
    "SubscriptionStatus",
    "SubscriptionStatus2",
    "SubscriptionStatusError",
    "SubscriptionStatusErrorSubscription",
    "SubscriptionStatusSuccess",
    "SystemStatus",
]
