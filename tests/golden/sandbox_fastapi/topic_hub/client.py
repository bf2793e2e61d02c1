"""Client for the topic_hub channel."""

from pydantic import TypeAdapter

from ..base.client import BaseClient
from .messages import IncomingMessage, OutgoingMessage


class TopicHubClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the topic_hub channel at /ws/topics.

    Several topics multiplexed over a single connection
    """

    path = "/ws/topics"
    incoming_adapter = TypeAdapter[IncomingMessage](IncomingMessage)
    server_url = "ws://testserver"

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server; override this to process it."""
