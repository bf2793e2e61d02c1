"""The notifications channel: its client and its messages."""

from .client import NotificationsClient
from .messages import (
    IncomingMessage,
    NotificationBroadcastMessage,
    NotificationMessage,
    NotificationPayload,
    OutgoingMessage,
    PingMessage,
    PongMessage,
)

__all__ = [
    "IncomingMessage",
    "NotificationBroadcastMessage",
    "NotificationMessage",
    "NotificationPayload",
    "NotificationsClient",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
]
