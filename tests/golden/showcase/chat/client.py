"""Client for the chat channel."""

from typing import Annotated, cast

from pydantic import Field, TypeAdapter

from ..base.client import BaseClient, replies_of
from .messages import (
    ChatMessage,
    ChatNotificationMessage,
    IncomingMessage,
    OutgoingMessage,
    PingMessage,
    PongMessage,
)


class ChatClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the chat channel at /ws/chat.

    Basic Chat Consumer using centralized chat layer
    """

    path = "/ws/chat"
    incoming_adapter = TypeAdapter[IncomingMessage](
        Annotated[IncomingMessage, Field(discriminator="action")]
    )
    server_url = "ws://127.0.0.1"

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def request_chat(
        self, message: ChatMessage, timeout: float = 10.0
    ) -> ChatNotificationMessage:
        """Send a ChatMessage and return its reply: the next ChatNotificationMessage."""
        reply = await self._request(
            message, replies_of(ChatNotificationMessage), timeout
        )
        return cast(ChatNotificationMessage, reply)

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

    async def on_chat_notification(self, message: ChatNotificationMessage) -> None:
        """Handle a ChatNotificationMessage; override this to process it."""

    async def on_pong(self, message: PongMessage) -> None:
        """Handle a PongMessage; override this to process it."""
