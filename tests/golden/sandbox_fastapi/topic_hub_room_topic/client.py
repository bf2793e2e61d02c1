"""Handle for the topic_hub_room_topic topic."""

from typing import Annotated, Any, cast

from pydantic import Field, TypeAdapter

from ..base.client import replies_of
from ..base.topic_client import BaseTopicConnection, BaseTopicHandle, HandleT
from .messages import (
    EchoMessage,
    IncomingMessage,
    OutgoingMessage,
    PostedMessage,
    RoomEvent,
)


class TopicHubRoomTopicClient(BaseTopicHandle[IncomingMessage, OutgoingMessage]):
    """Handle for the room:{room_name} topic, on the connection of TopicHubClient.

    A chat room, addressed as room:<room_name>.
    """

    pattern = "room:{room_name}"
    incoming_adapter = TypeAdapter[IncomingMessage](
        Annotated[IncomingMessage, Field(discriminator="action")]
    )

    @classmethod
    def attach(
        cls: type[HandleT],
        connection: BaseTopicConnection[Any, Any],
        room_name: str | int,
    ) -> HandleT:
        """This topic's handle on `connection`, as this class or a subclass."""
        return connection.topic(cls, {"room_name": room_name})

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send a message on this topic without waiting for an answer."""
        await super().send_message(message)

    async def request(
        self, message: OutgoingMessage, timeout: float = 10.0
    ) -> IncomingMessage:
        """Send a message on this topic and return the reply that carries its ref."""
        return await super().request(message, timeout)

    async def request_echo(
        self, message: EchoMessage, timeout: float = 10.0
    ) -> PostedMessage:
        """Send a EchoMessage and return its reply: the next PostedMessage."""
        reply = await self._request(message, replies_of(PostedMessage), timeout)
        return cast(PostedMessage, reply)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message pushed on this topic: by default, call the `on_` method of its type."""
        match message:
            case PostedMessage():
                await self.on_posted(message)
            case RoomEvent():
                await self.on_room_event(message)

    async def on_posted(self, message: PostedMessage) -> None:
        """Handle a PostedMessage; override this to process it."""

    async def on_room_event(self, message: RoomEvent) -> None:
        """Handle a RoomEvent; override this to process it."""
