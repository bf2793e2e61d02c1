"""Talks to the topic hub of a running test server (``topics_api.py``)
through a generated client package named ``e2e_client``: subscribes to two
rooms and a presence topic, checks pushed events reach only their own
handle, does requests while events flow, gets refusals as typed
exceptions, unsubscribes, sees a dropped connection fail a pending request
at once, and renews its subscriptions after connecting again, by hand
and through a reconnect policy after a crash. Prints one
word per part; exits non-zero on anything missing or unexpected.

Usage: python exercise_topics.py HOST:PORT
"""

import asyncio
import sys
from typing import assert_never

from e2e_client.base import (
    NotConnectedError,
    ReconnectPolicy,
    NotSubscribedError,
    TopicError,
    TopicUnauthorizedError,
    UnknownTopicError,
)
from e2e_client.hub import (
    DropMessage,
    HangMessage,
    HubClient,
    PingMessage,
    PongMessage,
    PumpMessage,
    PumpPayload,
)
from e2e_client.hub import IncomingMessage as HubIncoming
from e2e_client.hub_presence_topic import HubPresenceTopicClient
from e2e_client.hub_presence_topic import IncomingMessage as PresenceIncoming
from e2e_client.hub_room_topic import (
    HubRoomTopicClient,
    RoomEvent,
    SaidMessage,
    SayMessage,
    SayPayload,
)
from e2e_client.hub_room_topic import IncomingMessage as RoomIncoming

TIMEOUT = 10.0
EVENTS = 40


class Room(HubRoomTopicClient):
    """Records the events pushed on one room."""

    numbers: list[int]
    errors: list[TopicError]
    first_event: asyncio.Event

    async def handle_message(self, message: RoomIncoming) -> None:
        match message:
            case RoomEvent():
                if message.payload.room_id != self.topic.removeprefix("room:"):
                    raise AssertionError(f"{self.topic} received {message!r}")
                self.numbers.append(message.payload.number)
                self.first_event.set()
            case SaidMessage():
                raise AssertionError(f"a reply was pushed to {self.topic}: {message!r}")
            case _:
                assert_never(message)

    async def handle_topic_error(self, error: TopicError) -> None:
        self.errors.append(error)


def room(client: HubClient, room_id: str) -> Room:
    handle = Room.attach(client, room_id)
    handle.numbers, handle.errors, handle.first_event = [], [], asyncio.Event()
    return handle


class Presence(HubPresenceTopicClient):
    """Queues what is pushed on a presence topic."""

    inbox: asyncio.Queue[PresenceIncoming]

    async def handle_message(self, message: PresenceIncoming) -> None:
        await self.inbox.put(message)


