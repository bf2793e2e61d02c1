"""Measures the generated client runtime's lifecycle against a local
WebSocket server on 127.0.0.1 and prints the figures: how long cancelling
``handle()``, leaving ``async with`` and ``disconnect()`` take with a backlog
of 10 000 frames and a slow handler, and how much memory 20 000 messages
that no ``async for`` reads hold under ``async with``.

Run from the repository root: ``.venv/bin/python bench/runtime.py``. The
tests assert the behaviour (no handler after a cancel, the bounds hold);
this script reports the times and sizes, which depend on the machine.
"""

import asyncio
import contextlib
import json
import logging
import statistics
import sys
import threading
import time
import tracemalloc
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "golden"))

from showcase.room_chat import PongMessage, RoomChatClient  # noqa: E402
from websockets.asyncio.server import ServerConnection, serve  # noqa: E402
from websockets.exceptions import ConnectionClosed  # noqa: E402

BACKLOG = 10_000
UNREAD = 20_000
RUNS = 5
PONG = json.dumps({"action": "pong", "payload": None})


def start_server(handler: Callable[[ServerConnection], Awaitable[None]]) -> tuple[int, Callable[[], None]]:
    """Serves ``handler`` from a thread of its own; the port and a stop function."""
    ready = threading.Event()
    port: list[int] = []
    loop = asyncio.new_event_loop()
    done = asyncio.Event()

    async def main() -> None:
        async with serve(handler, "127.0.0.1", 0) as running:
            port.append(running.sockets[0].getsockname()[1])
            ready.set()
            await done.wait()

    thread = threading.Thread(target=lambda: loop.run_until_complete(main()), daemon=True)
    thread.start()
    ready.wait(10)

    def stop() -> None:
        loop.call_soon_threadsafe(done.set)
        thread.join(10)

    return port[0], stop


async def flood(websocket: ServerConnection) -> None:
    # A client that stops mid-flood may drop the connection after its close
    # timeout; that ends this handler.
    with contextlib.suppress(ConnectionClosed):
        for _ in range(BACKLOG):
            await websocket.send(PONG)
        await websocket.wait_closed()


class Slow(RoomChatClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.handled = 0

    async def on_pong(self, message: PongMessage) -> None:
        self.handled += 1
        await asyncio.sleep(0.01)


async def stop_latency(port: int, how: str) -> float:
    client = Slow(f"127.0.0.1:{port}", path_params={"room_name": "r"})
    if how == "async with":
        entered = time.perf_counter()
        async with client:
            while client.handled < 3:
                await asyncio.sleep(0.001)
            entered = time.perf_counter()
        return time.perf_counter() - entered
    task = asyncio.ensure_future(client.handle())
    while client.handled < 3:
        await asyncio.sleep(0.001)
    started = time.perf_counter()
    if how == "cancel":
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    else:
        await client.disconnect()
        await task
    return time.perf_counter() - started


async def unread_memory(port: int) -> tuple[float, int]:
    client = RoomChatClient(f"127.0.0.1:{port}", path_params={"room_name": "r"})
    tracemalloc.start()
    async with client:
        before = tracemalloc.get_traced_memory()[0]
        while True:
            inbox = client._inbox  # noqa: SLF001 - measured, not used
            if inbox is not None and inbox.dropped + len(inbox.items) >= UNREAD:
                break
            await asyncio.sleep(0.01)
        held = tracemalloc.get_traced_memory()[0] - before
        kept = len(inbox.items)
    tracemalloc.stop()
    return held / 1024 / 1024, kept


async def unread_server(websocket: ServerConnection) -> None:
    for _ in range(UNREAD):
        await websocket.send(PONG)
    await websocket.wait_closed()


def main() -> None:
    # The warning that an unread async-with backlog drops messages is what
    # the last measurement provokes.
    logging.getLogger("showcase.base.client").setLevel(logging.ERROR)
    port, stop = start_server(flood)
    try:
        for how in ("cancel", "async with", "disconnect"):
            times = [asyncio.run(stop_latency(port, how)) for _ in range(RUNS)]
            print(
                f"{how:>10} with a {BACKLOG}-frame backlog: median {statistics.median(times) * 1000:.1f} ms,"
                f" worst {max(times) * 1000:.1f} ms ({RUNS} runs)"
            )
    finally:
        stop()
    port, stop = start_server(unread_server)
    try:
        mib, kept = asyncio.run(unread_memory(port))
        print(f"{UNREAD} unread messages under async with: {mib:.2f} MiB held, {kept} kept (max_queue)")
    finally:
        stop()


if __name__ == "__main__":
    main()
