"""The generated base client's lifecycle (issue 20): cancellation ends
everything the client started and runs no further handler, disconnect() is
never lost, memory is bounded and a slow consumer slows the reading of the
socket, and ``async for`` ends when the connection ends.

Servers run in a thread of their own, so that the client's event loop holds
only the client's tasks, and a test can assert that none is left behind."""

import asyncio
import json
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from conftest import PACKAGES  # noqa: F401  (puts the goldens on sys.path)
from websockets.asyncio.server import ServerConnection, serve

from showcase.base import ReconnectPolicy
from showcase.room_chat import (
    PongMessage,
    RoomChatClient,
    RoomNotificationMessage,
)

TIMEOUT = 10
Handler = Callable[[ServerConnection], Awaitable[None]]


@contextmanager
def server_thread(handler: Handler) -> Iterator[int]:
    """Serves ``handler`` on 127.0.0.1 from another thread; yields the port."""
    ready = threading.Event()
    port: list[int] = []
    stop: list[Callable[[], None]] = []

    def run() -> None:
        async def main() -> None:
            done = asyncio.Event()
            stop.append(lambda: loop.call_soon_threadsafe(done.set))
            # Without compression, so that what a frame weighs is what
            # travels.
            async with serve(handler, "127.0.0.1", 0, compression=None) as running:
                port.append(running.sockets[0].getsockname()[1])
                ready.set()
                await done.wait()

        loop = asyncio.new_event_loop()
        try:
            loop.run_until_complete(main())
        finally:
            loop.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert ready.wait(TIMEOUT)
    try:
        yield port[0]
    finally:
        stop[0]()
        thread.join(TIMEOUT)


def pong() -> str:
    return json.dumps({"action": "pong", "payload": None})


def notification(size: int = 16) -> str:
    payload = {"message": "x" * size, "room_name": "r", "status": "DELIVERED"}
    return json.dumps({"action": "room_notification", "payload": payload})


def other_tasks(baseline: set[asyncio.Task[Any]]) -> set[asyncio.Task[Any]]:
    """The tasks that run now but did not at ``baseline``."""
    return asyncio.all_tasks() - baseline


