"""The groupChat channel: its client and its messages."""

from .client import GroupChatClient
from .messages import (
    AddedToGroupMessage,
    GroupChatUpdatedMessage,
    GroupChatUpdatePayload,
    GroupRemovePayload,
    IncomingMessage,
    OutgoingMessage,
    PingMessage,
    PongMessage,
    RemovedFromGroupMessage,
)

__all__ = [
    "AddedToGroupMessage",
    "GroupChatClient",
    "GroupChatUpdatePayload",
    "GroupChatUpdatedMessage",
    "GroupRemovePayload",
    "IncomingMessage",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
    "RemovedFromGroupMessage",
]
