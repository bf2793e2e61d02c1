"""The room_chat channel: its client and its messages."""

from .client import RoomChatClient, RoomChatPathParams
from .messages import (
    IncomingMessage,
    MessageStatus,
    OutgoingMessage,
    PingMessage,
    PongMessage,
    RoomChatMessage,
    RoomMessagePayload,
    RoomNotificationMessage,
)

__all__ = [
    "IncomingMessage",
    "MessageStatus",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
    "RoomChatClient",
    "RoomChatMessage",
    "RoomChatPathParams",
    "RoomMessagePayload",
    "RoomNotificationMessage",
]
