"""Messages of the notifications channel."""

from typing import Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, StrictStr

from ..shared.messages import PingMessage, PongMessage


class NotificationPayload(BaseModel):
    model_config = ConfigDict(extra="allow")
    type: StrictStr = "user"
    message: StrictStr


class NotificationBroadcastMessage(BaseModel):
    """Notification broadcast message."""

    model_config = ConfigDict(extra="allow")
    action: Literal["notification_broadcast"] = "notification_broadcast"
    payload: NotificationPayload


class NotificationMessage(BaseModel):
    """Notification message."""

    model_config = ConfigDict(extra="allow")
    action: Literal["notification"] = "notification"
    payload: NotificationPayload


IncomingMessage: TypeAlias = NotificationBroadcastMessage | PongMessage
OutgoingMessage: TypeAlias = NotificationMessage | PingMessage

__all__ = [
    "IncomingMessage",
    "NotificationBroadcastMessage",
    "NotificationMessage",
    "NotificationPayload",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
]
