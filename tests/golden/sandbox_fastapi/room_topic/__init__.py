"""The room_topic channel: its client and its messages."""

from .client import RoomTopicClient, RoomTopicPathParams
from .messages import (
    EchoMessage,
    IncomingMessage,
    OutgoingMessage,
    PostedMessage,
    PostMessage,
    PostPayload,
    RoomEvent,
)

__all__ = [
    "EchoMessage",
    "IncomingMessage",
    "OutgoingMessage",
    "PostMessage",
    "PostPayload",
    "PostedMessage",
    "RoomEvent",
    "RoomTopicClient",
    "RoomTopicPathParams",
]
