"""Client for the topic_hub_room_topic channel."""

from typing import Annotated

from pydantic import Field, TypeAdapter

from ..base.client import BaseClient
from .messages import IncomingMessage, OutgoingMessage


class TopicHubRoomTopicClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the topic_hub_room_topic channel at /ws/topics.

    A chat room, addressed as room:<room_name>.
    """

    path = "/ws/topics"
    incoming_adapter = TypeAdapter[IncomingMessage](
        Annotated[IncomingMessage, Field(discriminator="action")]
    )
    server_url = "ws://testserver"

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server; override this to process it."""
