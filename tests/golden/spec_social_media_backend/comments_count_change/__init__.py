"""The commentsCountChange channel: its client and its messages."""

from .client import CommentsCountChangeClient, CommentsCountChangePathParams
from .messages import CommentChangedPayload, IncomingMessage, OutgoingMessage

__all__ = [
    "CommentChangedPayload",
    "CommentsCountChangeClient",
    "CommentsCountChangePathParams",
    "IncomingMessage",
    "OutgoingMessage",
]
