"""Messages of the room_topic channel."""

from typing import TypeAlias

from ..shared.messages import (
    EchoMessage,
    PostedMessage,
    PostMessage,
    PostPayload,
    RoomEvent,
)

IncomingMessage: TypeAlias = PostedMessage | RoomEvent
OutgoingMessage: TypeAlias = EchoMessage | PostMessage

__all__ = [
    "EchoMessage",
    "IncomingMessage",
    "OutgoingMessage",
    "PostMessage",
    "PostPayload",
    "PostedMessage",
    "RoomEvent",
]
