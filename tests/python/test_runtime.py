"""The generated base client against a real WebSocket server on 127.0.0.1:
connection, path parameters, headers, the init message, typed replies,
invalid and non-JSON frames, connection errors and disconnect(); reconnecting
after a drop (backoff, give up, stop), ``async with``/``async for``, and a
handler per message type."""

import asyncio
import base64
import json
import socket
from typing import Any

import pytest
from conftest import PACKAGES  # noqa: F401  (puts the goldens on sys.path)
from websockets.asyncio.server import ServerConnection, serve

from showcase.room_chat import (
    IncomingMessage,
    MessageStatus,
    PingMessage,
    PongMessage,
    RoomChatClient,
    RoomChatMessage,
    RoomMessagePayload,
    RoomNotificationMessage,
)

TIMEOUT = 10


class Server:
    """A room-chat server: replies to each room message and ping, then
    sends an unknown action, plain text and bytes."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.headers: list[dict[str, str]] = []
        self.received: list[Any] = []

    async def handler(self, websocket: ServerConnection) -> None:
        self.paths.append(websocket.request.path)
        self.headers.append(dict(websocket.request.headers))
        async for frame in websocket:
            data = json.loads(frame)
            self.received.append(data)
            if data["action"] == "room_chat":
                reply = {"action": "room_notification", "payload": data["payload"]}
                await websocket.send(json.dumps(reply))
            elif data["action"] == "ping":
                await websocket.send(json.dumps({"action": "pong", "payload": None}))
                await websocket.send(json.dumps({"action": "no_such_action", "payload": 1}))
                await websocket.send("plain text, not JSON")
                await websocket.send(b"\x00\xff binary")


class RecordingClient(RoomChatClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.events: list[str] = []
        self.messages: list[IncomingMessage] = []
        self.invalid: list[Any] = []
        self.raw: list[str | bytes] = []
        self.connection_errors: list[Exception] = []

    async def before_handle(self) -> None:
        self.events.append("before")

    async def after_handle(self) -> None:
        self.events.append("after")

    async def send_init_message(self) -> None:
        payload = RoomMessagePayload(message="hello", room_name="a b/c", status="DELIVERED")
        await self.send_message(RoomChatMessage(payload=payload))

    async def handle_message(self, message: IncomingMessage) -> None:
        self.messages.append(message)
        match message:
            case RoomNotificationMessage():
                await self.send_message(PingMessage())
            case PongMessage():
                pass

    async def handle_invalid_message(self, invalid_message: Any) -> None:
        self.invalid.append(invalid_message)

    async def handle_raw_data(self, message: str | bytes) -> None:
        self.raw.append(message)
        if len(self.raw) == 2:
            await self.disconnect()

    async def handle_websocket_connection_error(self, error: Exception) -> None:
        self.connection_errors.append(error)


def test_a_full_conversation_with_a_real_server() -> None:
    server = Server()

    async def scenario() -> RecordingClient:
        async with serve(server.handler, "127.0.0.1", 0) as running:
            port = running.sockets[0].getsockname()[1]
            client = RecordingClient(
                f"127.0.0.1:{port}",
                headers={"Authorization": "Bearer token-1", "X-Custom": "yes"},
                path_params={"room_name": "lobby 1/ä"},
            )
            await asyncio.wait_for(client.handle(), TIMEOUT)
            return client

    client = asyncio.run(scenario())
    assert server.paths == ["/ws/room/lobby%201%2F%C3%A4"]
    assert server.headers[0]["authorization"] == "Bearer token-1"
    assert server.headers[0]["x-custom"] == "yes"
    assert server.received[0] == {
        "action": "room_chat",
        "payload": {"message": "hello", "room_name": "a b/c", "status": "DELIVERED"},
    }
    assert server.received[1] == {"action": "ping", "payload": None}
    assert [type(message) for message in client.messages] == [RoomNotificationMessage, PongMessage]
    notification = client.messages[0]
    assert isinstance(notification, RoomNotificationMessage)
    status: MessageStatus = notification.payload.status
    assert status == "DELIVERED"
    assert client.invalid == [{"action": "no_such_action", "payload": 1}]
    assert client.raw == ["plain text, not JSON", b"\x00\xff binary"]
    assert client.connection_errors == []
    assert client.events == ["before", "after"]


def test_a_refused_connection_goes_to_the_connection_error_hook() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = RecordingClient(f"ws://127.0.0.1:{port}", path_params={"room_name": "x"})
    asyncio.run(asyncio.wait_for(client.handle(), TIMEOUT))
    assert len(client.connection_errors) == 1
    assert isinstance(client.connection_errors[0], OSError)
    assert client.events == ["before"]


def test_urls_and_path_parameters() -> None:
    client = RoomChatClient("example.com:9000/", protocol="wss", path_params={"room_name": 7})
    assert client.url == "wss://example.com:9000/ws/room/7"
    client = RoomChatClient("ws://localhost:8000/prefix", path_params={"room_name": "r"})
    assert client.url == "ws://localhost:8000/prefix/ws/room/r"
    with pytest.raises(ValueError, match="missing room_name"):
        RoomChatClient("localhost:8000")
    # Without a base_url, the document's server.
    assert RoomChatClient(path_params={"room_name": "r"}).url == "ws://127.0.0.1/ws/room/r"
    from gen_types.records import RecordsClient

    with pytest.raises(ValueError, match="names none"):
        RecordsClient()
    with pytest.raises(ValueError, match="unknown other"):
        RoomChatClient("localhost:8000", path_params={"room_name": "r", "other": 1})


def test_sending_without_a_connection_fails_fast() -> None:
    from showcase.base import NotConnectedError

    client = RoomChatClient("localhost:1", path_params={"room_name": "r"})
    with pytest.raises(NotConnectedError):
        asyncio.run(client.send_message(PingMessage()))


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Reconnecting(RoomChatClient):
    """Records the lifecycle of a client with a reconnect policy."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.events: list[str] = []
        self.sent_while_down: list[str] = []

    async def send_init_message(self) -> None:
        self.events.append("init")
        await self.send_message(PingMessage())

    async def on_reconnect(self, attempt: int) -> None:
        self.events.append(f"reconnect {attempt}")

    async def on_pong(self, message: PongMessage) -> None:
        self.events.append("pong")

    async def handle_websocket_connection_error(self, error: Exception) -> None:
        self.events.append("dropped")
        try:
            await self.send_message(PingMessage())
        except Exception as failure:  # noqa: BLE001 - recorded
            self.sent_while_down.append(type(failure).__name__)

    async def after_handle(self) -> None:
        self.events.append("after")


