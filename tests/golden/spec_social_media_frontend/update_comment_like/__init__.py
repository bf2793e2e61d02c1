"""The updateCommentLike channel: its client and its messages."""

from .client import UpdateCommentLikeClient
from .messages import IncomingMessage, OutgoingMessage, UpdateCommentLikesPayload

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "UpdateCommentLikeClient",
    "UpdateCommentLikesPayload",
]
