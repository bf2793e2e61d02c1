"""The discussionList channel: its client and its messages."""

from .client import DiscussionListClient
from .messages import (
    AnswerAcceptedEventPayload,
    AnswerAcceptedMessage,
    AnswerUnacceptedEventPayload,
    AnswerUnacceptedMessage,
    IncomingMessage,
    NewTopicEventPayload,
    OutgoingMessage,
    PingMessage,
    PongMessage,
    TopicCreatedMessage,
    VotePayload,
    VoteUpdatedMessage,
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
