"""Messages and models shared by two or more channels."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, StrictStr


class ChatPayload(BaseModel):
    model_config = ConfigDict(extra="allow")
    message: StrictStr


class ChatNotificationMessage(BaseModel):
    """Chat notification message."""

    model_config = ConfigDict(extra="allow")
    action: Literal["chat_notification"] = "chat_notification"
    payload: ChatPayload


class PingMessage(BaseModel):
    """Simple ping message to check WebSocket connection status."""

    model_config = ConfigDict(extra="allow")
    action: Literal["ping"] = "ping"
    payload: None = None


class PongMessage(BaseModel):
    """Simple pong message response to ping requests."""

    model_config = ConfigDict(extra="allow")
    action: Literal["pong"] = "pong"
    payload: None = None
