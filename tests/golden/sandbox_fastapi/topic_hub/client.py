"""Client for the topic_hub channel."""

from typing import cast

from pydantic import TypeAdapter

from ..base.client import replies_of
from ..base.topic_client import BaseTopicConnection
from ..topic_hub_presence_topic.client import TopicHubPresenceTopicClient
from ..topic_hub_room_topic.client import TopicHubRoomTopicClient
from .messages import IncomingMessage, OutgoingMessage, PingMessage, PongMessage


class TopicHubClient(BaseTopicConnection[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the topic_hub channel at /ws/topics.

    Several topics multiplexed over a single connection
    """

    path = "/ws/topics"
    incoming_adapter = TypeAdapter[IncomingMessage](IncomingMessage)
    server_url = "ws://testserver"

    def presence_topic(self, user: str | int) -> TopicHubPresenceTopicClient:
        """The handle of the presence:{user} topic; subscribe() to receive it."""
        return TopicHubPresenceTopicClient.attach(self, user)

    def room_topic(self, room_name: str | int) -> TopicHubRoomTopicClient:
        """The handle of the room:{room_name} topic; subscribe() to receive it."""
        return TopicHubRoomTopicClient.attach(self, room_name)

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
            case PongMessage():
                await self.on_pong(message)

    async def on_pong(self, message: PongMessage) -> None:
        """Handle a PongMessage; override this to process it."""
