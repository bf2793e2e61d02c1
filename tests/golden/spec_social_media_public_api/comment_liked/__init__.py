"""The commentLiked channel: its client and its messages."""

from .client import CommentLikedClient
from .messages import CommentLikedPayload, IncomingMessage, OutgoingMessage

__all__ = [
    "CommentLikedClient",
    "CommentLikedPayload",
    "IncomingMessage",
    "OutgoingMessage",
]
