"""The subscribe channel: its client and its messages."""

from .client import SubscribeClient
from .messages import (
    Depth,
    DummyCurrencyInfo,
    IncomingMessage,
    Interval,
    Name,
    OutgoingMessage,
    Status,
    Subscribe,
    SubscribeSubscription,
    SubscriptionStatus,
    SubscriptionStatus2,
    SubscriptionStatusError,
    SubscriptionStatusErrorSubscription,
    SubscriptionStatusSuccess,
)

__all__ = [
    "Depth",
    "DummyCurrencyInfo",
    "IncomingMessage",
    "Interval",
    "Name",
    "OutgoingMessage",
    "Status",
    "Subscribe",
    "SubscribeClient",
    "SubscribeSubscription",
    "SubscriptionStatus",
    "SubscriptionStatus2",
    "SubscriptionStatusError",
    "SubscriptionStatusErrorSubscription",
    "SubscriptionStatusSuccess",
]
