"""Client for the loose channel."""

from pydantic import TypeAdapter

from ..base.client import BaseClient
from .messages import IncomingMessage, Loose, OutgoingMessage


class LooseClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the loose channel at /ws/loose."""

    path = "/ws/loose"
    incoming_adapter = TypeAdapter[IncomingMessage](IncomingMessage)

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case Loose():
                await self.on_loose(message)

    async def on_loose(self, message: Loose) -> None:
        """Handle a Loose; override this to process it."""
