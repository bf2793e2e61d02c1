"""Messages of the chatDetail channel."""

from typing import Any, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, StrictStr

from ..base.json_schema import JsonInt
from ..shared.messages import PingMessage, PongMessage


class MemberAddedMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    action: Literal["member_added"] = "member_added"
    payload: dict[str, Any]


class MemberMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    action: Literal["member_message"] = "member_message"
    payload: dict[str, Any]


class MemberRemovedPayload(BaseModel):
    model_config = ConfigDict(extra="allow")
    userPk: JsonInt
    email: StrictStr


class MemberRemovedMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    action: Literal["member_removed"] = "member_removed"
    payload: MemberRemovedPayload


class Payload(BaseModel):
    model_config = ConfigDict(extra="allow")
    redirect: StrictStr
    message: StrictStr


class UserRemovedFromGroupMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
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
