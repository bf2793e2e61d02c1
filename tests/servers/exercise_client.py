"""Talks to a running test server through a generated client package named
``e2e_client``: for every channel it connects (with path parameters and
headers), sends every outgoing message type, receives and narrows every
incoming message type with an exhaustive ``match``, takes a broadcast from a
second client and disconnects. Exits non-zero on anything missing or
unexpected.

Usage: python exercise_client.py HOST:PORT
"""

import asyncio
import sys
from typing import Any, Protocol, assert_never

from e2e_client.chat import (
    BroadcastPayload,
    ChatBroadcast,
    ChatClient,
    ChatMessage,
    ChatPayload,
    ChatReply,
)
from e2e_client.chat import IncomingMessage as ChatIncoming
from e2e_client.profiles import (
    Address,
    Profile,
    ProfilesClient,
    ProfileUpdated,
    UpdateProfileMessage,
)
from e2e_client.profiles import IncomingMessage as ProfileIncoming
from e2e_client.rooms import IncomingMessage as RoomIncoming
from e2e_client.rooms import RoomPost, RoomPosted, RoomPostMessage, RoomsClient
from e2e_client.secure import IdentityMessage, SecureClient, WhoAmIMessage
from e2e_client.secure import IncomingMessage as SecureIncoming
from e2e_client.shared.messages import PingMessage, PongMessage
from e2e_client.threads import IncomingMessage as ThreadIncoming
from e2e_client.threads import ThreadReplied, ThreadReplyMessage, ThreadsClient

TIMEOUT = 10.0


