"""Client for the records channel."""

from pydantic import TypeAdapter

from ..base.client import BaseClient
from .messages import IncomingMessage, OutgoingMessage, SavedMessage


class RecordsClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the records channel at /ws/records."""

    path = "/ws/records"
    incoming_adapter = TypeAdapter[IncomingMessage](IncomingMessage)

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case SavedMessage():
                await self.on_saved(message)

    async def on_saved(self, message: SavedMessage) -> None:
        """Handle a SavedMessage; override this to process it."""
