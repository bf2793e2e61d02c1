"""Client for the chat channel."""

from typing import Annotated, cast

from pydantic import Field, TypeAdapter

from ..base.client import BaseClient, replies_of
from .messages import (
    ChatMessage,
    ChatNotificationMessage,
    ExtraPassthroughMessage,
    ExtraRequestMessage,
    ExtraResponseMessage,
    IncomingMessage,
    OutgoingMessage,
    PingMessage,
    PongMessage,
    UserJoinedNotification,
    UserLeftNotification,
)


class ChatClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the chat channel at /ws/chat.

    Basic Chat Consumer using centralized chat layer
    """

    path = "/ws/chat"
    incoming_adapter = TypeAdapter[IncomingMessage](
        Annotated[IncomingMessage, Field(discriminator="action")]
    )
    server_url = "ws://testserver"

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def request_chat(
        self, message: ChatMessage, timeout: float = 10.0
    ) -> ChatNotificationMessage:
        """Send a ChatMessage and return its reply: the next ChatNotificationMessage."""
        reply = await self._request(
            message, replies_of(ChatNotificationMessage), timeout
        )
        return cast(ChatNotificationMessage, reply)

    async def request_extra_request(
        self, message: ExtraRequestMessage, timeout: float = 10.0
    ) -> ExtraResponseMessage:
        """Send a ExtraRequestMessage and return its reply: the next ExtraResponseMessage."""
        reply = await self._request(message, replies_of(ExtraResponseMessage), timeout)
        return cast(ExtraResponseMessage, reply)

    async def request_ping(
        self, message: PingMessage, timeout: float = 10.0
    ) -> PongMessage:
        """Send a PingMessage and return its reply: the next PongMessage."""
        reply = await self._request(message, replies_of(PongMessage), timeout)
        return cast(PongMessage, reply)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case ChatNotificationMessage():
                await self.on_chat_notification(message)
            case ExtraPassthroughMessage():
                await self.on_extra_passthrough(message)
            case ExtraResponseMessage():
                await self.on_extra_response(message)
            case PongMessage():
                await self.on_pong(message)
            case UserJoinedNotification():
                await self.on_user_joined_notification(message)
            case UserLeftNotification():
                await self.on_user_left_notification(message)

    async def on_chat_notification(self, message: ChatNotificationMessage) -> None:
        """Handle a ChatNotificationMessage; override this to process it."""

    async def on_extra_passthrough(self, message: ExtraPassthroughMessage) -> None:
        """Handle a ExtraPassthroughMessage; override this to process it."""

    async def on_extra_response(self, message: ExtraResponseMessage) -> None:
        """Handle a ExtraResponseMessage; override this to process it."""

    async def on_pong(self, message: PongMessage) -> None:
        """Handle a PongMessage; override this to process it."""

    async def on_user_joined_notification(
        self, message: UserJoinedNotification
    ) -> None:
        """Handle a UserJoinedNotification; override this to process it."""

    async def on_user_left_notification(self, message: UserLeftNotification) -> None:
        """Handle a UserLeftNotification; override this to process it."""
