"""The newLikeComment channel: its client and its messages."""

from .client import NewLikeCommentClient
from .messages import IncomingMessage, LikeCommentPayload, OutgoingMessage

__all__ = [
    "IncomingMessage",
    "LikeCommentPayload",
    "NewLikeCommentClient",
    "OutgoingMessage",
]
