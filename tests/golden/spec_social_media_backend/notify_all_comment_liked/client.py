"""Client for the notifyAllCommentLiked channel."""

from pydantic import TypeAdapter

from ..base.client import BaseClient
from .messages import CommentLikedPayload, IncomingMessage, OutgoingMessage


class NotifyAllCommentLikedClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the notifyAllCommentLiked channel at comment/liked.

    Notify all the services that a comment has been liked.
    """

    path = "comment/liked"
    incoming_adapter = TypeAdapter[IncomingMessage](IncomingMessage)

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case CommentLikedPayload():
                await self.on_comment_liked_payload(message)

    async def on_comment_liked_payload(self, message: CommentLikedPayload) -> None:
        """Handle a CommentLikedPayload; override this to process it."""
