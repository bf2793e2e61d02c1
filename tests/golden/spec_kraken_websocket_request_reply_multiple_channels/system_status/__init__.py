"""The systemStatus channel: its client and its messages."""

from .client import SystemStatusClient
from .messages import IncomingMessage, OutgoingMessage, Status, SystemStatus

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "Status",
    "SystemStatus",
    "SystemStatusClient",
]
