"""The commentCountChange channel: its client and its messages."""

from .client import CommentCountChangeClient, CommentCountChangePathParams
from .messages import CommentChangedPayload, IncomingMessage, OutgoingMessage

__all__ = [
    "CommentChangedPayload",
    "CommentCountChangeClient",
    "CommentCountChangePathParams",
    "IncomingMessage",
    "OutgoingMessage",
]
