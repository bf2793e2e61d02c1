"""The heartbeat channel: its client and its messages."""

from .client import HeartbeatClient
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
    "HeartbeatClient",
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
