"""Client for the commentsCountChange channel."""

from typing import TypedDict

from ..base.client import BaseClient, ReconnectPolicy
from .messages import IncomingMessage, OutgoingMessage


class CommentsCountChangePathParams(TypedDict):
    """Values for the placeholders of comment/{commentId}/changed."""

    commentId: str | int


class CommentsCountChangeClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the commentsCountChange channel at comment/{commentId}/changed.

    When an event from the broker arrives telling us to update the comment likes count on the frontend.
    """

    path = "comment/{commentId}/changed"
    incoming_adapter = None

    def __init__(
        self,
        base_url: str | None = None,
        /,
        protocol: str = "ws",
        headers: dict[str, str] | None = None,
        path_params: CommentsCountChangePathParams | None = None,
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
        """Handle a message from the server; override this to process it."""
