"""Client for the chat channel."""

from typing import Annotated

from pydantic import Field, TypeAdapter

from ..base.client import BaseClient
from .messages import IncomingMessage, OutgoingMessage


class ChatClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the chat channel at /ws/chat.

    Basic Chat Consumer using centralized chat layer
    """

    path = "/ws/chat"
    incoming_adapter = TypeAdapter[IncomingMessage](
        Annotated[IncomingMessage, Field(discriminator="action")]
    )
    server_url = "ws://testserver"

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server; override this to process it."""
