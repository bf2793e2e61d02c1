"""The userSignedup channel: its client and its messages."""

from .client import UserSignedupClient
from .messages import IncomingMessage, OutgoingMessage, UserSignedUp

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "UserSignedUp",
    "UserSignedupClient",
]
