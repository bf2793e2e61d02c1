"""The background_jobs channel: its client and its messages."""

from .client import BackgroundJobsClient
from .messages import (
    IncomingMessage,
    JobMessage,
    JobPayload,
    JobStatusMessage,
    OutgoingMessage,
    PingMessage,
    PongMessage,
)

__all__ = [
    "BackgroundJobsClient",
    "IncomingMessage",
    "JobMessage",
    "JobPayload",
    "JobStatusMessage",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
]
