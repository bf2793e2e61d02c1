"""The WebSocket client every channel client builds on."""

from .client import BaseClient, NotConnectedError, ReconnectError, ReconnectPolicy
from .topic_client import (
    BaseTopicConnection,
    BaseTopicHandle,
    NotSubscribedError,
    TopicError,
    TopicUnauthorizedError,
    UnknownTopicError,
)

__all__ = [
    "BaseClient",
    "BaseTopicConnection",
    "BaseTopicHandle",
    "NotConnectedError",
    "NotSubscribedError",
    "ReconnectError",
    "ReconnectPolicy",
    "TopicError",
    "TopicUnauthorizedError",
    "UnknownTopicError",
]
