"""Client for the commentLiked channel."""

from ..base.client import BaseClient
from .messages import IncomingMessage, OutgoingMessage


class CommentLikedClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the commentLiked channel at comment/liked.

    When a "comment has been liked" message is received, it sends an SMS or push notification to the author.
    """

    path = "comment/liked"
    incoming_adapter = None

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server; override this to process it."""
