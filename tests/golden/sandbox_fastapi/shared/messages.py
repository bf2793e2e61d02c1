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


class PostPayload(BaseModel):
    model_config = ConfigDict(extra="allow")
    body: StrictStr
    author: StrictStr = "anonymous"


class EchoMessage(BaseModel):
    """Ask for an acknowledgement without broadcasting."""

    model_config = ConfigDict(extra="allow")
    action: Literal["echo"] = "echo"
    payload: PostPayload


class ExtraResponseMessage(BaseModel):
    """Extra response message returned by handler mixins."""

    model_config = ConfigDict(extra="allow")
    action: Literal["extra_response"] = "extra_response"
    payload: StrictStr


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


class PostMessage(BaseModel):
    """Post something to a room."""

    model_config = ConfigDict(extra="allow")
    action: Literal["post"] = "post"
    payload: PostPayload


class PostedMessage(BaseModel):
    """Confirm a post."""

    model_config = ConfigDict(extra="allow")
    action: Literal["posted"] = "posted"
    payload: PostPayload


class RoomEvent(BaseModel):
    """Something happened in a room."""

    model_config = ConfigDict(extra="allow")
    action: Literal["room_event"] = "room_event"
    payload: PostPayload
