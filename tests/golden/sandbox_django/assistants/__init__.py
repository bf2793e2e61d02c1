"""The assistants channel: its client and its messages."""

from .client import AssistantsClient
from .messages import (
    AssistantErrorMessage,
    CompleteStreamingMessage,
    ErrorPayload,
    IncomingMessage,
    NewAssistantMessage,
    OutgoingMessage,
    PingMessage,
    PongMessage,
    StreamingMessage,
    StreamingPayload,
)

__all__ = [
    "AssistantErrorMessage",
    "AssistantsClient",
    "CompleteStreamingMessage",
    "ErrorPayload",
    "IncomingMessage",
    "NewAssistantMessage",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
    "StreamingMessage",
    "StreamingPayload",
]