class Hub(HubClient):
    """Keeps the hub's own messages and says when it is connected."""

    def __init__(self, host: str) -> None:
        super().__init__(host, reconnect=ReconnectPolicy(attempts=3, initial_delay=0.05))
        self.own: asyncio.Queue[HubIncoming] = asyncio.Queue()
        self.connected = asyncio.Event()
        self.reconnected = asyncio.Event()
        self.done: list[str] = []

    async def on_reconnect(self, attempt: int) -> None:
        await super().on_reconnect(attempt)
        self.reconnected.set()

    async def handle_message(self, message: HubIncoming) -> None:
        await self.own.put(message)

    async def send_init_message(self) -> None:
        self.connected.set()

    async def scenario(self) -> None:
        # Two handles of one topic with different parameters, one of another.
        first, second = room(self, "first"), room(self, "second")
        if self.room_topic(room_id="first") is not first:
            raise AssertionError("the same topic gives the same handle")
        presence = Presence.attach(self, "ada")
        presence.inbox = asyncio.Queue()
        if self.presence_topic(user="ada") is not presence:
            raise AssertionError("presence_topic gave another handle than attach")
        await first.subscribe()
        await second.subscribe()
        await presence.subscribe()
        pushed = await asyncio.wait_for(presence.inbox.get(), TIMEOUT)
        if not (pushed.payload.user == "ada" and pushed.payload.online):
            raise AssertionError(f"presence on subscribe: {pushed!r}")
        self.done.append("subscribed")

        # A frame without a topic goes to the hub's own handler.
        await self.send_message(PingMessage())
        own = await asyncio.wait_for(self.own.get(), TIMEOUT)
        if not isinstance(own, PongMessage):
            raise AssertionError(f"expected a pong, received {own!r}")
        self.done.append("own")

        # Requests while events flow: each reply matches its ref, and the
        # events go to their own room's handle only.
        # The typed request methods: the hub's own, and the room's.
        pumping = await self.request_pump(PumpMessage(payload=PumpPayload(room_id="first", count=EVENTS)))
        if pumping.payload.count != EVENTS:
            raise AssertionError(f"expected pumping, received {pumping!r}")
        await asyncio.wait_for(first.first_event.wait(), TIMEOUT)
        for index in range(5):
            text = f"line {index}"
            said = await first.request_say(SayMessage(payload=SayPayload(text=text)))
            if not (said.payload.text == text and said.payload.room_id == "first"):
                raise AssertionError(f"reply to {text!r}: {said!r}")
        during = len(first.numbers)
        reply = await second.request(SayMessage(payload=SayPayload(text="elsewhere")))
        if reply.payload.room_id != "second":
            raise AssertionError(f"reply from the second room: {reply!r}")
        for _ in range(int(TIMEOUT / 0.05)):
            if len(first.numbers) == EVENTS:
                break
            await asyncio.sleep(0.05)
        if first.numbers != list(range(EVENTS)) or first.last_seq != EVENTS - 1:
            raise AssertionError(f"events of the first room: {first.numbers}, last seq {first.last_seq}")
        if not 0 < during < EVENTS:
            raise AssertionError(f"{during} of {EVENTS} events arrived before the replies: they did not interleave")
        if second.numbers:
            raise AssertionError(f"the second room received {second.numbers}")
        self.done.append("interleaved")

        # Refusals come back as typed exceptions with the server's reason.
        secret = room(self, "secret")
        try:
            await secret.subscribe()
            raise AssertionError("the secret room accepted a subscription")
        except TopicUnauthorizedError as error:
            if error.reason != "unauthorized" or error.topic != "room:secret" or secret.subscribed:
                raise AssertionError(f"unauthorized: {error!r}") from error

        class Nowhere(HubRoomTopicClient):
            pattern = "nowhere:{room_id}"

        stray = Nowhere.attach(self, "x")
        try:
            await stray.subscribe()
            raise AssertionError("an unknown topic accepted a subscription")
        except UnknownTopicError as error:
            if error.reason != "unknown_topic" or error.topic != "nowhere:x":
                raise AssertionError(f"unknown topic: {error!r}") from error
        try:
            await secret.request(SayMessage(payload=SayPayload(text="let me in")))
            raise AssertionError("a request on a topic not subscribed to was answered")
        except NotSubscribedError as error:
            if error.reason != "not_subscribed":
                raise AssertionError(f"not subscribed: {error!r}") from error
        # Unasked, the error reaches the handle's hook.
        await secret.send_message(SayMessage(payload=SayPayload(text="anyone?")))
        for _ in range(int(TIMEOUT / 0.05)):
            if secret.errors:
                break
            await asyncio.sleep(0.05)
        if [type(error) for error in secret.errors] != [NotSubscribedError]:
            raise AssertionError(f"errors pushed to the secret room: {secret.errors!r}")
        self.done.append("errors")

        # After unsubscribing, the room's events no longer arrive.
        await first.unsubscribe()
        if first.subscribed:
            raise AssertionError("still subscribed after unsubscribe()")
        before = len(first.numbers)
        await self.request(PumpMessage(payload=PumpPayload(room_id="first", count=3)))
        await self.request(PumpMessage(payload=PumpPayload(room_id="second", count=3)))
        for _ in range(int(TIMEOUT / 0.05)):
            if len(second.numbers) == 3:
                break
            await asyncio.sleep(0.05)
        if len(first.numbers) != before or second.numbers != [0, 1, 2]:
            raise AssertionError(f"after unsubscribe: first {first.numbers[before:]}, second {second.numbers}")
        self.done.append("unsubscribed")

        # The server closes the connection instead of answering: the pending
        # request fails at once, long before its timeout.
        try:
            await self.request(HangMessage(), timeout=60.0)
            raise AssertionError("hang was answered")
        except NotConnectedError:
            pass
        self.done.append("dropped")


async def connect(hub: Hub) -> "asyncio.Future[None]":
    hub.connected.clear()
    connection = asyncio.ensure_future(hub.handle())
    await asyncio.wait_for(hub.connected.wait(), TIMEOUT)
    return connection


async def main(host: str) -> None:
    hub = Hub(host)
    connection = await connect(hub)
    await hub.scenario()
    await asyncio.wait_for(connection, TIMEOUT)

    # Connected again, resubscribe() renews what was subscribed.
    connection = await connect(hub)
    await hub.resubscribe()
    second = hub.room_topic(room_id="second")
    if not isinstance(second, Room) or not second.subscribed:
        raise AssertionError(f"the second room after resubscribe: {second!r}")
    await expect_events(hub, second)
    hub.done.append("resubscribed")

    # A crash: the reconnect policy connects again and renews the subscriptions.
    await hub.send_message(DropMessage())
    await asyncio.wait_for(hub.reconnected.wait(), TIMEOUT)
    await expect_events(hub, second)
    await hub.disconnect()
    await asyncio.wait_for(connection, TIMEOUT)
    try:
        await hub.room_topic(room_id="first").subscribe()
        raise AssertionError("subscribed without a connection")
    except NotConnectedError:
        pass
    hub.done.append("reconnected")
    print(" ".join(hub.done))


async def expect_events(hub: Hub, room: Room) -> None:
    """Three events pumped into the room arrive on its handle."""
    room.numbers.clear()
    await hub.request(PumpMessage(payload=PumpPayload(room_id=room.topic.removeprefix("room:"), count=3)))
    for _ in range(int(TIMEOUT / 0.05)):
        if len(room.numbers) == 3:
            break
        await asyncio.sleep(0.05)
    if room.numbers != [0, 1, 2]:
        raise AssertionError(f"events of {room.topic}: {room.numbers}")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
