"""Client for the commentCountChange channel."""

from typing import TypedDict

from pydantic import TypeAdapter

from ..base.client import BaseClient, ReconnectPolicy
from .messages import CommentChangedPayload, IncomingMessage, OutgoingMessage


class CommentCountChangePathParams(TypedDict):
    """Values for the placeholders of comment/{commentId}/changed."""

    commentId: str | int


class CommentCountChangeClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the commentCountChange channel at comment/{commentId}/changed.

    Sends the new count to the broker after it has been updated in the database.
    """

    path = "comment/{commentId}/changed"
    incoming_adapter = TypeAdapter[IncomingMessage](IncomingMessage)

    def __init__(
        self,
        base_url: str | None = None,
        /,
        protocol: str = "ws",
        headers: dict[str, str] | None = None,
        path_params: CommentCountChangePathParams | None = None,
        reconnect: ReconnectPolicy | None = None,
    ) -> None:
        super().__init__(
            base_url,
            protocol=protocol,
            headers=headers,
            path_params=dict(path_params or {}),
            reconnect=reconnect,
        )

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case CommentChangedPayload():
                await self.on_comment_changed_payload(message)

    async def on_comment_changed_payload(self, message: CommentChangedPayload) -> None:
        """Handle a CommentChangedPayload; override this to process it."""