class Slow(RoomChatClient):
    """Each pong takes ``delay`` seconds to handle; counts them."""

    def __init__(self, *args: Any, delay: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.delay = delay
        self.handled = 0

    async def on_pong(self, message: PongMessage) -> None:
        self.handled += 1
        await asyncio.sleep(self.delay)


async def flood(websocket: ServerConnection, count: int = 10_000) -> None:
    for _ in range(count):
        await websocket.send(pong())
    await websocket.wait_closed()


def test_cancelling_handle_with_a_backlog_runs_no_further_handler_and_leaves_no_task() -> None:
    with server_thread(flood) as port:

        async def scenario() -> None:
            baseline = asyncio.all_tasks()
            client = Slow(f"127.0.0.1:{port}", path_params={"room_name": "r"}, delay=0.01)
            task = asyncio.ensure_future(client.handle())
            while client.handled < 3:
                await asyncio.sleep(0.005)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            handled = client.handled
            await asyncio.sleep(0.2)
            assert client.handled == handled, "a handler ran after the cancellation"
            assert handled < 100, "the backlog was not worked through first"
            assert other_tasks(baseline) == set()

        asyncio.run(asyncio.wait_for(scenario(), TIMEOUT))


def test_leaving_async_with_and_disconnect_stop_a_backlog() -> None:
    with server_thread(flood) as port:

        async def scenario() -> None:
            baseline = asyncio.all_tasks()
            client = Slow(f"127.0.0.1:{port}", path_params={"room_name": "r"}, delay=0.01)
            async with client:
                while client.handled < 3:
                    await asyncio.sleep(0.005)
            handled = client.handled
            await asyncio.sleep(0.2)
            assert client.handled == handled
            assert other_tasks(baseline) == set()

            again = Slow(f"127.0.0.1:{port}", path_params={"room_name": "r"}, delay=0.01)
            task = asyncio.ensure_future(again.handle())
            while again.handled < 3:
                await asyncio.sleep(0.005)
            await again.disconnect()
            await asyncio.wait_for(task, TIMEOUT)
            handled = again.handled
            await asyncio.sleep(0.2)
            assert again.handled == handled
            assert other_tasks(baseline) == set()

        asyncio.run(asyncio.wait_for(scenario(), TIMEOUT))


def test_disconnect_before_start_is_remembered() -> None:
    connections: list[int] = []

    async def handler(websocket: ServerConnection) -> None:
        connections.append(1)
        await websocket.wait_closed()

    with server_thread(handler) as port:

        async def scenario() -> None:
            client = RoomChatClient(f"127.0.0.1:{port}", path_params={"room_name": "r"})
            task = asyncio.ensure_future(client.handle())
            await client.disconnect()
            await asyncio.wait_for(task, TIMEOUT)
            # Seen once: the next handle() connects.
            task = asyncio.ensure_future(client.handle())
            while not connections:
                await asyncio.sleep(0.01)
            await client.disconnect()
            await asyncio.wait_for(task, TIMEOUT)

        asyncio.run(scenario())
    assert connections == [1]


def test_disconnect_during_the_handshake_ends_handle_at_once() -> None:
    async def scenario() -> None:
        accepted = asyncio.Event()

        async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            accepted.set()
            await reader.read()  # never answers the handshake
            writer.close()

        server = await asyncio.start_server(silent, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        policy = ReconnectPolicy(attempts=None, initial_delay=0.01)
        client = RoomChatClient(f"127.0.0.1:{port}", path_params={"room_name": "r"}, reconnect=policy)
        task = asyncio.ensure_future(client.handle())
        await asyncio.wait_for(accepted.wait(), TIMEOUT)
        await client.disconnect()
        await asyncio.wait_for(task, 2)
        server.close()
        await server.wait_closed()

    asyncio.run(scenario())


def test_cancelling_async_with_while_it_connects_stops_the_reconnecting() -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    async def scenario() -> None:
        baseline = asyncio.all_tasks()
        policy = ReconnectPolicy(attempts=None, initial_delay=0.01, jitter=0.0)
        client = RoomChatClient(f"127.0.0.1:{port}", path_params={"room_name": "r"}, reconnect=policy)
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(client.__aenter__(), 0.3)
        await asyncio.sleep(0.05)
        assert other_tasks(baseline) == set(), "nothing goes on reconnecting"

    asyncio.run(scenario())


def test_a_slow_handler_slows_the_reading_of_the_socket() -> None:
    # 190 MiB in all: far more than the loopback's socket buffers (up to
    # 32 MiB for receiving) can hold for a client that does not read.
    sent: list[int] = [0]
    total = 3_000

    async def handler(websocket: ServerConnection) -> None:
        frame = notification(64 * 1024)
        for _ in range(total):
            await websocket.send(frame)
            sent[0] += 1
        await websocket.wait_closed()

    class Stuck(RoomChatClient):
        max_queue = 8

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.release = asyncio.Event()
            self.handled = 0

        async def on_room_notification(self, message: RoomNotificationMessage) -> None:
            self.handled += 1
            await self.release.wait()

    with server_thread(handler) as port:

        async def scenario() -> None:
            client = Stuck(f"127.0.0.1:{port}", path_params={"room_name": "r"})
            task = asyncio.ensure_future(client.handle())
            await asyncio.sleep(1.0)
            assert client.handled == 1
            assert sent[0] < total // 2, f"the server sent {sent[0]} frames to a client that handled one"
            client.release.set()
            while client.handled < total:
                await asyncio.sleep(0.05)
            await client.disconnect()
            await asyncio.wait_for(task, TIMEOUT)

        asyncio.run(asyncio.wait_for(scenario(), 60))
    assert sent[0] == total


def test_async_with_keeps_a_bounded_backlog_for_a_loop_that_never_starts() -> None:
    total = 20_000

    async def handler(websocket: ServerConnection) -> None:
        for _ in range(total):
            await websocket.send(pong())
        await websocket.send(notification())
        await websocket.wait_closed()

    class Counting(RoomChatClient):
        max_queue = 50

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.notified = asyncio.Event()

        async def on_room_notification(self, message: RoomNotificationMessage) -> None:
            self.notified.set()

    with server_thread(handler) as port:

        async def scenario() -> None:
            client = Counting(f"127.0.0.1:{port}", path_params={"room_name": "r"})
            async with client:
                await asyncio.wait_for(client.notified.wait(), TIMEOUT)
                inbox = client._inbox  # pyright: ignore[reportPrivateUsage]
                assert inbox is not None
                assert len(inbox.items) == Counting.max_queue, "the latest messages, no more"
                assert inbox.dropped == total + 1 - Counting.max_queue
                # The first loop gets the latest of them, then what follows.
                first = None
                async for message in client:
                    first = message
                    break
                assert isinstance(first, PongMessage)

        asyncio.run(scenario())


def test_two_loops_each_get_every_message_and_loops_end_with_the_connection() -> None:
    async def handler(websocket: ServerConnection) -> None:
        await websocket.recv()  # both loops run
        for index in range(5):
            payload = {"message": str(index), "room_name": "r", "status": "DELIVERED"}
            await websocket.send(json.dumps({"action": "room_notification", "payload": payload}))
        await websocket.close()

    with server_thread(handler) as port:

        async def collect(client: RoomChatClient, started: asyncio.Event) -> list[str]:
            seen: list[str] = []
            iterator = client.__aiter__()
            started.set()
            async for message in iterator:
                assert isinstance(message, RoomNotificationMessage)
                seen.append(message.payload.message)
            return seen

        async def scenario() -> None:
            client = RoomChatClient(f"127.0.0.1:{port}", path_params={"room_name": "r"})
            task = asyncio.ensure_future(client.handle())
            one, two = asyncio.Event(), asyncio.Event()
            loops = asyncio.gather(collect(client, one), collect(client, two))
            await one.wait()
            await two.wait()
            await client.wait_connected(TIMEOUT)
            await client.send_json({"action": "ping", "payload": None})
            first, second = await asyncio.wait_for(loops, TIMEOUT)
            assert first == second == ["0", "1", "2", "3", "4"]
            await asyncio.wait_for(task, TIMEOUT)

            # A loop started after handle() ended ends at once.
            late = [message async for message in client]
            assert late == []

        asyncio.run(scenario())


def test_an_error_reply_fails_its_request_at_once_and_a_late_reply_is_dropped() -> None:
    from spec_kraken_websocket_request_reply_multiple_channels.base import RequestError
    from spec_kraken_websocket_request_reply_multiple_channels.subscribe import (
        Subscribe,
        SubscribeClient,
        SubscriptionStatus,
    )

    async def handler(websocket: ServerConnection) -> None:
        async for frame in websocket:
            reqid = json.loads(frame)["reqid"]
            if reqid == 1:
                error = {"action": "error", "reqid": 1, "payload": {"reason": "unknown pair"}}
                await websocket.send(json.dumps(error))
            elif reqid == 2:
                await asyncio.sleep(0.3)  # after the request gave up
                status = {"event": "subscriptionStatus", "reqid": 2, "errorMessage": "late"}
                await websocket.send(json.dumps(status))
                await websocket.send(json.dumps({**status, "reqid": 3, "errorMessage": "pushed"}))

    class Subscriber(SubscribeClient):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.delivered: list[str] = []

        async def on_subscription_status(self, message: SubscriptionStatus) -> None:
            self.delivered.append(str(getattr(message.root, "errorMessage", "")))

    with server_thread(handler) as port:

        async def scenario() -> None:
            async with Subscriber(f"127.0.0.1:{port}") as client:
                started = asyncio.get_running_loop().time()
                with pytest.raises(RequestError) as refused:
                    await client.request_subscribe(Subscribe(event="subscribe", reqid=1), timeout=TIMEOUT)
                assert asyncio.get_running_loop().time() - started < TIMEOUT / 2, "failed at once"
                assert refused.value.payload == {"reason": "unknown pair"}
                with pytest.raises(asyncio.TimeoutError):
                    await client.request_subscribe(Subscribe(event="subscribe", reqid=2), timeout=0.1)
                while not client.delivered:
                    await asyncio.sleep(0.01)
                assert client.delivered == ["pushed"], "the late reply is dropped, the push is not"

        asyncio.run(asyncio.wait_for(scenario(), TIMEOUT))


def test_resubscribing_tries_every_topic_and_init_still_runs() -> None:
    from sandbox_fastapi.base import ReconnectPolicy as TopicReconnectPolicy
    from sandbox_fastapi.base import ResubscribeError, TopicUnauthorizedError
    from sandbox_fastapi.topic_hub import TopicHubClient

    connections: list[int] = []
    subscribes: list[tuple[int, str]] = []

    async def handler(websocket: ServerConnection) -> None:
        connections.append(len(connections) + 1)
        number = len(connections)
        async for frame in websocket:
            data = json.loads(frame)
            if data.get("action") != "subscribe":
                continue
            subscribes.append((number, data["topic"]))
            refused = number == 2 and data["topic"] == "room:a"
            answer = {"version": 1, "topic": data["topic"], "ref": data["ref"]}
            if refused:
                answer |= {"action": "error", "payload": {"reason": "unauthorized", "detail": "no"}}
            else:
                answer["action"] = "subscribed"
            await websocket.send(json.dumps(answer))
            if number == 1 and len(subscribes) == 3:
                await websocket.close(1011)

    class Hub(TopicHubClient):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.inits = 0
            self.errors: list[Exception] = []

        async def send_init_message(self) -> None:
            self.inits += 1
            for handle in (self.room_topic("a"), self.room_topic("b"), self.presence_topic("c")):
                if not handle.subscribed:
                    await handle.subscribe()

        async def handle_error(self, error: Exception) -> None:
            self.errors.append(error)

    with server_thread(handler) as port:

        async def scenario() -> Hub:
            policy = TopicReconnectPolicy(attempts=2, initial_delay=0.01, jitter=0.0)
            client = Hub(f"127.0.0.1:{port}", reconnect=policy)
            task = asyncio.ensure_future(client.handle())
            while client.inits < 2 or len(subscribes) < 7:
                await asyncio.sleep(0.01)
            await client.disconnect()
            await asyncio.wait_for(task, TIMEOUT)
            return client

        client = asyncio.run(asyncio.wait_for(scenario(), TIMEOUT))
    # The second connection: all three renewed (room:a refused), then
    # send_init_message subscribes room:a once more.
    assert [topic for number, topic in subscribes if number == 2] == ["room:a", "room:b", "presence:c", "room:a"]
    assert client.inits == 2, "send_init_message ran after the resubscription"
    refusal = client.errors[0]
    assert isinstance(refusal, ResubscribeError)
    assert list(refusal.errors) == ["room:a"]
    assert isinstance(refusal.errors["room:a"], TopicUnauthorizedError)
    assert not client.room_topic("a").subscribed
    assert client.room_topic("b").subscribed and client.presence_topic("c").subscribed


def test_a_topic_message_never_loses_a_field_to_the_envelope() -> None:
    from sandbox_fastapi.topic_hub import TopicHubClient

    sent: list[Any] = []

    async def handler(websocket: ServerConnection) -> None:
        async for frame in websocket:
            sent.append(json.loads(frame))

    with server_thread(handler) as port:

        async def scenario() -> None:
            async with TopicHubClient(f"127.0.0.1:{port}") as client:
                with pytest.raises(ValueError, match="topic"):
                    await client.send_frame({"action": "note", "topic": "mine"}, "room:a")
                await client.send_frame({"action": "note", "text": "kept"}, "room:a", "7")

        asyncio.run(asyncio.wait_for(scenario(), TIMEOUT))
    assert sent == [{"action": "note", "text": "kept", "version": 1, "topic": "room:a", "ref": "7"}]


def test_cancelling_while_reconnecting_leaves_no_task() -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    async def scenario() -> None:
        baseline = asyncio.all_tasks()
        policy = ReconnectPolicy(attempts=None, initial_delay=600, jitter=0.0)
        client = RoomChatClient(f"127.0.0.1:{port}", path_params={"room_name": "r"}, reconnect=policy)
        task = asyncio.ensure_future(client.handle())
        await asyncio.sleep(0.2)  # refused once, now waiting to try again
        assert not task.done()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await asyncio.sleep(0)
        assert other_tasks(baseline) == set()

    asyncio.run(asyncio.wait_for(scenario(), TIMEOUT))


CTRL_C_CLIENT = """
import asyncio, sys
sys.path.insert(0, {golden!r})
from showcase.room_chat import PongMessage, RoomChatClient

class Slow(RoomChatClient):
    async def on_pong(self, message: PongMessage) -> None:
        print("handled", flush=True)
        await asyncio.sleep(0.01)

async def main() -> None:
    try:
        await Slow("127.0.0.1:{port}", path_params={{"room_name": "r"}}).handle()
    finally:
        print("stopped", flush=True)

asyncio.run(main())
"""


def test_ctrl_c_under_asyncio_run_stops_the_client_and_its_handlers() -> None:
    import signal
    import subprocess
    import sys

    from conftest import GOLDEN

    with server_thread(flood) as port:
        process = subprocess.Popen(
            [sys.executable, "-c", CTRL_C_CLIENT.format(golden=str(GOLDEN), port=port)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            # A shell that started the tests in the background (`cmd &`)
            # left SIGINT ignored, and Python keeps an ignored SIGINT: the
            # client gets Ctrl-C as a terminal would deliver it.
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        assert process.stdout is not None
        for _ in range(3):
            assert process.stdout.readline() == "handled\n"
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=TIMEOUT)
    lines = out.splitlines()
    assert "stopped" in lines, out + err
    assert lines[-1] == "stopped", "no handler ran after the interrupt"
    assert "KeyboardInterrupt" in err
    assert len(lines) < 100, "the backlog was not worked through first"


def test_ctrl_c_on_python_3_10_goes_through_the_loop_while_a_client_runs() -> None:
    # On 3.10 the default handler raises KeyboardInterrupt wherever the main
    # thread is, also inside pydantic's isinstance checks, which swallow it.
    # While clients run, the loop raises it between callbacks instead; the
    # last client to stop gives Ctrl-C back to the default handler.
    import signal
    import sys

    seen: list[Any] = []

    class Watching(Slow):
        async def on_pong(self, message: PongMessage) -> None:
            seen.append(signal.getsignal(signal.SIGINT))
            await super().on_pong(message)
            if self.handled == 2:
                await self.disconnect()

    # Python's own handler, as in a terminal, even when the tests inherited
    # an ignored SIGINT (started in the background).
    inherited = signal.signal(signal.SIGINT, signal.default_int_handler)
    with server_thread(flood) as port:

        async def scenario() -> None:
            seen.append(signal.getsignal(signal.SIGINT))
            first = Watching(f"127.0.0.1:{port}", path_params={"room_name": "r"}, delay=0)
            second = Watching(f"127.0.0.1:{port}", path_params={"room_name": "r"}, delay=0)
            await asyncio.gather(first.handle(), second.handle())
            seen.append(signal.getsignal(signal.SIGINT))

        try:
            asyncio.run(asyncio.wait_for(scenario(), TIMEOUT))
        finally:
            signal.signal(signal.SIGINT, inherited)
    before, *during, after = seen
    assert len(during) == 4
    if sys.version_info < (3, 11):
        assert before is signal.default_int_handler
        assert all(handler is not before for handler in during)
    else:
        # asyncio.run itself cancels the main task on Ctrl-C: left alone.
        assert all(handler is before for handler in during)
    assert after is before
