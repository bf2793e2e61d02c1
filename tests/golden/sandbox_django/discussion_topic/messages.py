"""Messages of the discussionTopic channel."""

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


class NewReplyEventPayload(BaseModel):
    """Payload for new reply channel events."""

    model_config = ConfigDict(extra="allow")
    id: JsonInt
    content: StrictStr
    author: dict[str, Any]
    voteCount: JsonInt
    isAccepted: StrictBool
    createdAt: StrictStr
    formattedCreatedAt: StrictStr
    topicId: JsonInt
    topicTitle: StrictStr


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
