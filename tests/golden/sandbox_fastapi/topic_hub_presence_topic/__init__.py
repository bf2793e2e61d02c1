"""The topic_hub_presence_topic channel: its client and its messages."""

from .client import TopicHubPresenceTopicClient
from .messages import IncomingMessage, OutgoingMessage, PresenceChanged, PresencePayload

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "PresenceChanged",
    "PresencePayload",
    "TopicHubPresenceTopicClient",
]
