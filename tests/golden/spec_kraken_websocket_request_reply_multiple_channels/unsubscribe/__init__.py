"""The unsubscribe channel: its client and its messages."""

from .client import UnsubscribeClient
from .messages import (
    Depth,
    IncomingMessage,
    Interval,
    Name,
    OutgoingMessage,
    Status,
    SubscriptionStatus,
    SubscriptionStatus2,
    SubscriptionStatusError,
    SubscriptionStatusErrorSubscription,
    SubscriptionStatusSuccess,
    Unsubscribe,
    UnsubscribeSubscription,
)

__all__ = [
    "Depth",
    "IncomingMessage",
    "Interval",
    "Name",
    "OutgoingMessage",
    "Status",
    "SubscriptionStatus",
    "SubscriptionStatus2",
    "SubscriptionStatusError",
    "SubscriptionStatusErrorSubscription",
    "SubscriptionStatusSuccess",
    "Unsubscribe",
    "UnsubscribeClient",
    "UnsubscribeSubscription",
]
