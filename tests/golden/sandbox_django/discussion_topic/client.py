"""Client for the discussionTopic channel."""

from typing import Annotated, TypedDict

from pydantic import Field, TypeAdapter

from ..base.client import BaseClient
from .messages import IncomingMessage, OutgoingMessage


class DiscussionTopicPathParams(TypedDict):
    """Values for the placeholders of ws/discussion/{pk}/."""

    pk: str | int


class DiscussionTopicClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the discussionTopic channel at ws/discussion/{pk}/.


    WebSocket consumer for discussion topic detail view.

    Handles topic-specific operations like replying, voting, and accepting/unaccepting answers.
    """

    path = "ws/discussion/{pk}/"
    incoming_adapter = TypeAdapter[IncomingMessage](
        Annotated[IncomingMessage, Field(discriminator="action")]
    )
    server_url = "ws://testserver"

    def __init__(
        self,
        base_url: str | None = None,
        /,
        protocol: str = "ws",
        headers: dict[str, str] | None = None,
        path_params: DiscussionTopicPathParams | None = None,
    ) -> None:
        super().__init__(
            base_url,
            protocol=protocol,
            headers=headers,
            path_params=dict(path_params or {}),
        )

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server; override this to process it."""
