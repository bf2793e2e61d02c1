"""A chanx consumer with topics, for the topic tests: one connection at
``/ws/hub`` carries ``room:{room_id}`` topics (request/reply with ``say``,
pushed ``room_event`` frames, the room ``secret`` refuses subscription) and
``presence:{user}`` topics (the current presence pushed on subscribe).

Frames without a topic go to the hub itself: ``ping``, ``pump`` (starts
pushing numbered events into a room and answers at once), ``hang`` (closes
the connection normally instead of answering) and ``drop`` (closes it with
code 4000, as a crash would).
"""

import asyncio
from typing import Any, Literal

from chanx.core.decorators import channel, ws_handler
from chanx.core.topic import Topic
from chanx.messages.base import BaseMessage
from chanx.messages.incoming import PingMessage
from chanx.messages.outgoing import PongMessage
from pydantic import BaseModel

PUMP_INTERVAL_SECONDS = 0.01


class SayPayload(BaseModel):
    text: str


class SayMessage(BaseMessage):
    """Say something in a room; the reply echoes it."""

    action: Literal["say"] = "say"
    payload: SayPayload


class SaidPayload(BaseModel):
    room_id: str
    text: str


class SaidMessage(BaseMessage):
    action: Literal["said"] = "said"
    payload: SaidPayload


class RoomEventPayload(BaseModel):
    room_id: str
    number: int


class RoomEvent(BaseMessage):
    """Pushed to everyone in a room."""

    action: Literal["room_event"] = "room_event"
    payload: RoomEventPayload


class PresencePayload(BaseModel):
    user: str
    online: bool


class PresenceChanged(BaseMessage):
    action: Literal["presence_changed"] = "presence_changed"
    payload: PresencePayload


class PumpPayload(BaseModel):
    room_id: str
    count: int


class PumpMessage(BaseMessage):
    """Start pushing ``count`` numbered events into a room."""

    action: Literal["pump"] = "pump"
    payload: PumpPayload


class PumpingMessage(BaseMessage):
    action: Literal["pumping"] = "pumping"
    payload: PumpPayload


class HangMessage(BaseMessage):
    """Close the connection instead of answering."""

    action: Literal["hang"] = "hang"
    payload: None = None


class HungMessage(BaseMessage):
    """Never sent: the answer ``hang`` would have had."""

    action: Literal["hung"] = "hung"
    payload: None = None


class DropMessage(BaseMessage):
    """Drop the connection abnormally (close code 4000) instead of answering."""

    action: Literal["drop"] = "drop"
    payload: None = None


class RoomTopic(Topic):
    """A chat room, addressed as room:<room_id>."""

    pattern = "room:{room_id}"
    passthrough_events = [RoomEvent]

    async def authorize(self, room_id: str) -> bool:
        return room_id != "secret"

    @ws_handler(summary="Say something in the room")
    async def handle_say(self, message: SayMessage) -> SaidMessage:
        return SaidMessage(payload=SaidPayload(room_id=self.params["room_id"], text=message.payload.text))


class PresenceTopic(Topic):
    """Presence of one user, addressed as presence:<user>."""

    pattern = "presence:{user}"
    passthrough_events = [PresenceChanged]

    async def on_subscribe(self) -> None:
        await self.send_message(PresenceChanged(payload=PresencePayload(user=self.params["user"], online=True)))


async def pump(payload: PumpPayload) -> None:
    for number in range(payload.count):
        event = RoomEvent(payload=RoomEventPayload(room_id=payload.room_id, number=number))
        await RoomTopic.broadcast(f"room:{payload.room_id}", event, seq=number)
        await asyncio.sleep(PUMP_INTERVAL_SECONDS)


def build_hub(base: type[Any]) -> type[Any]:
    """The hub consumer, built on a framework's `AsyncJsonWebsocketConsumer`."""

    @channel(name="hub", description="Rooms and presence as topics over one connection")
    class HubConsumer(base):  # type: ignore[valid-type,misc]
        send_completion = False
        log_websocket_message = False
        camelize = False
        topics = [RoomTopic, PresenceTopic]

        @ws_handler(summary="Handle ping requests")
        async def handle_ping(self, message: PingMessage) -> PongMessage:
            return PongMessage()

        @ws_handler(summary="Push numbered events into a room")
        async def handle_pump(self, message: PumpMessage) -> PumpingMessage:
            asyncio.get_running_loop().create_task(pump(message.payload))
            return PumpingMessage(payload=message.payload)

        @ws_handler(summary="Close the connection instead of answering")
        async def handle_hang(self, message: HangMessage) -> HungMessage:
            await asyncio.sleep(0.2)
            await self.close()
            return HungMessage()

        @ws_handler(summary="Drop the connection abnormally", output_type=HungMessage)
        async def handle_drop(self, message: DropMessage) -> None:
            await self.close(code=4000)

    return HubConsumer
