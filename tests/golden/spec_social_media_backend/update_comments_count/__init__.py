"""The updateCommentsCount channel: its client and its messages."""

from .client import UpdateCommentsCountClient
from .messages import IncomingMessage, OutgoingMessage, UpdateCommentLikes

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "UpdateCommentLikes",
    "UpdateCommentsCountClient",
]
