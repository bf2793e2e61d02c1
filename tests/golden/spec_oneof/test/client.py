"""Client for the test channel."""

from ..base.client import BaseClient
from .messages import IncomingMessage, OutgoingMessage


class TestClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the test channel at test."""

    path = "test"
    incoming_adapter = None

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server; override this to process it."""
