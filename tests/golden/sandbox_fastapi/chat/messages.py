"""Messages of the chat channel."""

from typing import Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, StrictStr

from ..shared.messages import (
    ChatNotificationMessage,
    ChatPayload,
    ExtraResponseMessage,
    PingMessage,
    PongMessage,
)


class ChatMessage(BaseModel):
    """Chat message for the basic chat consumer."""

    model_config = ConfigDict(extra="allow")
    action: Literal["chat"] = "chat"
    payload: ChatPayload


class ExtraPassthroughMessage(BaseModel):
    """Event forwarded straight to the client by a mixin's passthrough_events."""

    model_config = ConfigDict(extra="allow")
    action: Literal["extra_passthrough"] = "extra_passthrough"
    payload: StrictStr


class ExtraRequestMessage(BaseModel):
    """Extra request message for ws handler mixin."""

    model_config = ConfigDict(extra="allow")
    action: Literal["extra_request"] = "extra_request"
    payload: StrictStr


class UserJoinedNotification(BaseModel):
    """Notification when a user joins the chat."""

    model_config = ConfigDict(extra="allow")
    action: Literal["user_joined_notification"] = "user_joined_notification"
    payload: ChatPayload


class UserLeftNotification(BaseModel):
    """Notification when a user leaves the chat."""

    model_config = ConfigDict(extra="allow")
    action: Literal["user_left_notification"] = "user_left_notification"
    payload: ChatPayload


IncomingMessage: TypeAlias = (
    ChatNotificationMessage
    | ExtraPassthroughMessage
    | ExtraResponseMessage
    | PongMessage
    | UserJoinedNotification
    | UserLeftNotification
)
OutgoingMessage: TypeAlias = ChatMessage | ExtraRequestMessage | PingMessage

__all__ = [
    "ChatMessage",
    "ChatNotificationMessage",
    "ChatPayload",
    "ExtraPassthroughMessage",
    "ExtraRequestMessage",
    "ExtraResponseMessage",
    "IncomingMessage",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
    "UserJoinedNotification",
    "UserLeftNotification",
]
