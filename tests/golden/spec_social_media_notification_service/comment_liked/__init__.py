"""The commentLiked channel: its client and its messages."""

from .client import CommentLikedClient
from .messages import CommentLiked, IncomingMessage, OutgoingMessage

__all__ = [
    "CommentLiked",
    "CommentLikedClient",
    "IncomingMessage",
    "OutgoingMessage",
]
