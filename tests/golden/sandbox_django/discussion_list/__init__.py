"""The discussionList channel: its client and its messages."""

from ..shared.messages import (
    AnswerAcceptedEventPayload,
    AnswerAcceptedMessage,
    AnswerUnacceptedEventPayload,
    AnswerUnacceptedMessage,
    PingMessage,
    PongMessage,
    VotePayload,
    VoteUpdatedMessage,
)
from .client import DiscussionListClient
from .messages import (
    IncomingMessage,
    NewTopicEventPayload,
    OutgoingMessage,
    TopicCreatedMessage,
)

__all__ = [
    "AnswerAcceptedEventPayload",
    "AnswerAcceptedMessage",
    "AnswerUnacceptedEventPayload",
    "AnswerUnacceptedMessage",
    "DiscussionListClient",
    "IncomingMessage",
    "NewTopicEventPayload",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
    "TopicCreatedMessage",
    "VotePayload",
    "VoteUpdatedMessage",
]
