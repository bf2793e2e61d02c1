"""Messages of the assistants channel."""

from typing import Any, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, StrictBool, StrictStr

from ..base.json_schema import JsonInt
from ..shared.messages import PingMessage, PongMessage


class ErrorPayload(BaseModel):
    model_config = ConfigDict(extra="allow")
    content: StrictStr
    messageId: StrictStr


class AssistantErrorMessage(BaseModel):
    """Error message from assistant."""

    model_config = ConfigDict(extra="allow")
    action: Literal["assistant_error"] = "assistant_error"
    payload: ErrorPayload


class StreamingPayload(BaseModel):
    model_config = ConfigDict(extra="allow")
    content: StrictStr
    isComplete: StrictBool = False
    messageId: JsonInt


class CompleteStreamingMessage(BaseModel):
    """Streaming message chunk from assistant."""

    model_config = ConfigDict(extra="allow")
    action: Literal["complete_streaming"] = "complete_streaming"
    payload: StreamingPayload


class NewAssistantMessage(BaseModel):
    """New assistant message (user or AI)."""

    model_config = ConfigDict(extra="allow")
    action: Literal["new_assistant_message"] = "new_assistant_message"
    payload: dict[str, Any]


class StreamingMessage(BaseModel):
    """Streaming message chunk from assistant."""

    model_config = ConfigDict(extra="allow")
    action: Literal["streaming"] = "streaming"
    payload: StreamingPayload


IncomingMessage: TypeAlias = (
    AssistantErrorMessage
    | CompleteStreamingMessage
    | NewAssistantMessage
    | PongMessage
    | StreamingMessage
)
OutgoingMessage: TypeAlias = PingMessage

__all__ = [
    "AssistantErrorMessage",
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
