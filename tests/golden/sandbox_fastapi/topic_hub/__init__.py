"""The topic_hub channel: its client and its messages."""

from .client import TopicHubClient
from .messages import IncomingMessage, OutgoingMessage, PingMessage, PongMessage

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
    "TopicHubClient",
]