class Inbox:
    """What a client received, as text, and a flag set once it is connected."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue[str] = asyncio.Queue()
        self.connected = asyncio.Event()
        self.problems: list[str] = []

    async def next(self) -> str:
        return await asyncio.wait_for(self.queue.get(), TIMEOUT)

    async def expect(self, wanted: str) -> None:
        got = await self.next()
        if got != wanted:
            raise AssertionError(f"expected {wanted!r}, received {got!r}")


class Recording:
    """Connection bookkeeping shared by the recorders: anything invalid,
    non-JSON or left unread counts as a problem."""

    inbox: Inbox

    async def send_init_message(self) -> None:
        self.inbox.connected.set()

    async def handle_invalid_message(self, invalid_message: Any) -> None:
        self.inbox.problems.append(f"invalid: {invalid_message!r}")

    async def handle_raw_data(self, message: str | bytes) -> None:
        self.inbox.problems.append(f"not JSON: {message!r}")


class ChatRecorder(Recording, ChatClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.inbox = Inbox()

    async def handle_message(self, message: ChatIncoming) -> None:
        match message:
            case ChatReply(payload=ChatPayload(message=text)):
                await self.inbox.queue.put(f"reply:{text}")
            case ChatBroadcast(payload=BroadcastPayload(message=text)):
                await self.inbox.queue.put(f"broadcast:{text}")
            case PongMessage():
                await self.inbox.queue.put("pong")
            case _:
                assert_never(message)


class RoomRecorder(Recording, RoomsClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.inbox = Inbox()

    async def handle_message(self, message: RoomIncoming) -> None:
        match message:
            case RoomPosted(payload=payload):
                await self.inbox.queue.put(f"posted:{payload.room_id}:{payload.text}")
            case PongMessage():
                await self.inbox.queue.put("pong")
            case _:
                assert_never(message)


class ThreadRecorder(Recording, ThreadsClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.inbox = Inbox()

    async def handle_message(self, message: ThreadIncoming) -> None:
        match message:
            case ThreadReplied(payload=payload):
                thread_id: int = payload.thread_id
                await self.inbox.queue.put(f"replied:{payload.org}:{thread_id}:{payload.text}")
            case PongMessage():
                await self.inbox.queue.put("pong")
            case _:
                assert_never(message)


class ProfileRecorder(Recording, ProfilesClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.inbox = Inbox()
        self.profiles: list[Profile] = []

    async def handle_message(self, message: ProfileIncoming) -> None:
        match message:
            case ProfileUpdated(payload=profile):
                self.profiles.append(profile)
                await self.inbox.queue.put(f"updated:{profile.name}:{profile.role}")
            case PongMessage():
                await self.inbox.queue.put("pong")
            case _:
                assert_never(message)


class SecureRecorder(Recording, SecureClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.inbox = Inbox()
        self.connection_errors: list[Exception] = []

    async def handle_message(self, message: SecureIncoming) -> None:
        match message:
            case IdentityMessage(payload=payload):
                await self.inbox.queue.put(f"identity:{payload.user}:{','.join(payload.scopes)}")
            case PongMessage():
                await self.inbox.queue.put("pong")
            case _:
                assert_never(message)

    async def handle_websocket_connection_error(self, error: Exception) -> None:
        self.connection_errors.append(error)


class Recorder(Protocol):
    inbox: Inbox

    async def handle(self) -> None: ...

    async def send_message(self, message: Any) -> None: ...

    async def disconnect(self, code: int = 1000, reason: str = "") -> None: ...


async def connected(client: Recorder) -> "asyncio.Task[None]":
    """Starts `client.handle()` and waits until its connection is open."""
    task = asyncio.ensure_future(client.handle())
    await asyncio.wait_for(client.inbox.connected.wait(), TIMEOUT)
    await client.send_message(PingMessage())
    await client.inbox.expect("pong")
    return task


async def close(client: Recorder, task: "asyncio.Task[None]") -> None:
    await client.disconnect()
    await asyncio.wait_for(task, TIMEOUT)
    while not client.inbox.queue.empty():
        client.inbox.problems.append(f"unexpected: {client.inbox.queue.get_nowait()}")
    if client.inbox.problems:
        raise AssertionError(f"{type(client).__name__}: {client.inbox.problems}")


async def chat(host: str) -> None:
    sender, listener = ChatRecorder(host), ChatRecorder(host)
    listener_task = await connected(listener)
    sender_task = await connected(sender)
    await sender.send_message(ChatMessage(payload=ChatPayload(message="hello")))
    await sender.inbox.expect("reply:hello")
    await listener.inbox.expect("broadcast:hello")
    await close(sender, sender_task)
    await close(listener, listener_task)


async def rooms(host: str) -> None:
    first = RoomRecorder(host, path_params={"room_id": "lobby 1"})
    second = RoomRecorder(host, path_params={"room_id": "lobby 1"})
    elsewhere = RoomRecorder(host, path_params={"room_id": "other"})
    tasks = [await connected(client) for client in (first, second, elsewhere)]
    await first.send_message(RoomPostMessage(payload=RoomPost(text="hi room")))
    await first.inbox.expect("posted:lobby 1:hi room")
    await second.inbox.expect("posted:lobby 1:hi room")
    await elsewhere.send_message(PingMessage())
    await elsewhere.inbox.expect("pong")  # and not the other room's post
    for client, task in zip((first, second, elsewhere), tasks):
        await close(client, task)


async def threads(host: str) -> None:
    client = ThreadRecorder(host, path_params={"org": "acme", "thread_id": 42})
    task = await connected(client)
    await client.send_message(ThreadReplyMessage(payload=RoomPost(text="+1")))
    await client.inbox.expect("replied:acme:42:+1")
    await close(client, task)


async def profiles(host: str) -> None:
    client = ProfileRecorder(host)
    task = await connected(client)
    profile = Profile(
        name="Ada",
        role="admin",
        address=Address(street="1 Loop Rd", city="Cambridge"),
        tags=["math", "engines"],
        scores=[3, 1, 4],
        previous_addresses=[Address(street="2 Old St", city="London", postcode="N1")],
    )
    await client.send_message(UpdateProfileMessage(payload=profile))
    await client.inbox.expect("updated:Ada:admin")
    if client.profiles != [profile]:
        raise AssertionError(f"profile changed on the way: {client.profiles}")
    await client.send_message(UpdateProfileMessage(payload=Profile(name="Bob", address=Address(street="s", city="c"))))
    await client.inbox.expect("updated:Bob:member")
    received = client.profiles[1]
    if received.tags != [] or received.nickname is not None or received.scores is not None:
        raise AssertionError(f"defaults lost: {received}")
    await close(client, task)


async def secure(host: str) -> None:
    # The credential the document asks for is a typed constructor argument.
    client = SecureRecorder(host, authorization="Bearer let-me-in")
    task = await connected(client)
    await client.send_message(WhoAmIMessage())
    await client.inbox.expect("identity:tester:read,write")
    await close(client, task)

    refused = SecureRecorder(host)
    await asyncio.wait_for(refused.handle(), TIMEOUT)
    if len(refused.connection_errors) != 1:
        raise AssertionError("a connection without the header must be closed by the server")


async def main(host: str) -> None:
    for scenario in (chat, rooms, threads, profiles, secure):
        await scenario(host)
        print(f"ok {scenario.__name__}")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
