"""Messages of the tenantRoomEvents channel."""

from typing import ClassVar, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr

from ..base.json_schema import JsonInt
from ..shared.messages import PingMessage

DeliveryStatusWithAVeryLongNameIndeed: TypeAlias = Literal[
    "PENDING", "DELIVERED", "FAILED", "RETRYING_AFTER_BACKOFF", "GIVEN_UP_FOR_GOOD"
]


class TreeNodeWithChildren(BaseModel):
    model_config = ConfigDict(extra="allow")
    name: StrictStr
    children: "list[TreeNodeWithChildren]" = Field(
        default_factory=lambda: list[TreeNodeWithChildren]()
    )
    statusHistory: list[DeliveryStatusWithAVeryLongNameIndeed] = Field(
        default_factory=list[DeliveryStatusWithAVeryLongNameIndeed]
    )


class TreeMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    action: Literal["tree"] = "tree"
    payload: TreeNodeWithChildren


class UpdatePayload(BaseModel):
    """An update with fields named like Python keywords and pydantic attributes."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"field_model_name", "attachmentsByKindAndVeryLongName"}
    )
    status: DeliveryStatusWithAVeryLongNameIndeed
    previousStatus: DeliveryStatusWithAVeryLongNameIndeed | None = None
    priorityLevelForThisParticularUpdate: Literal[
        "lowest",
        "low",
        "normal",
        "high",
        "highest",
        "critical",
        "emergency",
        "apocalyptic",
    ] = "normal"
    room_id: JsonInt = Field(validation_alias="room-id", serialization_alias="room-id")
    class_: StrictStr = Field(validation_alias="class", serialization_alias="class")
    json_: StrictBool = Field(
        default=False, validation_alias="json", serialization_alias="json"
    )
    field_model_name: StrictStr | None = Field(
        default=None, validation_alias="model_name", serialization_alias="model_name"
    )
    tags: list[StrictStr] = Field(default_factory=list[StrictStr])
    limits: dict[str, JsonInt] = Field(default_factory=lambda: {"soft": 1, "hard": 2})
    attachmentsByKindAndVeryLongName: (
        dict[
            str,
            list[DeliveryStatusWithAVeryLongNameIndeed | TreeNodeWithChildren | None],
        ]
        | None
    ) = None


class UpdateMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    action: Literal["update"] = "update"
    payload: UpdatePayload


TreeNodeWithChildren.model_rebuild()


IncomingMessage: TypeAlias = TreeMessage
OutgoingMessage: TypeAlias = PingMessage | UpdateMessage

__all__ = [
    "DeliveryStatusWithAVeryLongNameIndeed",
    "IncomingMessage",
    "OutgoingMessage",
    "PingMessage",
    "TreeMessage",
    "TreeNodeWithChildren",
    "UpdateMessage",
    "UpdatePayload",
]
