"""The topic_hub channel: its client and its messages."""

from ..shared.messages import PingMessage, PongMessage
from .client import TopicHubClient
from .messages import IncomingMessage, OutgoingMessage

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
    "TopicHubClient",
]
