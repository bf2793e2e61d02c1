"""The chatDetail channel: its client and its messages."""

from .client import ChatDetailClient, ChatDetailPathParams
from .messages import (
    IncomingMessage,
    MemberAddedMessage,
    MemberMessage,
    MemberRemovedMessage,
    MemberRemovedPayload,
    OutgoingMessage,
    Payload,
    PingMessage,
    PongMessage,
    UserRemovedFromGroupMessage,
)

__all__ = [
    "ChatDetailClient",
    "ChatDetailPathParams",
    "IncomingMessage",
    "MemberAddedMessage",
    "MemberMessage",
    "MemberRemovedMessage",
    "MemberRemovedPayload",
    "OutgoingMessage",
    "Payload",
    "PingMessage",
    "PongMessage",
    "UserRemovedFromGroupMessage",
]
