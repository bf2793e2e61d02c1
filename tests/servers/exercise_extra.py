"""After the server changed (CHANX_TEST_EXTRA=1) and the client was
regenerated: the chat channel's new reaction message and mood field work.

Usage: python exercise_extra.py HOST:PORT
"""

import asyncio
import sys
from typing import Any, assert_never

from e2e_client.chat import (
    ChatBroadcast,
    ChatClient,
    ChatMessage,
    ChatPayload,
    ChatReply,
    IncomingMessage,
    ReactionMessage,
    ReactionPayload,
    ReactionReply,
)
from e2e_client.shared.messages import PongMessage

TIMEOUT = 10.0


class Recorder(ChatClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.received: asyncio.Queue[str] = asyncio.Queue()

    async def send_init_message(self) -> None:
        await self.send_message(ChatMessage(payload=ChatPayload(message="hi", mood="cheerful")))
        await self.send_message(ReactionMessage(payload=ReactionPayload(emoji="tada")))

    async def handle_message(self, message: IncomingMessage) -> None:
        match message:
            case ChatReply(payload=payload):
                await self.received.put(f"reply:{payload.message}:{payload.mood}")
            case ReactionReply(payload=payload):
                await self.received.put(f"reaction:{payload.emoji}")
            case ChatBroadcast() | PongMessage():
                pass
            case _:
                assert_never(message)


async def main(host: str) -> None:
    client = Recorder(host)
    task = asyncio.ensure_future(client.handle())
    got = [await asyncio.wait_for(client.received.get(), TIMEOUT) for _ in range(2)]
    if got != ["reply:hi:cheerful", "reaction:tada"]:
        raise AssertionError(got)
    await client.disconnect()
    await asyncio.wait_for(task, TIMEOUT)
    print("ok reaction")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
