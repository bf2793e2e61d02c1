"""The commentsCountChange channel: its client and its messages."""

from .client import CommentsCountChangeClient
from .messages import CommentChanged, IncomingMessage, OutgoingMessage

__all__ = [
    "CommentChanged",
    "CommentsCountChangeClient",
    "IncomingMessage",
    "OutgoingMessage",
]
