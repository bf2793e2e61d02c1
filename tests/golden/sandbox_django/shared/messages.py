"""Messages and models shared by two or more channels."""

from typing import Literal

from pydantic import BaseModel


class AnswerAcceptedEventPayload(BaseModel):
    """Payload for answer accepted events."""

    topicId: int
    topicTitle: str
    replyId: int
    replyAuthor: str


class AnswerAcceptedMessage(BaseModel):
    """Broadcast when an answer is accepted."""

    action: Literal["answer_accepted"] = "answer_accepted"
    payload: AnswerAcceptedEventPayload


class AnswerUnacceptedEventPayload(BaseModel):
    """Payload for answer unaccepted events."""

    topicId: int
    topicTitle: str
    replyId: int
    replyAuthor: str


class AnswerUnacceptedMessage(BaseModel):
    """Broadcast when an answer is unaccepted."""

    action: Literal["answer_unaccepted"] = "answer_unaccepted"
    payload: AnswerUnacceptedEventPayload


class PingMessage(BaseModel):
    """Simple ping message to check WebSocket connection status."""

    action: Literal["ping"] = "ping"
    payload: None = None


class PongMessage(BaseModel):
    """Simple pong message response to ping requests."""

    action: Literal["pong"] = "pong"
    payload: None = None


class VotePayload(BaseModel):
    """Base payload for vote-related operations."""

    targetType: Literal["topic", "reply"]
    targetId: int
    voteCount: int


class VoteUpdatedMessage(BaseModel):
    """Broadcast when votes are updated."""

    action: Literal["vote_updated"] = "vote_updated"
    payload: VotePayload
