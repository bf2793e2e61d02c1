"""Client for the discussionList channel."""

from typing import Annotated, cast

from pydantic import Field, TypeAdapter

from ..base.client import BaseClient, replies_of
from .messages import (
    AnswerAcceptedMessage,
    AnswerUnacceptedMessage,
    IncomingMessage,
    OutgoingMessage,
    PingMessage,
    PongMessage,
    TopicCreatedMessage,
    VoteUpdatedMessage,
)


class DiscussionListClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the discussionList channel at ws/discussion/.


    WebSocket consumer for discussion topic list view.

    Handles global discussion updates like new topics, votes, and answer acceptance/unacceptance.
    """

    path = "ws/discussion/"
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

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case AnswerAcceptedMessage():
                await self.on_answer_accepted(message)
            case AnswerUnacceptedMessage():
                await self.on_answer_unaccepted(message)
            case PongMessage():
                await self.on_pong(message)
            case TopicCreatedMessage():
                await self.on_topic_created(message)
            case VoteUpdatedMessage():
                await self.on_vote_updated(message)

    async def on_answer_accepted(self, message: AnswerAcceptedMessage) -> None:
        """Handle a AnswerAcceptedMessage; override this to process it."""

    async def on_answer_unaccepted(self, message: AnswerUnacceptedMessage) -> None:
        """Handle a AnswerUnacceptedMessage; override this to process it."""

    async def on_pong(self, message: PongMessage) -> None:
        """Handle a PongMessage; override this to process it."""

    async def on_topic_created(self, message: TopicCreatedMessage) -> None:
        """Handle a TopicCreatedMessage; override this to process it."""

    async def on_vote_updated(self, message: VoteUpdatedMessage) -> None:
        """Handle a VoteUpdatedMessage; override this to process it."""
