"""Client for the notifications channel."""

from typing import Annotated, cast

from pydantic import Field, TypeAdapter

from ..base.client import BaseClient, replies_of
from .messages import (
    IncomingMessage,
    NotificationBroadcastMessage,
    NotificationMessage,
    OutgoingMessage,
    PingMessage,
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

    async def request_notification(
        self, message: NotificationMessage, timeout: float = 10.0
    ) -> NotificationBroadcastMessage:
        """Send a NotificationMessage and return its reply: the next NotificationBroadcastMessage."""
        reply = await self._request(
            message, replies_of(NotificationBroadcastMessage), timeout
        )
        return cast(NotificationBroadcastMessage, reply)

    async def request_ping(
        self, message: PingMessage, timeout: float = 10.0
    ) -> PongMessage:
        """Send a PingMessage and return its reply: the next PongMessage."""
        reply = await self._request(message, replies_of(PongMessage), timeout)
        return cast(PongMessage, reply)

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