def test_a_dropped_connection_is_reestablished_until_a_clean_close() -> None:
    from showcase.base import ReconnectPolicy

    connections: list[int] = []

    async def handler(websocket: ServerConnection) -> None:
        connections.append(len(connections) + 1)
        await websocket.recv()
        await websocket.send(json.dumps({"action": "pong", "payload": None}))
        await asyncio.sleep(0.05)
        # The first two connections drop; the third closes normally.
        await websocket.close(1011 if len(connections) < 3 else 1000)

    async def scenario() -> Reconnecting:
        async with serve(handler, "127.0.0.1", 0) as running:
            port = running.sockets[0].getsockname()[1]
            policy = ReconnectPolicy(attempts=3, initial_delay=0.01, jitter=0.0)
            client = Reconnecting(f"127.0.0.1:{port}", path_params={"room_name": "r"}, reconnect=policy)
            await asyncio.wait_for(client.handle(), TIMEOUT)
            return client

    client = asyncio.run(scenario())
    assert connections == [1, 2, 3]
    assert client.events == [
        "init",
        "pong",
        "dropped",
        "reconnect 1",
        "init",
        "pong",
        "dropped",
        "reconnect 1",
        "init",
        "pong",
        "after",
    ]
    assert client.sent_while_down == ["NotConnectedError", "NotConnectedError"]


