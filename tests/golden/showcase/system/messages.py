"""Messages of the system channel."""

from typing import Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, StrictStr

from ..shared.messages import PingMessage, PongMessage


class MessagePayload(BaseModel):
    model_config = ConfigDict(extra="allow")
    message: StrictStr


class SystemEchoMessage(BaseModel):
    """System echo response message."""

    model_config = ConfigDict(extra="allow")
    action: Literal["system_echo"] = "system_echo"
    payload: MessagePayload


class UserMessage(BaseModel):
    """System message for direct communication."""

    model_config = ConfigDict(extra="allow")
    action: Literal["user_message"] = "user_message"
    payload: MessagePayload


IncomingMessage: TypeAlias = PongMessage | SystemEchoMessage
OutgoingMessage: TypeAlias = PingMessage | UserMessage

__all__ = [
    "IncomingMessage",
    "MessagePayload",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
    "SystemEchoMessage",
    "UserMessage",
]
