"""The notifyAllCommentLiked channel: its client and its messages."""

from .client import NotifyAllCommentLikedClient
from .messages import CommentLikedPayload, IncomingMessage, OutgoingMessage

__all__ = [
    "CommentLikedPayload",
    "IncomingMessage",
    "NotifyAllCommentLikedClient",
    "OutgoingMessage",
]
