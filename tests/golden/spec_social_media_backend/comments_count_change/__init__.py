"""The commentsCountChange channel: its client and its messages."""

from .client import CommentsCountChangeClient
from .messages import CommentChangedPayload, IncomingMessage, OutgoingMessage

__all__ = [
    "CommentChangedPayload",
    "CommentsCountChangeClient",
    "IncomingMessage",
    "OutgoingMessage",
]
