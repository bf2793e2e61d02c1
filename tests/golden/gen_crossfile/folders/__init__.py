"""The folders channel: its client and its messages."""

from .client import FoldersClient
from .messages import (
    Envelope,
    File,
    Folder,
    IncomingMessage,
    OutgoingMessage,
    WithSpace,
)

__all__ = [
    "Envelope",
    "File",
    "Folder",
    "FoldersClient",
    "IncomingMessage",
    "OutgoingMessage",
    "WithSpace",
]
