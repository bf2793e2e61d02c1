"""The notifications channel: its client and its messages."""

from ..shared.messages import PingMessage, PongMessage
from .client import NotificationsClient
from .messages import (
    IncomingMessage,
    NotificationBroadcastMessage,
    NotificationMessage,
    NotificationPayload,
    OutgoingMessage,
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
