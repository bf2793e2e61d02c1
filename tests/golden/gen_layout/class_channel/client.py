"""Client for the class channel."""

from pydantic import TypeAdapter

from ..base.client import BaseClient
from .messages import Announcement, IncomingMessage, OutgoingMessage


class ClassClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the class channel at /ws/class."""

    path = "/ws/class"
    incoming_adapter = TypeAdapter[IncomingMessage](IncomingMessage)

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case Announcement():
                await self.on_announcement(message)

    async def on_announcement(self, message: Announcement) -> None:
        """Handle a Announcement; override this to process it."""
