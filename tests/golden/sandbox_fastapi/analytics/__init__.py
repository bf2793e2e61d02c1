"""The analytics channel: its client and its messages."""

from ..shared.messages import PingMessage, PongMessage
from .client import AnalyticsClient
from .messages import (
    AnalyticsMessage,
    AnalyticsNotificationMessage,
    AnalyticsPayload,
    IncomingMessage,
    OutgoingMessage,
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
