"""The pong channel: its client and its messages."""

from .client import PongClient
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
    "Depth",
    "DummyCurrencyInfo",
    "Heartbeat",
    "IncomingMessage",
    "Interval",
    "Name",
    "OutgoingMessage",
    "Pong",
    "PongClient",
    "Status",
    "SubscriptionStatus",
    "SubscriptionStatus2",
    "SubscriptionStatusError",
    "SubscriptionStatusErrorSubscription",
    "SubscriptionStatusSuccess",
    "SystemStatus",
]
