"""Client for the room_chat channel."""

from typing import Annotated, TypedDict, cast

from pydantic import Field, TypeAdapter

from ..base.client import BaseClient, ReconnectPolicy, replies_of
from .messages import (
    IncomingMessage,
    OutgoingMessage,
    PingMessage,
    PongMessage,
    RoomChatMessage,
    RoomNotificationMessage,
)


class RoomChatPathParams(TypedDict):
    """Values for the placeholders of /ws/room/{room_name}."""

    room_name: str | int


class RoomChatClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the room_chat channel at /ws/room/{room_name}.

    Room Chat Consumer - Dynamic room-based messaging
    """

    path = "/ws/room/{room_name}"
    incoming_adapter = TypeAdapter[IncomingMessage](
        Annotated[IncomingMessage, Field(discriminator="action")]
    )
    server_url = "ws://127.0.0.1"

    def __init__(
        self,
        base_url: str | None = None,
        /,
        protocol: str = "ws",
        headers: dict[str, str] | None = None,
        path_params: RoomChatPathParams | None = None,
        reconnect: ReconnectPolicy | None = None,
    ) -> None:
        super().__init__(
            base_url,
            protocol=protocol,
            headers=headers,
            path_params=dict(path_params or {}),
            reconnect=reconnect,
        )

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def request_room_chat(
        self, message: RoomChatMessage, timeout: float = 10.0
    ) -> RoomNotificationMessage:
        """Send a RoomChatMessage and return its reply: the next RoomNotificationMessage."""
        reply = await self._request(
            message, replies_of(RoomNotificationMessage), timeout
        )
        return cast(RoomNotificationMessage, reply)

    async def request_ping(
        self, message: PingMessage, timeout: float = 10.0
    ) -> PongMessage:
        """Send a PingMessage and return its reply: the next PongMessage."""
        reply = await self._request(message, replies_of(PongMessage), timeout)
        return cast(PongMessage, reply)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case PongMessage():
                await self.on_pong(message)
            case RoomNotificationMessage():
                await self.on_room_notification(message)

    async def on_pong(self, message: PongMessage) -> None:
        """Handle a PongMessage; override this to process it."""

    async def on_room_notification(self, message: RoomNotificationMessage) -> None:
        """Handle a RoomNotificationMessage; override this to process it."""
