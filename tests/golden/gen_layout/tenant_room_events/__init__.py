"""The tenantRoomEvents channel: its client and its messages."""

from .client import TenantRoomEventsClient, TenantRoomEventsPathParams
from .messages import (
    DeliveryStatusWithAVeryLongNameIndeed,
    IncomingMessage,
    OutgoingMessage,
    PingMessage,
    TreeMessage,
    TreeNodeWithChildren,
    UpdateMessage,
    UpdatePayload,
)

__all__ = [
    "DeliveryStatusWithAVeryLongNameIndeed",
    "IncomingMessage",
    "OutgoingMessage",
    "PingMessage",
    "TenantRoomEventsClient",
    "TenantRoomEventsPathParams",
    "TreeMessage",
    "TreeNodeWithChildren",
    "UpdateMessage",
    "UpdatePayload",
]
