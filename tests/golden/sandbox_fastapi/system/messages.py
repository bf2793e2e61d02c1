"""Messages of the system channel."""

from typing import Literal, TypeAlias

from pydantic import BaseModel

from ..shared.messages import PingMessage, PongMessage


class MessagePayload(BaseModel):
    message: str


class SystemEchoMessage(BaseModel):
    """System echo response message."""

    action: Literal["system_echo"] = "system_echo"
    payload: MessagePayload


class UserMessage(BaseModel):
    """System message for direct communication."""

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
