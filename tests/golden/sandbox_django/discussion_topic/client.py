"""Client for the discussionTopic channel."""

from typing import Annotated, TypedDict, cast

from pydantic import Field, TypeAdapter

from ..base.client import BaseClient, ReconnectPolicy, replies_of
from .messages import (
    AnswerAcceptedMessage,
    AnswerUnacceptedMessage,
    IncomingMessage,
    OutgoingMessage,
    PingMessage,
    PongMessage,
    ReplyCreatedMessage,
    VoteUpdatedMessage,
)


class DiscussionTopicPathParams(TypedDict):
    """Values for the placeholders of ws/discussion/{pk}/."""

    pk: str | int


class DiscussionTopicClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the discussionTopic channel at ws/discussion/{pk}/.


    WebSocket consumer for discussion topic detail view.

    Handles topic-specific operations like replying, voting, and accepting/unaccepting answers.
    """

    path = "ws/discussion/{pk}/"
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
        path_params: DiscussionTopicPathParams | None = None,
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
            case AnswerAcceptedMessage():
                await self.on_answer_accepted(message)
            case AnswerUnacceptedMessage():
                await self.on_answer_unaccepted(message)
            case PongMessage():
                await self.on_pong(message)
            case ReplyCreatedMessage():
                await self.on_reply_created(message)
            case VoteUpdatedMessage():
                await self.on_vote_updated(message)

    async def on_answer_accepted(self, message: AnswerAcceptedMessage) -> None:
        """Handle a AnswerAcceptedMessage; override this to process it."""

    async def on_answer_unaccepted(self, message: AnswerUnacceptedMessage) -> None:
        """Handle a AnswerUnacceptedMessage; override this to process it."""

    async def on_pong(self, message: PongMessage) -> None:
        """Handle a PongMessage; override this to process it."""

    async def on_reply_created(self, message: ReplyCreatedMessage) -> None:
        """Handle a ReplyCreatedMessage; override this to process it."""

    async def on_vote_updated(self, message: VoteUpdatedMessage) -> None:
        """Handle a VoteUpdatedMessage; override this to process it."""
