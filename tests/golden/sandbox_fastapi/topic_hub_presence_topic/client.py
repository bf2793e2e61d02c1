"""Handle for the topic_hub_presence_topic topic."""

from typing import Any

from pydantic import TypeAdapter

from ..base.topic_client import BaseTopicConnection, BaseTopicHandle, HandleT
from .messages import IncomingMessage, OutgoingMessage, PresenceChanged


class TopicHubPresenceTopicClient(BaseTopicHandle[IncomingMessage, OutgoingMessage]):
    """Handle for the presence:{user} topic, on the connection of TopicHubClient.

    Presence for one user, addressed as presence:<user>.
    """

    pattern = "presence:{user}"
    incoming_adapter = TypeAdapter[IncomingMessage](IncomingMessage)

    @classmethod
    def attach(
        cls: type[HandleT], connection: BaseTopicConnection[Any, Any], user: str | int
    ) -> HandleT:
        """This topic's handle on `connection`, as this class or a subclass."""
        return connection.topic(cls, {"user": user})

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send a message on this topic without waiting for an answer."""
        await super().send_message(message)

    async def request(
        self, message: OutgoingMessage, timeout: float = 10.0
    ) -> IncomingMessage:
        """Send a message on this topic and return the reply that carries its ref."""
        return await super().request(message, timeout)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message pushed on this topic: by default, call the `on_` method of its type."""
        match message:
            case PresenceChanged():
                await self.on_presence_changed(message)

    async def on_presence_changed(self, message: PresenceChanged) -> None:
        """Handle a PresenceChanged; override this to process it."""
