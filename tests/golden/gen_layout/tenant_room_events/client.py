"""Client for the tenantRoomEvents channel."""

from pydantic import TypeAdapter

from ..base.client import BaseClient
from .messages import IncomingMessage, OutgoingMessage


class TenantRoomEventsClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the tenantRoomEvents channel at /ws/{tenant}/rooms/{room-id}.

    Events of one room of one tenant.
    """

    path = "/ws/{tenant}/rooms/{room-id}"
    incoming_adapter = TypeAdapter[IncomingMessage](IncomingMessage)

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server; override this to process it."""
