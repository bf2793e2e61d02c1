"""Client for the test2 channel."""

from pydantic import TypeAdapter

from ..base.client import BaseClient
from .messages import IncomingMessage, ObjectWithKey, ObjectWithKey2, OutgoingMessage


class Test2Client(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the test2 channel at test2."""

    path = "test2"
    incoming_adapter = TypeAdapter[IncomingMessage](IncomingMessage)

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case ObjectWithKey():
                await self.on_object_with_key(message)
            case ObjectWithKey2():
                await self.on_object_with_key2(message)

    async def on_object_with_key(self, message: ObjectWithKey) -> None:
        """Handle a ObjectWithKey; override this to process it."""

    async def on_object_with_key2(self, message: ObjectWithKey2) -> None:
        """Handle a ObjectWithKey2; override this to process it."""
