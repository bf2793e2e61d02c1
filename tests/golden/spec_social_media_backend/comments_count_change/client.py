"""Client for the commentsCountChange channel."""

from ..base.client import BaseClient
from .messages import IncomingMessage, OutgoingMessage


class CommentsCountChangeClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the commentsCountChange channel at comment/{commentId}/changed.

    When an event from the broker arrives telling us to update the comment likes count on the frontend.
    """

    path = "comment/{commentId}/changed"
    incoming_adapter = None

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server; override this to process it."""
