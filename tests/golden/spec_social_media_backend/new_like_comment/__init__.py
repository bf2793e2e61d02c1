"""The newLikeComment channel: its client and its messages."""

from .client import NewLikeCommentClient
from .messages import IncomingMessage, LikeComment, OutgoingMessage

__all__ = [
    "IncomingMessage",
    "LikeComment",
    "NewLikeCommentClient",
    "OutgoingMessage",
]
