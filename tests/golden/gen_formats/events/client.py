"""Client for the events channel."""

from pydantic import TypeAdapter

from ..base.client import BaseClient
from .messages import IncomingMessage, OrderPlaced, OutgoingMessage, Ping, UserSignedUp


class EventsClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the events channel at /ws/events."""

    path = "/ws/events"
    incoming_adapter = TypeAdapter[IncomingMessage](IncomingMessage)

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case Ping():
                await self.on_ping(message)
            case OrderPlaced():
                await self.on_order_placed(message)
            case UserSignedUp():
                await self.on_user_signed_up(message)

    async def on_ping(self, message: Ping) -> None:
        """Handle a Ping; override this to process it."""

    async def on_order_placed(self, message: OrderPlaced) -> None:
        """Handle a OrderPlaced; override this to process it."""

    async def on_user_signed_up(self, message: UserSignedUp) -> None:
        """Handle a UserSignedUp; override this to process it."""
