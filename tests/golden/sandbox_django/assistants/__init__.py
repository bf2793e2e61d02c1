"""The assistants channel: its client and its messages."""

from .client import AssistantsClient, AssistantsPathParams
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
    "AssistantsPathParams",
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
