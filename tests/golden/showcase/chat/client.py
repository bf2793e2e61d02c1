"""Client for the chat channel."""

from typing import Annotated

from pydantic import Field, TypeAdapter

from ..base.client import BaseClient
from .messages import (
    ChatNotificationMessage,
    IncomingMessage,
    OutgoingMessage,
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
