"""Client for the folders channel."""

from pydantic import TypeAdapter

from ..base.client import BaseClient
from .messages import IncomingMessage, OutgoingMessage


class FoldersClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the folders channel at /ws/folders."""

    path = "/ws/folders"
    incoming_adapter = TypeAdapter[IncomingMessage](IncomingMessage)

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server; override this to process it."""
