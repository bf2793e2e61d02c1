"""Messages of the analytics channel."""

from typing import Any, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, StrictStr

from ..shared.messages import PingMessage, PongMessage


class AnalyticsPayload(BaseModel):
    model_config = ConfigDict(extra="allow")
    event: StrictStr
    data: Any = None


class AnalyticsMessage(BaseModel):
    """Analytics message."""

    model_config = ConfigDict(extra="allow")
    action: Literal["analytics"] = "analytics"
    payload: AnalyticsPayload


class AnalyticsNotificationMessage(BaseModel):
    """Analytics notification message."""

    model_config = ConfigDict(extra="allow")
    action: Literal["analytics_notification"] = "analytics_notification"
    payload: AnalyticsPayload


IncomingMessage: TypeAlias = AnalyticsNotificationMessage | PongMessage
OutgoingMessage: TypeAlias = AnalyticsMessage | PingMessage

__all__ = [
    "AnalyticsMessage",
    "AnalyticsNotificationMessage",
    "AnalyticsPayload",
    "IncomingMessage",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
]
