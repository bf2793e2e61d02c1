"""Messages of the discussionTopic channel."""

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


class NewReplyEventPayload(BaseModel):
    """Payload for new reply channel events."""

    model_config = ConfigDict(extra="allow")
    id: int
    content: str
    author: dict[str, Any]
    voteCount: int
    isAccepted: bool
    createdAt: str
    formattedCreatedAt: str
    topicId: int
    topicTitle: str


class ReplyCreatedMessage(BaseModel):
    """Broadcast when a new reply is created."""

    model_config = ConfigDict(extra="allow")
    action: Literal["reply_created"] = "reply_created"
    payload: NewReplyEventPayload


IncomingMessage: TypeAlias = (
    AnswerAcceptedMessage
    | AnswerUnacceptedMessage
    | PongMessage
    | ReplyCreatedMessage
    | VoteUpdatedMessage
)
OutgoingMessage: TypeAlias = PingMessage

__all__ = [
    "AnswerAcceptedEventPayload",
    "AnswerAcceptedMessage",
    "AnswerUnacceptedEventPayload",
    "AnswerUnacceptedMessage",
    "IncomingMessage",
    "NewReplyEventPayload",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
    "ReplyCreatedMessage",
    "VotePayload",
    "VoteUpdatedMessage",
]
