"""Messages of the pong channel."""

from typing import NoReturn, TypeAlias

from ..shared.messages import (
    Depth,
    DummyCurrencyInfo,
    Heartbeat,
    Interval,
    Name,
    Pong,
    Status,
    SubscriptionStatus,
    SubscriptionStatus2,
    SubscriptionStatusError,
    SubscriptionStatusErrorSubscription,
    SubscriptionStatusSuccess,
    SystemStatus,
)

IncomingMessage: TypeAlias = (
    DummyCurrencyInfo | Heartbeat | Pong | SubscriptionStatus | SystemStatus
)
OutgoingMessage: TypeAlias = NoReturn

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
    "SubscriptionStatus",
    "SubscriptionStatus2",
    "SubscriptionStatusError",
    "SubscriptionStatusErrorSubscription",
    "SubscriptionStatusSuccess",
    "SystemStatus",
]
