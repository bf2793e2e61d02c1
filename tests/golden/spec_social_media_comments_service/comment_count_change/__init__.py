"""The commentCountChange channel: its client and its messages."""

from .client import CommentCountChangeClient
from .messages import CommentChanged, IncomingMessage, OutgoingMessage

__all__ = [
    "CommentChanged",
    "CommentCountChangeClient",
    "IncomingMessage",
    "OutgoingMessage",
]
