"""The WebSocket client every channel client builds on."""

from .client import (
    BaseClient,
    NotConnectedError,
    ReconnectError,
    ReconnectPolicy,
    RequestError,
)
from .topic_client import (
    BaseTopicConnection,
    BaseTopicHandle,
    NotSubscribedError,
    ResubscribeError,
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
    "RequestError",
    "ResubscribeError",
    "TopicError",
    "TopicUnauthorizedError",
    "UnknownTopicError",
]
