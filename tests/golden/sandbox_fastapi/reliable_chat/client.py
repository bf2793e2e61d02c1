"""Client for the reliable_chat channel."""

from typing import Annotated, cast

from pydantic import Field, TypeAdapter

from ..base.client import BaseClient, replies_of
from .messages import (
    ChatNotificationMessage,
    IncomingMessage,
    OutgoingMessage,
    PingMessage,
    PongMessage,
    ReliableChatMessage,
    ReliableChatNotificationMessage,
)


class ReliableChatClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the reliable_chat channel at /ws/reliable.

    Reliable Chat Consumer using queue-based layer
    """

    path = "/ws/reliable"
    incoming_adapter = TypeAdapter[IncomingMessage](
        Annotated[IncomingMessage, Field(discriminator="action")]
    )
    server_url = "ws://testserver"

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def request_reliable_chat(
        self, message: ReliableChatMessage, timeout: float = 10.0
    ) -> ReliableChatNotificationMessage:
        """Send a ReliableChatMessage and return its reply: the next ReliableChatNotificationMessage."""
        reply = await self._request(
            message, replies_of(ReliableChatNotificationMessage), timeout
        )
        return cast(ReliableChatNotificationMessage, reply)

    async def request_ping(
        self, message: PingMessage, timeout: float = 10.0
    ) -> PongMessage:
        """Send a PingMessage and return its reply: the next PongMessage."""
        reply = await self._request(message, replies_of(PongMessage), timeout)
        return cast(PongMessage, reply)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case ChatNotificationMessage():
                await self.on_chat_notification(message)
            case PongMessage():
                await self.on_pong(message)
            case ReliableChatNotificationMessage():
                await self.on_reliable_chat_notification(message)

    async def on_chat_notification(self, message: ChatNotificationMessage) -> None:
        """Handle a ChatNotificationMessage; override this to process it."""

    async def on_pong(self, message: PongMessage) -> None:
        """Handle a PongMessage; override this to process it."""

    async def on_reliable_chat_notification(
        self, message: ReliableChatNotificationMessage
    ) -> None:
        """Handle a ReliableChatNotificationMessage; override this to process it."""
