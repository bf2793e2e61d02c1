"""The likeComment channel: its client and its messages."""

from .client import LikeCommentClient
from .messages import IncomingMessage, LikeComment, OutgoingMessage

__all__ = [
    "IncomingMessage",
    "LikeComment",
    "LikeCommentClient",
    "OutgoingMessage",
]