def test_reconnecting_gives_up_after_its_attempts_and_stops_on_disconnect(caplog: pytest.LogCaptureFixture) -> None:
    from showcase.base import ReconnectError, ReconnectPolicy

    port = closed_port()
    policy = ReconnectPolicy(attempts=2, initial_delay=0.01, jitter=0.0)
    client = Reconnecting(f"127.0.0.1:{port}", path_params={"room_name": "r"}, reconnect=policy)
    with caplog.at_level("WARNING"), pytest.raises(ReconnectError) as raised:
        asyncio.run(asyncio.wait_for(client.handle(), TIMEOUT))
    assert client.events == ["dropped", "dropped", "dropped"], "the first try and two attempts"
    assert raised.value.attempts == 2
    assert isinstance(raised.value.__cause__, OSError), "the last cause"
    retries = [record for record in caplog.records if "reconnect attempt" in record.getMessage()]
    assert [record.levelname for record in retries] == ["WARNING", "WARNING"]
    assert "reconnect attempt 1 in 0.01 s" in retries[0].getMessage()
    assert "reconnect attempt 2 in 0.02 s" in retries[1].getMessage()

    # disconnect() ends the wait before the next attempt at once.
    waiting = Reconnecting(
        f"127.0.0.1:{port}", path_params={"room_name": "r"}, reconnect=ReconnectPolicy(attempts=None, initial_delay=600)
    )

    async def stop_while_waiting() -> None:
        task = asyncio.ensure_future(waiting.handle())
        while not waiting.events:
            await asyncio.sleep(0.01)
        await waiting.disconnect()
        await asyncio.wait_for(task, TIMEOUT)

    asyncio.run(stop_while_waiting())
    assert waiting.events == ["dropped"]


def test_a_handshake_timeout_is_retried_on_every_python(monkeypatch: pytest.MonkeyPatch) -> None:
    """websockets raises asyncio.TimeoutError for a handshake that times out;
    on Python 3.10 that is not the builtin TimeoutError."""
    import showcase.base.client as base_client
    from showcase.base import ReconnectError, ReconnectPolicy

    calls: list[str] = []

    async def timing_out(*args: Any, **kwargs: Any) -> Any:
        calls.append("connect")
        raise asyncio.TimeoutError

    monkeypatch.setattr(base_client, "connect", timing_out)
    policy = ReconnectPolicy(attempts=2, initial_delay=0.01, jitter=0.0)
    client = Reconnecting("127.0.0.1:1", path_params={"room_name": "r"}, reconnect=policy)
    with pytest.raises(ReconnectError) as raised:
        asyncio.run(asyncio.wait_for(client.handle(), TIMEOUT))
    assert calls == ["connect"] * 3
    assert isinstance(raised.value.__cause__, asyncio.TimeoutError)


def test_sending_while_reconnecting_says_so_and_wait_connected_waits() -> None:
    from showcase.base import NotConnectedError, ReconnectPolicy

    connections: list[int] = []
    messages: list[str] = []

    async def handler(websocket: ServerConnection) -> None:
        connections.append(len(connections) + 1)
        if len(connections) == 1:
            await websocket.close(1011)
            return
        async for frame in websocket:
            await websocket.send(json.dumps({"action": "pong", "payload": None}))
            messages.append(str(frame))

    async def scenario() -> None:
        async with serve(handler, "127.0.0.1", 0) as running:
            port = running.sockets[0].getsockname()[1]
            policy = ReconnectPolicy(attempts=3, initial_delay=0.3, jitter=0.0)
            client = RoomChatClient(f"127.0.0.1:{port}", path_params={"room_name": "r"}, reconnect=policy)
            task = asyncio.ensure_future(client.handle())
            while not connections:
                await asyncio.sleep(0.01)
            await asyncio.sleep(0.1)
            with pytest.raises(NotConnectedError, match="reconnecting"):
                await client.send_message(PingMessage())
            await client.wait_connected(TIMEOUT)
            reply = await client.request_ping(PingMessage(), timeout=TIMEOUT)
            assert isinstance(reply, PongMessage)
            await client.disconnect()
            await asyncio.wait_for(task, TIMEOUT)

    asyncio.run(scenario())
    assert connections == [1, 2]
    assert len(messages) == 1


