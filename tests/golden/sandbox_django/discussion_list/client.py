"""Client for the discussionList channel."""

from typing import Annotated

from pydantic import Field, TypeAdapter

from ..base.client import BaseClient
from .messages import IncomingMessage, OutgoingMessage


class DiscussionListClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the discussionList channel at ws/discussion/.


    WebSocket consumer for discussion topic list view.

    Handles global discussion updates like new topics, votes, and answer acceptance/unacceptance.
    """

    path = "ws/discussion/"
    incoming_adapter = TypeAdapter[IncomingMessage](
        Annotated[IncomingMessage, Field(discriminator="action")]
    )
    server_url = "ws://testserver"

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server; override this to process it."""
