"""Messages of the room_chat channel."""

from typing import Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, StrictStr

from ..shared.messages import PingMessage, PongMessage

MessageStatus: TypeAlias = Literal["PENDING", "DELIVERED", "FAILED"]


class RoomMessagePayload(BaseModel):
    model_config = ConfigDict(extra="allow")
    message: StrictStr
    room_name: StrictStr | None = None
    status: MessageStatus = "PENDING"


class RoomChatMessage(BaseModel):
    """Room chat message."""

    model_config = ConfigDict(extra="allow")
    action: Literal["room_chat"] = "room_chat"
    payload: RoomMessagePayload


class RoomNotificationMessage(BaseModel):
    """Room notification message."""

    model_config = ConfigDict(extra="allow")
    action: Literal["room_notification"] = "room_notification"
    payload: RoomMessagePayload


IncomingMessage: TypeAlias = PongMessage | RoomNotificationMessage
OutgoingMessage: TypeAlias = PingMessage | RoomChatMessage

__all__ = [
    "IncomingMessage",
    "MessageStatus",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
    "RoomChatMessage",
    "RoomMessagePayload",
    "RoomNotificationMessage",
]
