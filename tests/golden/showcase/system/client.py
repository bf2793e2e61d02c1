"""Client for the system channel."""

from typing import Annotated, cast

from pydantic import Field, TypeAdapter

from ..base.client import BaseClient, replies_of
from .messages import (
    IncomingMessage,
    OutgoingMessage,
    PingMessage,
    PongMessage,
    SystemEchoMessage,
    UserMessage,
)


class SystemClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the system channel at /ws/system.

    System Messages Consumer - Direct WebSocket without channel layers
    """

    path = "/ws/system"
    incoming_adapter = TypeAdapter[IncomingMessage](
        Annotated[IncomingMessage, Field(discriminator="action")]
    )
    server_url = "ws://127.0.0.1"

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def request_user(
        self, message: UserMessage, timeout: float = 10.0
    ) -> SystemEchoMessage:
        """Send a UserMessage and return its reply: the next SystemEchoMessage."""
        reply = await self._request(message, replies_of(SystemEchoMessage), timeout)
        return cast(SystemEchoMessage, reply)

    async def request_ping(
        self, message: PingMessage, timeout: float = 10.0
    ) -> PongMessage:
        """Send a PingMessage and return its reply: the next PongMessage."""
        reply = await self._request(message, replies_of(PongMessage), timeout)
        return cast(PongMessage, reply)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case PongMessage():
                await self.on_pong(message)
            case SystemEchoMessage():
                await self.on_system_echo(message)

    async def on_pong(self, message: PongMessage) -> None:
        """Handle a PongMessage; override this to process it."""

    async def on_system_echo(self, message: SystemEchoMessage) -> None:
        """Handle a SystemEchoMessage; override this to process it."""
