"""Client for the userSignedup channel."""

from pydantic import TypeAdapter

from ..base.client import BaseClient
from .messages import IncomingMessage, OutgoingMessage, UserSignedUp


class UserSignedupClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the userSignedup channel at user/signedup."""

    path = "user/signedup"
    incoming_adapter = TypeAdapter[IncomingMessage](IncomingMessage)

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case UserSignedUp():
                await self.on_user_signed_up(message)

    async def on_user_signed_up(self, message: UserSignedUp) -> None:
        """Handle a UserSignedUp; override this to process it."""
