"""The analytics channel: its client and its messages."""

from .client import AnalyticsClient
from .messages import (
    AnalyticsMessage,
    AnalyticsNotificationMessage,
    AnalyticsPayload,
    IncomingMessage,
    OutgoingMessage,
    PingMessage,
    PongMessage,
)

__all__ = [
    "AnalyticsClient",
    "AnalyticsMessage",
    "AnalyticsNotificationMessage",
    "AnalyticsPayload",
    "IncomingMessage",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
]
