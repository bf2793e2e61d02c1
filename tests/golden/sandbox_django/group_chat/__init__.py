"""The groupChat channel: its client and its messages."""

from ..shared.messages import PingMessage, PongMessage
from .client import GroupChatClient
from .messages import (
    AddedToGroupMessage,
    GroupChatUpdatedMessage,
    GroupChatUpdatePayload,
    GroupRemovePayload,
    IncomingMessage,
    OutgoingMessage,
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
