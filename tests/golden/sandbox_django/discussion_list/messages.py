"""Messages of the discussionList channel."""

from typing import Any, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, StrictBool, StrictStr

from ..base.json_schema import JsonInt
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
    id: JsonInt
    title: StrictStr
    author: dict[str, Any]
    voteCount: JsonInt
    replyCount: JsonInt
    hasAcceptedAnswer: StrictBool
    viewCount: JsonInt
    createdAt: StrictStr
    formattedCreatedAt: StrictStr


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
