"""Client for the records channel."""

from typing import cast

from pydantic import TypeAdapter

from ..base.client import BaseClient, replies_of
from .messages import IncomingMessage, OutgoingMessage, RecordMessage, SavedMessage


class RecordsClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the records channel at /ws/records."""

    path = "/ws/records"
    incoming_adapter = TypeAdapter[IncomingMessage](IncomingMessage)

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def request_record(
        self, message: RecordMessage, timeout: float = 10.0
    ) -> SavedMessage:
        """Send a RecordMessage and return its reply: the next SavedMessage."""
        reply = await self._request(message, replies_of(SavedMessage), timeout)
        return cast(SavedMessage, reply)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case SavedMessage():
                await self.on_saved(message)

    async def on_saved(self, message: SavedMessage) -> None:
        """Handle a SavedMessage; override this to process it."""
