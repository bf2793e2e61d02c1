"""Messages of the chatDetail channel."""

from typing import Any, Literal, TypeAlias

from pydantic import BaseModel

from ..shared.messages import PingMessage, PongMessage


class MemberAddedMessage(BaseModel):
    action: Literal["member_added"] = "member_added"
    payload: dict[str, Any]


class MemberMessage(BaseModel):
    action: Literal["member_message"] = "member_message"
    payload: dict[str, Any]


class MemberRemovedPayload(BaseModel):
    userPk: int
    email: str


class MemberRemovedMessage(BaseModel):
    action: Literal["member_removed"] = "member_removed"
    payload: MemberRemovedPayload


class Payload(BaseModel):
    redirect: str
    message: str


class UserRemovedFromGroupMessage(BaseModel):
    action: Literal["user_removed_from_group"] = "user_removed_from_group"
    payload: Payload


IncomingMessage: TypeAlias = (
    MemberAddedMessage
    | MemberMessage
    | MemberRemovedMessage
    | PongMessage
    | UserRemovedFromGroupMessage
)
OutgoingMessage: TypeAlias = PingMessage

__all__ = [
    "IncomingMessage",
    "MemberAddedMessage",
    "MemberMessage",
    "MemberRemovedMessage",
    "MemberRemovedPayload",
    "OutgoingMessage",
    "Payload",
    "PingMessage",
    "PongMessage",
    "UserRemovedFromGroupMessage",
]
