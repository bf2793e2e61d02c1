"""Client for the analytics channel."""

from typing import Annotated, cast

from pydantic import Field, TypeAdapter

from ..base.client import BaseClient, replies_of
from .messages import (
    AnalyticsMessage,
    AnalyticsNotificationMessage,
    IncomingMessage,
    OutgoingMessage,
    PingMessage,
    PongMessage,
)


class AnalyticsClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the analytics channel at /ws/analytics.

    Analytics Consumer for reliable event delivery
    """

    path = "/ws/analytics"
    incoming_adapter = TypeAdapter[IncomingMessage](
        Annotated[IncomingMessage, Field(discriminator="action")]
    )
    server_url = "ws://testserver"

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def request_ping(
        self, message: PingMessage, timeout: float = 10.0
    ) -> PongMessage:
        """Send a PingMessage and return its reply: the next PongMessage."""
        reply = await self._request(message, replies_of(PongMessage), timeout)
        return cast(PongMessage, reply)

    async def request_analytics(
        self, message: AnalyticsMessage, timeout: float = 10.0
    ) -> AnalyticsNotificationMessage:
        """Send a AnalyticsMessage and return its reply: the next AnalyticsNotificationMessage."""
        reply = await self._request(
            message, replies_of(AnalyticsNotificationMessage), timeout
        )
        return cast(AnalyticsNotificationMessage, reply)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case AnalyticsNotificationMessage():
                await self.on_analytics_notification(message)
            case PongMessage():
                await self.on_pong(message)

    async def on_analytics_notification(
        self, message: AnalyticsNotificationMessage
    ) -> None:
        """Handle a AnalyticsNotificationMessage; override this to process it."""

    async def on_pong(self, message: PongMessage) -> None:
        """Handle a PongMessage; override this to process it."""
