"""Client for the commentCountChange channel."""

from pydantic import TypeAdapter

from ..base.client import BaseClient
from .messages import IncomingMessage, OutgoingMessage


class CommentCountChangeClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the commentCountChange channel at comment/{commentId}/changed.

    Sends the new count to the broker after it has been updated in the database.
    """

    path = "comment/{commentId}/changed"
    incoming_adapter = TypeAdapter[IncomingMessage](IncomingMessage)

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server; override this to process it."""
