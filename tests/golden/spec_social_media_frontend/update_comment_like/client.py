"""Client for the updateCommentLike channel."""

from ..base.client import BaseClient
from .messages import IncomingMessage, OutgoingMessage


class UpdateCommentLikeClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the updateCommentLike channel at update/comment/likes.

    Update the UI when the comment likes count is updated.
    """

    path = "update/comment/likes"
    incoming_adapter = None

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server; override this to process it."""
