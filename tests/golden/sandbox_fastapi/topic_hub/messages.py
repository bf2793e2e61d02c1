"""Messages of the topic_hub channel."""

from typing import TypeAlias

from ..shared.messages import PingMessage, PongMessage

IncomingMessage: TypeAlias = PongMessage
OutgoingMessage: TypeAlias = PingMessage

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
]