class Failing(RoomChatClient):
    """Its pong handler raises; ``reraise`` makes handle_error raise too."""

    def __init__(self, *args: Any, reraise: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.reraise = reraise
        self.handled: list[str] = []
        self.errors: list[str] = []

    async def on_pong(self, message: PongMessage) -> None:
        self.handled.append("pong")
        raise ValueError(f"pong {len(self.handled)}")

    async def on_room_notification(self, message: RoomNotificationMessage) -> None:
        self.handled.append("notification")

    async def handle_error(self, error: Exception) -> None:
        self.errors.append(str(error))
        if self.reraise:
            raise error
        await super().handle_error(error)


def test_a_raising_handler_is_logged_and_the_client_goes_on_unless_handle_error_raises(
    caplog: pytest.LogCaptureFixture,
) -> None:
    notification = {"action": "room_notification", "payload": {"message": "m", "room_name": "r", "status": "DELIVERED"}}
    closed_with: list[int | None] = []

    async def handler(websocket: ServerConnection) -> None:
        pong = json.dumps({"action": "pong", "payload": None})
        for frame in [pong, pong, json.dumps(notification)]:
            await websocket.send(frame)
        try:
            await websocket.wait_closed()
        finally:
            closed_with.append(websocket.protocol.close_code)

    async def run(reraise: bool) -> Failing:
        async with serve(handler, "127.0.0.1", 0) as running:
            port = running.sockets[0].getsockname()[1]
            client = Failing(f"127.0.0.1:{port}", path_params={"room_name": "r"}, reraise=reraise)
            task = asyncio.ensure_future(client.handle())
            await asyncio.sleep(0.3)
            if not task.done():
                await client.disconnect()
            try:
                await asyncio.wait_for(task, TIMEOUT)
            except ValueError as error:
                client.errors.append(f"raised {error}")
            return client

    # The default handle_error logs, and the client goes on.
    with caplog.at_level("ERROR"):
        logged = asyncio.run(run(reraise=False))
    assert logged.handled == ["pong", "pong", "notification"]
    assert [record.levelname for record in caplog.records if "handling a message" in record.getMessage()] == [
        "ERROR",
        "ERROR",
    ]

    # A handle_error that raises closes the connection, and handle() raises it:
    # never a connected client that handles nothing.
    fatal = asyncio.run(run(reraise=True))
    assert fatal.handled == ["pong"], "no handler runs after the fatal error"
    assert fatal.errors == ["pong 1", "raised pong 1"]
    assert closed_with[-1] == 1011


def test_a_client_can_be_used_from_one_event_loop_after_another() -> None:
    from showcase.base import NotConnectedError, ReconnectError, ReconnectPolicy

    policy = ReconnectPolicy(attempts=1, initial_delay=0.01, jitter=0.0)
    client = Reconnecting(f"127.0.0.1:{closed_port()}", path_params={"room_name": "r"}, reconnect=policy)

    async def refused() -> None:
        async with client:
            raise AssertionError("entered without a connection")

    for _ in range(2):
        with pytest.raises(ReconnectError):
            asyncio.run(asyncio.wait_for(client.handle(), TIMEOUT))
        with pytest.raises(NotConnectedError):
            asyncio.run(asyncio.wait_for(refused(), TIMEOUT))
    assert client.events == ["dropped"] * 8


def test_backoff_grows_to_its_cap_with_bounded_jitter() -> None:
    from showcase.base import ReconnectPolicy

    policy = ReconnectPolicy(initial_delay=1.0, multiplier=2.0, max_delay=5.0, jitter=0.1)
    for attempt, expected in [(1, 1.0), (2, 2.0), (3, 4.0), (4, 5.0), (9, 5.0)]:
        delays = [policy.delay(attempt) for _ in range(50)]
        assert all(expected * 0.9 <= delay <= expected * 1.1 for delay in delays), (attempt, delays)
        assert len(set(delays)) > 1, "jittered"
    assert policy.allows(5) and not policy.allows(6)
    assert ReconnectPolicy(attempts=None).allows(10_000)


def test_async_with_and_async_for_yield_typed_messages() -> None:
    from showcase.base import NotConnectedError

    async def handler(websocket: ServerConnection) -> None:
        await websocket.send(json.dumps({"action": "pong", "payload": None}))
        async for frame in websocket:
            data = json.loads(frame)
            reply = {"action": "room_notification", "payload": data["payload"]}
            await websocket.send(json.dumps(reply))
            await websocket.close()

    async def scenario() -> list[IncomingMessage]:
        received: list[IncomingMessage] = []
        async with serve(handler, "127.0.0.1", 0) as running:
            port = running.sockets[0].getsockname()[1]
            async with RoomChatClient(f"127.0.0.1:{port}", path_params={"room_name": "r"}) as client:
                payload = RoomMessagePayload(message="hi", room_name="r", status="PENDING")
                await client.send_message(RoomChatMessage(payload=payload))
                async for message in client:
                    received.append(message)
            with pytest.raises(NotConnectedError):
                await client.send_message(PingMessage())
        return received

    received = asyncio.run(asyncio.wait_for(scenario(), TIMEOUT))
    assert [type(message) for message in received] == [PongMessage, RoomNotificationMessage]

    async def refused() -> None:
        async with RoomChatClient(f"127.0.0.1:{closed_port()}", path_params={"room_name": "r"}):
            raise AssertionError("entered without a connection")

    with pytest.raises(NotConnectedError, match="could not connect"):
        asyncio.run(asyncio.wait_for(refused(), TIMEOUT))

    # A failed attempt keeps nothing for a later ``async for``.
    client = RoomChatClient(f"127.0.0.1:{closed_port()}", path_params={"room_name": "r"})

    async def enter_twice() -> None:
        for _ in range(2):
            with pytest.raises(NotConnectedError):
                async with client:
                    pass

    asyncio.run(asyncio.wait_for(enter_twice(), TIMEOUT))
    assert client._listeners == []  # noqa: SLF001 - the queues are internal


def test_each_message_type_reaches_its_own_handler() -> None:
    server = Server()

    class Typed(RoomChatClient):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.calls: list[str] = []

        async def send_init_message(self) -> None:
            payload = RoomMessagePayload(message="hello", room_name="r", status="FAILED")
            await self.send_message(RoomChatMessage(payload=payload))

        async def on_room_notification(self, message: RoomNotificationMessage) -> None:
            self.calls.append(f"notification {message.payload.status}")
            await self.send_message(PingMessage())

        async def on_pong(self, message: PongMessage) -> None:
            self.calls.append("pong")

        async def handle_raw_data(self, message: str | bytes) -> None:
            if isinstance(message, bytes):
                await self.disconnect()

    async def scenario() -> Typed:
        async with serve(server.handler, "127.0.0.1", 0) as running:
            port = running.sockets[0].getsockname()[1]
            client = Typed(f"127.0.0.1:{port}", path_params={"room_name": "r"})
            await asyncio.wait_for(client.handle(), TIMEOUT)
            return client

    assert asyncio.run(scenario()).calls == ["notification FAILED", "pong"]


def test_a_typed_request_returns_its_reply_while_other_messages_flow() -> None:
    async def handler(websocket: ServerConnection) -> None:
        await websocket.send(json.dumps({"action": "pong", "payload": None}))
        async for frame in websocket:
            data = json.loads(frame)
            if data["action"] != "room_chat":
                continue  # pings are never answered
            if data["payload"]["message"] == "drop":
                await websocket.close(1011)
                return
            # An unrelated push first, then the reply.
            await websocket.send(json.dumps({"action": "pong", "payload": None}))
            await websocket.send(json.dumps({"action": "room_notification", "payload": data["payload"]}))

    class Asking(RoomChatClient):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.seen: list[str] = []

        async def on_pong(self, message: PongMessage) -> None:
            self.seen.append("pong")
            if len(self.seen) == 1:
                # A handler may await a request of its own.
                reply = await self.request_room_chat(chat("from a handler"))
                self.seen.append(f"reply {reply.payload.message}")

        async def on_room_notification(self, message: RoomNotificationMessage) -> None:
            self.seen.append(f"unrequested {message.payload.message}")

    def chat(text: str) -> RoomChatMessage:
        return RoomChatMessage(payload=RoomMessagePayload(message=text, room_name="r", status="PENDING"))

    async def scenario() -> Asking:
        from showcase.base import NotConnectedError

        async with serve(handler, "127.0.0.1", 0) as running:
            port = running.sockets[0].getsockname()[1]
            async with Asking(f"127.0.0.1:{port}", path_params={"room_name": "r"}) as client:
                while len(client.seen) < 2:
                    await asyncio.sleep(0.01)
                reply = await client.request_room_chat(chat("hello"))
                assert isinstance(reply, RoomNotificationMessage) and reply.payload.message == "hello"
                with pytest.raises(asyncio.TimeoutError):
                    await client.request_ping(PingMessage(), timeout=0.2)
                with pytest.raises(NotConnectedError):
                    await client.request_room_chat(chat("drop"), timeout=60)
            return client

    client = asyncio.run(asyncio.wait_for(scenario(), TIMEOUT))
    # Replies were taken by their requests; only the pushes reached the
    # handlers, one at a time in arrival order.
    assert client.seen == ["pong", "reply from a handler", "pong", "pong"]


def test_a_correlated_request_takes_the_reply_with_its_id() -> None:
    from spec_kraken_websocket_request_reply_multiple_channels.subscribe import (
        Subscribe,
        SubscribeClient,
        SubscriptionStatus,
    )

    async def handler(websocket: ServerConnection) -> None:
        async for frame in websocket:
            reqid = json.loads(frame)["reqid"]
            for answered in (reqid + 100, reqid):
                status = {"event": "subscriptionStatus", "reqid": answered, "errorMessage": "no"}
                await websocket.send(json.dumps(status))

    class Subscriber(SubscribeClient):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.others: list[SubscriptionStatus] = []

        async def on_subscription_status(self, message: SubscriptionStatus) -> None:
            self.others.append(message)

    async def scenario() -> tuple[Subscriber, Any]:
        async with serve(handler, "127.0.0.1", 0) as running:
            port = running.sockets[0].getsockname()[1]
            async with Subscriber(f"127.0.0.1:{port}") as client:
                reply = await client.request_subscribe(Subscribe(event="subscribe", reqid=7))
                with pytest.raises(ValueError, match="no correlation id at '/reqid'"):
                    await client.request_subscribe(Subscribe(event="subscribe"))
                while not client.others:
                    await asyncio.sleep(0.01)
            return client, reply

    client, reply = asyncio.run(asyncio.wait_for(scenario(), TIMEOUT))
    assert isinstance(reply, SubscriptionStatus) and reply.root.reqid == 7
    assert [other.root.reqid for other in client.others] == [107]


def test_credentials_from_the_document_reach_the_server() -> None:
    from gen_security.accounts import AccountsClient
    from gen_security.orders import OrdersClient

    seen: list[tuple[str, dict[str, str]]] = []

    async def handler(websocket: ServerConnection) -> None:
        seen.append((websocket.request.path, dict(websocket.request.headers)))
        await websocket.close()

    async def scenario() -> None:
        async with serve(handler, "127.0.0.1", 0) as running:
            host = f"127.0.0.1:{running.sockets[0].getsockname()[1]}"
            clients = [
                OrdersClient(host, x_api_key="k1", x_tenant="acme", api_key="q 1", page="2", bearer_token="tok"),
                AccountsClient(host, username="ada", password="s3cret:x"),
                OrdersClient(host, headers={"X-Other": "kept"}),
            ]
            for client in clients:
                await asyncio.wait_for(client.handle(), TIMEOUT)

    asyncio.run(scenario())
    (orders_path, orders), (accounts_path, accounts), (bare_path, bare) = seen
    assert orders_path == "/ws/orders?api_key=q+1&page=2"
    assert (orders["x-api-key"], orders["x-tenant"], orders["authorization"]) == ("k1", "acme", "Bearer tok")
    assert accounts_path == "/ws/accounts"
    assert accounts["authorization"] == "Basic " + base64.b64encode(b"ada:s3cret:x").decode()
    # Credentials not given are not sent.
    assert bare_path == "/ws/orders" and bare["x-other"] == "kept"
    assert not {"x-api-key", "x-tenant", "authorization"} & set(bare)
