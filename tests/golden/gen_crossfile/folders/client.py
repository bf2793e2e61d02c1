"""Client for the folders channel."""

from pydantic import TypeAdapter

from ..base.client import BaseClient
from .messages import Envelope, IncomingMessage, OutgoingMessage


class FoldersClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the folders channel at /ws/folders."""

    path = "/ws/folders"
    incoming_adapter = TypeAdapter[IncomingMessage](IncomingMessage)

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case Envelope():
                await self.on_envelope(message)

    async def on_envelope(self, message: Envelope) -> None:
        """Handle a Envelope; override this to process it."""
