"""The systemStatus channel: its client and its messages."""

from ..shared.messages import Status
from .client import SystemStatusClient
from .messages import IncomingMessage, OutgoingMessage, SystemStatus

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "Status",
    "SystemStatus",
    "SystemStatusClient",
]
