"""Messages of the discussionList channel."""

from typing import Any, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict

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


class NewTopicEventPayload(BaseModel):
    """Payload for new topic channel events."""

    model_config = ConfigDict(extra="allow")
    id: int
    title: str
    author: dict[str, Any]
    voteCount: int
    replyCount: int
    hasAcceptedAnswer: bool
    viewCount: int
    createdAt: str
    formattedCreatedAt: str


class TopicCreatedMessage(BaseModel):
    """Broadcast when a new topic is created."""

    model_config = ConfigDict(extra="allow")
    action: Literal["topic_created"] = "topic_created"
    payload: NewTopicEventPayload


IncomingMessage: TypeAlias = (
    AnswerAcceptedMessage
    | AnswerUnacceptedMessage
    | PongMessage
    | TopicCreatedMessage
    | VoteUpdatedMessage
)
OutgoingMessage: TypeAlias = PingMessage

__all__ = [
    "AnswerAcceptedEventPayload",
    "AnswerAcceptedMessage",
    "AnswerUnacceptedEventPayload",
    "AnswerUnacceptedMessage",
    "IncomingMessage",
    "NewTopicEventPayload",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
    "TopicCreatedMessage",
    "VotePayload",
    "VoteUpdatedMessage",
]
