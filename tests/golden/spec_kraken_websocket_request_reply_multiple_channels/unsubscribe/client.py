"""Client for the unsubscribe channel."""

from typing import cast

from pydantic import TypeAdapter

from ..base.client import BaseClient, correlated_replies
from .messages import (
    DummyCurrencyInfo,
    Heartbeat,
    IncomingMessage,
    OutgoingMessage,
    Pong,
    SubscriptionStatus,
    SystemStatus,
    Unsubscribe,
)


class UnsubscribeClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the unsubscribe channel at /."""

    path = "/"
    incoming_adapter = TypeAdapter[IncomingMessage](IncomingMessage)

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def request_unsubscribe(
        self, message: Unsubscribe, timeout: float = 10.0
    ) -> SubscriptionStatus:
        """Send a Unsubscribe and return its reply: the SubscriptionStatus whose /reqid equals the request's /reqid."""
        reply = await self._request(
            message,
            correlated_replies(message, "/reqid", "/reqid", SubscriptionStatus),
            timeout,
        )
        return cast(SubscriptionStatus, reply)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case DummyCurrencyInfo():
                await self.on_dummy_currency_info(message)
            case Heartbeat():
                await self.on_heartbeat(message)
            case Pong():
                await self.on_pong(message)
            case SubscriptionStatus():
                await self.on_subscription_status(message)
            case SystemStatus():
                await self.on_system_status(message)

    async def on_dummy_currency_info(self, message: DummyCurrencyInfo) -> None:
        """Handle a DummyCurrencyInfo; override this to process it."""

    async def on_heartbeat(self, message: Heartbeat) -> None:
        """Handle a Heartbeat; override this to process it."""

    async def on_pong(self, message: Pong) -> None:
        """Handle a Pong; override this to process it."""

    async def on_subscription_status(self, message: SubscriptionStatus) -> None:
        """Handle a SubscriptionStatus; override this to process it."""

    async def on_system_status(self, message: SystemStatus) -> None:
        """Handle a SystemStatus; override this to process it."""
