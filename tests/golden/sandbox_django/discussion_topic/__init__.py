"""The discussionTopic channel: its client and its messages."""

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
from .client import DiscussionTopicClient
from .messages import (
    IncomingMessage,
    NewReplyEventPayload,
    OutgoingMessage,
    ReplyCreatedMessage,
)

__all__ = [
    "AnswerAcceptedEventPayload",
    "AnswerAcceptedMessage",
    "AnswerUnacceptedEventPayload",
    "AnswerUnacceptedMessage",
    "DiscussionTopicClient",
    "IncomingMessage",
    "NewReplyEventPayload",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
    "ReplyCreatedMessage",
    "VotePayload",
    "VoteUpdatedMessage",
]
