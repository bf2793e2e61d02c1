"""Client for the shapes channel."""

from pydantic import TypeAdapter

from ..base.client import BaseClient
from .messages import (
    Checked,
    IncomingMessage,
    OptionalAction,
    OutgoingMessage,
    Refused,
    Shape,
)


class ShapesClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the shapes channel at /ws/shapes."""

    path = "/ws/shapes"
    incoming_adapter = TypeAdapter[IncomingMessage](IncomingMessage)

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case Checked():
                await self.on_checked(message)
            case OptionalAction():
                await self.on_optional_action(message)
            case Refused():
                await self.on_refused(message)
            case Shape():
                await self.on_shape(message)

    async def on_checked(self, message: Checked) -> None:
        """Handle a Checked; override this to process it."""

    async def on_optional_action(self, message: OptionalAction) -> None:
        """Handle a OptionalAction; override this to process it."""

    async def on_refused(self, message: Refused) -> None:
        """Handle a Refused; override this to process it."""

    async def on_shape(self, message: Shape) -> None:
        """Handle a Shape; override this to process it."""
