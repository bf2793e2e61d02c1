"""Messages of the groupChat channel."""

from typing import Any, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, StrictStr

from ..base.json_schema import JsonInt
from ..shared.messages import PingMessage, PongMessage


class AddedToGroupMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    action: Literal["added_to_group"] = "added_to_group"
    payload: dict[str, Any]


class GroupChatUpdatePayload(BaseModel):
    model_config = ConfigDict(extra="allow")
    groupPk: JsonInt
    updatedAt: StrictStr


class GroupChatUpdatedMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    action: Literal["group_chat_updated"] = "group_chat_updated"
    payload: GroupChatUpdatePayload


class GroupRemovePayload(BaseModel):
    model_config = ConfigDict(extra="allow")
    groupPk: JsonInt
    groupTitle: StrictStr


class RemovedFromGroupMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    action: Literal["removed_from_group"] = "removed_from_group"
    payload: GroupRemovePayload


IncomingMessage: TypeAlias = (
    AddedToGroupMessage
    | GroupChatUpdatedMessage
    | PongMessage
    | RemovedFromGroupMessage
)
OutgoingMessage: TypeAlias = PingMessage

__all__ = [
    "AddedToGroupMessage",
    "GroupChatUpdatePayload",
    "GroupChatUpdatedMessage",
    "GroupRemovePayload",
    "IncomingMessage",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
    "RemovedFromGroupMessage",
]
