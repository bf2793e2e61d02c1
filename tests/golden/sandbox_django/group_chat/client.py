"""Client for the groupChat channel."""

from typing import Annotated, cast

from pydantic import Field, TypeAdapter

from ..base.client import BaseClient, replies_of
from .messages import (
    AddedToGroupMessage,
    GroupChatUpdatedMessage,
    IncomingMessage,
    OutgoingMessage,
    PingMessage,
    PongMessage,
    RemovedFromGroupMessage,
)


class GroupChatClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the groupChat channel at ws/chat/group/.


    WebSocket consumer for group chat updates.
    """

    path = "ws/chat/group/"
    incoming_adapter = TypeAdapter[IncomingMessage](
        Annotated[IncomingMessage, Field(discriminator="action")]
    )
    server_url = "ws://testserver"

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def request_ping(
        self, message: PingMessage, timeout: float = 10.0
    ) -> PongMessage:
        """Send a PingMessage and return its reply: the next PongMessage."""
        reply = await self._request(message, replies_of(PongMessage), timeout)
        return cast(PongMessage, reply)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case AddedToGroupMessage():
                await self.on_added_to_group(message)
            case GroupChatUpdatedMessage():
                await self.on_group_chat_updated(message)
            case PongMessage():
                await self.on_pong(message)
            case RemovedFromGroupMessage():
                await self.on_removed_from_group(message)

    async def on_added_to_group(self, message: AddedToGroupMessage) -> None:
        """Handle a AddedToGroupMessage; override this to process it."""

    async def on_group_chat_updated(self, message: GroupChatUpdatedMessage) -> None:
        """Handle a GroupChatUpdatedMessage; override this to process it."""

    async def on_pong(self, message: PongMessage) -> None:
        """Handle a PongMessage; override this to process it."""

    async def on_removed_from_group(self, message: RemovedFromGroupMessage) -> None:
        """Handle a RemovedFromGroupMessage; override this to process it."""
