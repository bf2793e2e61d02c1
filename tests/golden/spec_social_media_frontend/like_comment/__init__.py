"""The likeComment channel: its client and its messages."""

from .client import LikeCommentClient
from .messages import IncomingMessage, LikeCommentPayload, OutgoingMessage

__all__ = [
    "IncomingMessage",
    "LikeCommentClient",
    "LikeCommentPayload",
    "OutgoingMessage",
]
