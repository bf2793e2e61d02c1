"""Client for the likeComment channel."""

from pydantic import TypeAdapter

from ..base.client import BaseClient
from .messages import IncomingMessage, LikeCommentPayload, OutgoingMessage


class LikeCommentClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the likeComment channel at like/comment.

    Notify the backend that a comment has been liked.
    """

    path = "like/comment"
    incoming_adapter = TypeAdapter[IncomingMessage](IncomingMessage)

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case LikeCommentPayload():
                await self.on_like_comment_payload(message)

    async def on_like_comment_payload(self, message: LikeCommentPayload) -> None:
        """Handle a LikeCommentPayload; override this to process it."""
