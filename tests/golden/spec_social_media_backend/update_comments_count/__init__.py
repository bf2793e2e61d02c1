"""The updateCommentsCount channel: its client and its messages."""

from .client import UpdateCommentsCountClient
from .messages import IncomingMessage, OutgoingMessage, UpdateCommentLikesPayload

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "UpdateCommentLikesPayload",
    "UpdateCommentsCountClient",
]
