"""Messages and models shared by two or more channels."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, StrictStr

from ..base.json_schema import JsonInt


class AnswerAcceptedEventPayload(BaseModel):
    """Payload for answer accepted events."""

    model_config = ConfigDict(extra="allow")
    topicId: JsonInt
    topicTitle: StrictStr
    replyId: JsonInt
    replyAuthor: StrictStr


class AnswerAcceptedMessage(BaseModel):
    """Broadcast when an answer is accepted."""

    model_config = ConfigDict(extra="allow")
    action: Literal["answer_accepted"] = "answer_accepted"
    payload: AnswerAcceptedEventPayload


class AnswerUnacceptedEventPayload(BaseModel):
    """Payload for answer unaccepted events."""

    model_config = ConfigDict(extra="allow")
    topicId: JsonInt
    topicTitle: StrictStr
    replyId: JsonInt
    replyAuthor: StrictStr


class AnswerUnacceptedMessage(BaseModel):
    """Broadcast when an answer is unaccepted."""

    model_config = ConfigDict(extra="allow")
    action: Literal["answer_unaccepted"] = "answer_unaccepted"
    payload: AnswerUnacceptedEventPayload


class PingMessage(BaseModel):
    """Simple ping message to check WebSocket connection status."""

    model_config = ConfigDict(extra="allow")
    action: Literal["ping"] = "ping"
    payload: None = None


class PongMessage(BaseModel):
    """Simple pong message response to ping requests."""

    model_config = ConfigDict(extra="allow")
    action: Literal["pong"] = "pong"
    payload: None = None


class VotePayload(BaseModel):
    """Base payload for vote-related operations."""

    model_config = ConfigDict(extra="allow")
    targetType: Literal["topic", "reply"]
    targetId: JsonInt
    voteCount: JsonInt


class VoteUpdatedMessage(BaseModel):
    """Broadcast when votes are updated."""

    model_config = ConfigDict(extra="allow")
    action: Literal["vote_updated"] = "vote_updated"
    payload: VotePayload
