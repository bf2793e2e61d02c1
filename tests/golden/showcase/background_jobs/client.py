"""Client for the background_jobs channel."""

from typing import Annotated, cast

from pydantic import Field, TypeAdapter

from ..base.client import BaseClient, replies_of
from .messages import (
    IncomingMessage,
    JobMessage,
    JobStatusMessage,
    OutgoingMessage,
    PingMessage,
    PongMessage,
)


class BackgroundJobsClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the background_jobs channel at /ws/background_jobs.

    Background Jobs Consumer - Real background job processing with ARQ
    """

    path = "/ws/background_jobs"
    incoming_adapter = TypeAdapter[IncomingMessage](
        Annotated[IncomingMessage, Field(discriminator="action")]
    )
    server_url = "ws://127.0.0.1"

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def request_ping(
        self, message: PingMessage, timeout: float = 10.0
    ) -> PongMessage:
        """Send a PingMessage and return its reply: the next PongMessage."""
        reply = await self._request(message, replies_of(PongMessage), timeout)
        return cast(PongMessage, reply)

    async def request_job(
        self, message: JobMessage, timeout: float = 10.0
    ) -> JobStatusMessage:
        """Send a JobMessage and return its reply: the next JobStatusMessage."""
        reply = await self._request(message, replies_of(JobStatusMessage), timeout)
        return cast(JobStatusMessage, reply)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case JobStatusMessage():
                await self.on_job_status(message)
            case PongMessage():
                await self.on_pong(message)

    async def on_job_status(self, message: JobStatusMessage) -> None:
        """Handle a JobStatusMessage; override this to process it."""

    async def on_pong(self, message: PongMessage) -> None:
        """Handle a PongMessage; override this to process it."""
