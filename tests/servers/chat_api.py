"""The chanx consumers and messages the end-to-end tests serve, for both the
FastAPI and the Django Channels app.

Channels: ``chat`` (reply to the sender, broadcast to the others), ``rooms``
(one path parameter), ``threads`` (two path parameters), ``profiles`` (nested
models, an enum, optional and list fields) and ``secure`` (an
``Authorization`` header is required). Every channel answers ``ping``.

With ``CHANX_TEST_EXTRA=1`` in the environment the server has changed the way
a team changes theirs: ``chat`` gains a ``reaction`` message and the chat
payload a ``mood`` field.
"""

import os
import re
from collections.abc import MutableMapping
from enum import Enum
from typing import Any, Literal

from chanx.core.authenticator import BaseAuthenticator, Credential
from chanx.core.decorators import channel, ws_handler
from chanx.messages.base import BaseMessage
from chanx.messages.incoming import PingMessage
from chanx.messages.outgoing import PongMessage
from pydantic import BaseModel

EXTRA = os.environ.get("CHANX_TEST_EXTRA") == "1"
TOKEN = "Bearer let-me-in"


if EXTRA:

    class ChatPayload(BaseModel):
        message: str
        mood: str | None = None

else:

    class ChatPayload(BaseModel):  # type: ignore[no-redef]
        message: str


class ChatMessage(BaseMessage):
    """A chat line from a client."""

    action: Literal["chat"] = "chat"
    payload: ChatPayload


class ChatReply(BaseMessage):
    """The server's answer to the sender of a chat line."""

    action: Literal["chat_reply"] = "chat_reply"
    payload: ChatPayload


class BroadcastPayload(BaseModel):
    message: str
    sender: str


class ChatBroadcast(BaseMessage):
    """A chat line, sent to everyone else in the chat."""

    action: Literal["chat_broadcast"] = "chat_broadcast"
    payload: BroadcastPayload


class ReactionPayload(BaseModel):
    emoji: str


class ReactionMessage(BaseMessage):
    """A reaction to the chat (only with CHANX_TEST_EXTRA=1)."""

    action: Literal["reaction"] = "reaction"
    payload: ReactionPayload


class ReactionReply(BaseMessage):
    action: Literal["reaction_reply"] = "reaction_reply"
    payload: ReactionPayload


class RoomPost(BaseModel):
    text: str


class RoomPostMessage(BaseMessage):
    action: Literal["room_post"] = "room_post"
    payload: RoomPost


class RoomPostedPayload(BaseModel):
    room_id: str
    text: str


class RoomPosted(BaseMessage):
    """A post in a room, sent to everyone in that room."""

    action: Literal["room_posted"] = "room_posted"
    payload: RoomPostedPayload


class ThreadReplyMessage(BaseMessage):
    action: Literal["thread_reply"] = "thread_reply"
    payload: RoomPost


class ThreadRepliedPayload(BaseModel):
    org: str
    thread_id: int
    text: str


class ThreadReplied(BaseMessage):
    action: Literal["thread_replied"] = "thread_replied"
    payload: ThreadRepliedPayload


class Role(str, Enum):
    ADMIN = "admin"
    MEMBER = "member"
    GUEST = "guest"


class Address(BaseModel):
    street: str
    city: str
    postcode: str | None = None


class Profile(BaseModel):
    """A user profile with nested, optional and list fields."""

    name: str
    role: Role = Role.MEMBER
    address: Address
    tags: list[str] = []
    nickname: str | None = None
    scores: list[int] | None = None
    previous_addresses: list[Address] = []


class UpdateProfileMessage(BaseMessage):
    action: Literal["update_profile"] = "update_profile"
    payload: Profile


class ProfileUpdated(BaseMessage):
    action: Literal["profile_updated"] = "profile_updated"
    payload: Profile


class WhoAmIMessage(BaseMessage):
    action: Literal["whoami"] = "whoami"
    payload: None = None


class IdentityPayload(BaseModel):
    user: str
    scopes: list[str]


class IdentityMessage(BaseMessage):
    action: Literal["identity"] = "identity"
    payload: IdentityPayload


