"""Client for the currencyInfo channel."""

from pydantic import TypeAdapter

from ..base.client import BaseClient
from .messages import IncomingMessage, OutgoingMessage


class CurrencyInfoClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the currencyInfo channel at /."""

    path = "/"
    incoming_adapter = TypeAdapter[IncomingMessage](IncomingMessage)

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server; override this to process it."""
