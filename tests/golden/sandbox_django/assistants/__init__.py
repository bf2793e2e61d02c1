"""The assistants channel: its client and its messages."""

from ..shared.messages import PingMessage, PongMessage
from .client import AssistantsClient
from .messages import (
    AssistantErrorMessage,
    CompleteStreamingMessage,
    ErrorPayload,
    IncomingMessage,
    NewAssistantMessage,
    OutgoingMessage,
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
