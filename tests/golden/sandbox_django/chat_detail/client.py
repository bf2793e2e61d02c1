"""Client for the chatDetail channel."""

from typing import Annotated, TypedDict, cast

from pydantic import Field, TypeAdapter

from ..base.client import BaseClient, ReconnectPolicy, replies_of
from .messages import (
    IncomingMessage,
    MemberAddedMessage,
    MemberMessage,
    MemberRemovedMessage,
    OutgoingMessage,
    PingMessage,
    PongMessage,
    UserRemovedFromGroupMessage,
)


class ChatDetailPathParams(TypedDict):
    """Values for the placeholders of ws/chat/{pk}/."""

    pk: str | int


class ChatDetailClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the chatDetail channel at ws/chat/{pk}/.

    WebSocket consumer for group chat details.
    """

    path = "ws/chat/{pk}/"
    incoming_adapter = TypeAdapter[IncomingMessage](
        Annotated[IncomingMessage, Field(discriminator="action")]
    )
    server_url = "ws://testserver"

    def __init__(
        self,
        base_url: str | None = None,
        /,
        protocol: str = "ws",
        headers: dict[str, str] | None = None,
        path_params: ChatDetailPathParams | None = None,
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

    async def request_ping(
        self, message: PingMessage, timeout: float = 10.0
    ) -> PongMessage:
        """Send a PingMessage and return its reply: the next PongMessage."""
        reply = await self._request(message, replies_of(PongMessage), timeout)
        return cast(PongMessage, reply)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case MemberAddedMessage():
                await self.on_member_added(message)
            case MemberMessage():
                await self.on_member(message)
            case MemberRemovedMessage():
                await self.on_member_removed(message)
            case PongMessage():
                await self.on_pong(message)
            case UserRemovedFromGroupMessage():
                await self.on_user_removed_from_group(message)

    async def on_member_added(self, message: MemberAddedMessage) -> None:
        """Handle a MemberAddedMessage; override this to process it."""

    async def on_member(self, message: MemberMessage) -> None:
        """Handle a MemberMessage; override this to process it."""

    async def on_member_removed(self, message: MemberRemovedMessage) -> None:
        """Handle a MemberRemovedMessage; override this to process it."""

    async def on_pong(self, message: PongMessage) -> None:
        """Handle a PongMessage; override this to process it."""

    async def on_user_removed_from_group(
        self, message: UserRemovedFromGroupMessage
    ) -> None:
        """Handle a UserRemovedFromGroupMessage; override this to process it."""
