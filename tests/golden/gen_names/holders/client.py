"""Client for the holders channel."""

from typing import TypedDict

from pydantic import TypeAdapter

from ..base.client import BaseClient, ReconnectPolicy
from .messages import Holder, IncomingMessage, OutgoingMessage


class HoldersPathParams(TypedDict):
    """Values for the placeholders of /ws/holders/{type}."""

    type: str | int


class HoldersClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the holders channel at /ws/holders/{type}."""

    path = "/ws/holders/{type}"
    incoming_adapter = TypeAdapter[IncomingMessage](IncomingMessage)

    def __init__(
        self,
        base_url: str | None = None,
        /,
        protocol: str = "ws",
        headers: dict[str, str] | None = None,
        path_params: HoldersPathParams | None = None,
        reconnect: ReconnectPolicy | None = None,
    ) -> None:
        super().__init__(
            base_url,
            protocol=protocol,
            headers=headers,
            path_params=dict(path_params or {}),
            reconnect=reconnect,
        )

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case Holder():
                await self.on_holder(message)

    async def on_holder(self, message: Holder) -> None:
        """Handle a Holder; override this to process it."""
