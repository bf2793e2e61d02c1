"""The subscribe channel: its client and its messages."""

from ..shared.messages import (
    Depth,
    Interval,
    Name,
    Status,
    SubscriptionStatus,
    SubscriptionStatus2,
    SubscriptionStatusError,
    SubscriptionStatusErrorSubscription,
    SubscriptionStatusSuccess,
)
from .client import SubscribeClient
from .messages import (
    DummyCurrencyInfo,
    IncomingMessage,
    OutgoingMessage,
    Subscribe,
    SubscribeSubscription,
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
