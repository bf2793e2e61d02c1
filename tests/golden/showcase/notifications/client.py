"""Client for the notifications channel."""

from typing import Annotated

from pydantic import Field, TypeAdapter

from ..base.client import BaseClient
from .messages import (
    IncomingMessage,
    NotificationBroadcastMessage,
    OutgoingMessage,
    PongMessage,
)


class NotificationsClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the notifications channel at /ws/notifications.

    Notification Consumer for real-time notifications
    """

    path = "/ws/notifications"
    incoming_adapter = TypeAdapter[IncomingMessage](
        Annotated[IncomingMessage, Field(discriminator="action")]
    )
    server_url = "ws://127.0.0.1"

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case NotificationBroadcastMessage():
                await self.on_notification_broadcast(message)
            case PongMessage():
                await self.on_pong(message)

    async def on_notification_broadcast(
        self, message: NotificationBroadcastMessage
    ) -> None:
        """Handle a NotificationBroadcastMessage; override this to process it."""

    async def on_pong(self, message: PongMessage) -> None:
        """Handle a PongMessage; override this to process it."""
