"""Calls ``request_room_post`` of a generated ``e2e_client`` against a
running test server, whose reply is a group broadcast (chanx sends it to
every member of the room, the sender included, and without the sender's
ref): the request must resolve by the documented fallback, the next
``RoomPosted``. Prints the reply's text.

Usage: python exercise_broadcast_reply.py HOST:PORT
"""

import asyncio
import sys

from e2e_client.rooms import RoomPost, RoomPosted, RoomPostMessage, RoomsClient


async def main(host: str) -> None:
    async with RoomsClient(host, path_params={"room_id": "lobby"}) as client:
        reply = await client.request_room_post(RoomPostMessage(payload=RoomPost(text="hello")), timeout=10)
        assert isinstance(reply, RoomPosted), reply
        print(reply.payload.text)


asyncio.run(main(sys.argv[1]))
