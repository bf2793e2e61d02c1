"""The background_jobs channel: its client and its messages."""

from ..shared.messages import ExtraResponseMessage, PingMessage, PongMessage
from .client import BackgroundJobsClient
from .messages import (
    IncomingMessage,
    JobMessage,
    JobPayload,
    JobStatusMessage,
    OutgoingMessage,
)

__all__ = [
    "BackgroundJobsClient",
    "ExtraResponseMessage",
    "IncomingMessage",
    "JobMessage",
    "JobPayload",
    "JobStatusMessage",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
]
