"""The notifyAllCommentLiked channel: its client and its messages."""

from .client import NotifyAllCommentLikedClient
from .messages import CommentLiked, IncomingMessage, OutgoingMessage

__all__ = [
    "CommentLiked",
    "IncomingMessage",
    "NotifyAllCommentLikedClient",
    "OutgoingMessage",
]
