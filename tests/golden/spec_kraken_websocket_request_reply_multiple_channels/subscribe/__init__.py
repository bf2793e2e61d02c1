"""The subscribe channel: its client and its messages."""

from .client import SubscribeClient
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
    Subscribe,
    SubscribeSubscription,
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
    "Status",
    "Subscribe",
    "SubscribeClient",
    "SubscribeSubscription",
    "SubscriptionStatus",
    "SubscriptionStatus2",
    "SubscriptionStatusError",
    "SubscriptionStatusErrorSubscription",
    "SubscriptionStatusSuccess",
    "SystemStatus",
]
