"""Client for the tenantRoomEvents channel."""

from typing import TypedDict, cast

from pydantic import TypeAdapter

from ..base.client import BaseClient, ReconnectPolicy, replies_of
from .messages import IncomingMessage, OutgoingMessage, TreeMessage, UpdateMessage

TenantRoomEventsPathParams = TypedDict(
    "TenantRoomEventsPathParams",
    {
        "tenant": str | int,
        "room-id": str | int,
    },
)


class TenantRoomEventsClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the tenantRoomEvents channel at /ws/{tenant}/rooms/{room-id}.

    Events of one room of one tenant.
    """

    path = "/ws/{tenant}/rooms/{room-id}"
    incoming_adapter = TypeAdapter[IncomingMessage](IncomingMessage)

    def __init__(
        self,
        base_url: str | None = None,
        /,
        protocol: str = "ws",
        headers: dict[str, str] | None = None,
        path_params: TenantRoomEventsPathParams | None = None,
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

    async def request_update(
        self, message: UpdateMessage, timeout: float = 10.0
    ) -> TreeMessage:
        """Send a UpdateMessage and return its reply: the next TreeMessage."""
        reply = await self._request(message, replies_of(TreeMessage), timeout)
        return cast(TreeMessage, reply)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case TreeMessage():
                await self.on_tree(message)

    async def on_tree(self, message: TreeMessage) -> None:
        """Handle a TreeMessage; override this to process it."""
