"""Client for the updateCommentsCount channel."""

from pydantic import TypeAdapter

from ..base.client import BaseClient
from .messages import IncomingMessage, OutgoingMessage, UpdateCommentLikesPayload


class UpdateCommentsCountClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the updateCommentsCount channel at update/comment/likes.

    Update comment likes count in the frontend.
    """

    path = "update/comment/likes"
    incoming_adapter = TypeAdapter[IncomingMessage](IncomingMessage)

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case UpdateCommentLikesPayload():
                await self.on_update_comment_likes_payload(message)

    async def on_update_comment_likes_payload(
        self, message: UpdateCommentLikesPayload
    ) -> None:
        """Handle a UpdateCommentLikesPayload; override this to process it."""
