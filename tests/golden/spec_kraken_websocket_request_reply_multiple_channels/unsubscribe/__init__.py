"""The unsubscribe channel: its client and its messages."""

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
from .client import UnsubscribeClient
from .messages import (
    IncomingMessage,
    OutgoingMessage,
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