def _header(scope: MutableMapping[str, Any], name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return bytes(value).decode("latin-1")
    return None


class TokenAuthenticator(BaseAuthenticator):
    """Accepts only `Authorization: Bearer let-me-in`."""

    credentials = (Credential(name="Authorization", location="header"),)

    async def authenticate(self, scope: MutableMapping[str, Any]) -> bool:
        self.status_code = 401
        if _header(scope, b"authorization") == TOKEN:
            self.status_code = 200
            return True
        return False


def build_consumers(base: type[Any]) -> dict[str, type[Any]]:
    """The consumers, built on a framework's `AsyncJsonWebsocketConsumer`."""

    class Base(base):  # type: ignore[valid-type,misc]
        send_completion = False
        log_websocket_message = False
        camelize = False

        @ws_handler(summary="Handle ping requests")
        async def handle_ping(self, message: PingMessage) -> PongMessage:
            return PongMessage()

    @channel(name="chat", description="Chat: a reply to the sender, a broadcast to the others")
    class ChatConsumer(Base):  # type: ignore[valid-type,misc]
        groups = ["chat"]
        emits = [ChatBroadcast]

        @ws_handler(summary="Post a chat line")
        async def handle_chat(self, message: ChatMessage) -> ChatReply:
            await self.broadcast_message(
                ChatBroadcast(payload=BroadcastPayload(message=message.payload.message, sender=self.channel_name)),
                exclude_current=True,
            )
            return ChatReply(payload=message.payload)

        if EXTRA:

            @ws_handler(summary="React to the chat")
            async def handle_reaction(self, message: ReactionMessage) -> ReactionReply:
                return ReactionReply(payload=message.payload)

    @channel(name="rooms", description="Rooms addressed by one path parameter")
    class RoomConsumer(Base):  # type: ignore[valid-type,misc]
        def room_group(self) -> str:
            return "room_" + re.sub(r"[^A-Za-z0-9_.-]", "_", str(self.url_params["room_id"]))

        async def post_authentication(self) -> None:
            await self.join_group(self.room_group())

        @ws_handler(summary="Post in the room", output_type=RoomPosted)
        async def handle_room_post(self, message: RoomPostMessage) -> None:
            room_id = str(self.url_params["room_id"])
            await self.broadcast_message(
                RoomPosted(payload=RoomPostedPayload(room_id=room_id, text=message.payload.text)),
                groups=[self.room_group()],
            )

    @channel(name="threads", description="Threads addressed by two path parameters")
    class ThreadConsumer(Base):  # type: ignore[valid-type,misc]
        @ws_handler(summary="Reply in the thread")
        async def handle_thread_reply(self, message: ThreadReplyMessage) -> ThreadReplied:
            params = self.url_params
            return ThreadReplied(
                payload=ThreadRepliedPayload(
                    org=str(params["org"]), thread_id=int(params["thread_id"]), text=message.payload.text
                )
            )

    @channel(name="profiles", description="Profiles with nested models, enums, optional and list fields")
    class ProfileConsumer(Base):  # type: ignore[valid-type,misc]
        @ws_handler(summary="Update a profile")
        async def handle_update_profile(self, message: UpdateProfileMessage) -> ProfileUpdated:
            return ProfileUpdated(payload=message.payload)

    @channel(name="secure", description="Needs an Authorization header")
    class SecureConsumer(Base):  # type: ignore[valid-type,misc]
        authenticator_class = TokenAuthenticator

        @ws_handler(summary="Who am I")
        async def handle_whoami(self, message: WhoAmIMessage) -> IdentityMessage:
            return IdentityMessage(payload=IdentityPayload(user="tester", scopes=["read", "write"]))

    return {
        "chat": ChatConsumer,
        "rooms": RoomConsumer,
        "threads": ThreadConsumer,
        "profiles": ProfileConsumer,
        "secure": SecureConsumer,
    }


# Where each consumer is mounted; `{name}` marks a path parameter.
ROUTES = {
    "chat": "/ws/chat",
    "rooms": "/ws/rooms/{room_id}",
    "threads": "/ws/orgs/{org}/threads/{thread_id}",
    "profiles": "/ws/profiles",
    "secure": "/ws/secure",
}
