"""The topic_hub_room_topic channel: its client and its messages."""

from ..shared.messages import (
    EchoMessage,
    PostedMessage,
    PostMessage,
    PostPayload,
    RoomEvent,
)
from .client import TopicHubRoomTopicClient
from .messages import IncomingMessage, OutgoingMessage

__all__ = [
    "EchoMessage",
    "IncomingMessage",
    "OutgoingMessage",
    "PostMessage",
    "PostPayload",
    "PostedMessage",
    "RoomEvent",
    "TopicHubRoomTopicClient",
]
