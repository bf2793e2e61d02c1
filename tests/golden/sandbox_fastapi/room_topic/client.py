"""Client for the room_topic channel."""

from typing import Annotated, TypedDict, cast

from pydantic import Field, TypeAdapter

from ..base.client import BaseClient, ReconnectPolicy, replies_of
from .messages import (
    EchoMessage,
    IncomingMessage,
    OutgoingMessage,
    PostedMessage,
    RoomEvent,
)


class RoomTopicPathParams(TypedDict):
    """Values for the placeholders of /ws/topics/room/{room_name}."""

    room_name: str | int


class RoomTopicClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the room_topic channel at /ws/topics/room/{room_name}.

    A chat room, addressed as room:<room_name>.
    """

    path = "/ws/topics/room/{room_name}"
    incoming_adapter = TypeAdapter[IncomingMessage](
        Annotated[IncomingMessage, Field(discriminator="action")]
    )
    server_url = "ws://testserver"

    def __init__(
        self,
        base_url: str | None = None,
        /,
        protocol: str = "ws",
        headers: dict[str, str] | None = None,
        path_params: RoomTopicPathParams | None = None,
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

    async def request_echo(
        self, message: EchoMessage, timeout: float = 10.0
    ) -> PostedMessage:
        """Send a EchoMessage and return its reply: the next PostedMessage."""
        reply = await self._request(message, replies_of(PostedMessage), timeout)
        return cast(PostedMessage, reply)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case PostedMessage():
                await self.on_posted(message)
            case RoomEvent():
                await self.on_room_event(message)

    async def on_posted(self, message: PostedMessage) -> None:
        """Handle a PostedMessage; override this to process it."""

    async def on_room_event(self, message: RoomEvent) -> None:
        """Handle a RoomEvent; override this to process it."""
