"""The discussionTopic channel: its client and its messages."""

from .client import DiscussionTopicClient, DiscussionTopicPathParams
from .messages import (
    AnswerAcceptedEventPayload,
    AnswerAcceptedMessage,
    AnswerUnacceptedEventPayload,
    AnswerUnacceptedMessage,
    IncomingMessage,
    NewReplyEventPayload,
    OutgoingMessage,
    PingMessage,
    PongMessage,
    ReplyCreatedMessage,
    VotePayload,
    VoteUpdatedMessage,
)

__all__ = [
    "AnswerAcceptedEventPayload",
    "AnswerAcceptedMessage",
    "AnswerUnacceptedEventPayload",
    "AnswerUnacceptedMessage",
    "DiscussionTopicClient",
    "DiscussionTopicPathParams",
    "IncomingMessage",
    "NewReplyEventPayload",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
    "ReplyCreatedMessage",
    "VotePayload",
    "VoteUpdatedMessage",
]
