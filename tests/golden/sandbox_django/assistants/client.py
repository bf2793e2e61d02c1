"""Client for the assistants channel."""

from typing import Annotated, TypedDict, cast

from pydantic import Field, TypeAdapter

from ..base.client import BaseClient, ReconnectPolicy, replies_of
from .messages import (
    AssistantErrorMessage,
    CompleteStreamingMessage,
    IncomingMessage,
    NewAssistantMessage,
    OutgoingMessage,
    PingMessage,
    PongMessage,
    StreamingMessage,
)


class AssistantsPathParams(TypedDict):
    """Values for the placeholders of ws/assistants/{pk}/."""

    pk: str | int


class AssistantsClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the assistants channel at ws/assistants/{pk}/.

    AI Assistant WebSocket API
    """

    path = "ws/assistants/{pk}/"
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
        path_params: AssistantsPathParams | None = None,
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
            case AssistantErrorMessage():
                await self.on_assistant_error(message)
            case CompleteStreamingMessage():
                await self.on_complete_streaming(message)
            case NewAssistantMessage():
                await self.on_new_assistant(message)
            case PongMessage():
                await self.on_pong(message)
            case StreamingMessage():
                await self.on_streaming(message)

    async def on_assistant_error(self, message: AssistantErrorMessage) -> None:
        """Handle a AssistantErrorMessage; override this to process it."""

    async def on_complete_streaming(self, message: CompleteStreamingMessage) -> None:
        """Handle a CompleteStreamingMessage; override this to process it."""

    async def on_new_assistant(self, message: NewAssistantMessage) -> None:
        """Handle a NewAssistantMessage; override this to process it."""

    async def on_pong(self, message: PongMessage) -> None:
        """Handle a PongMessage; override this to process it."""

    async def on_streaming(self, message: StreamingMessage) -> None:
        """Handle a StreamingMessage; override this to process it."""
