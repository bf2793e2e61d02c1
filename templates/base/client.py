"""The WebSocket client every generated channel client builds on.

A channel client sets ``path`` (the channel address, possibly with
``{parameter}`` placeholders) and ``incoming_adapter`` (validates frames into
the channel's ``IncomingMessage`` union). Subclass a channel client and
override ``handle_message`` and the hooks to give it behaviour, or use it
as ``async with`` and ``async for``. ``reconnect=ReconnectPolicy()``
re-establishes a dropped connection.
"""

import asyncio
import base64
import json
import logging
import random
import re
import signal
import uuid
from collections import deque
from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Collection,
    Mapping,
    Sequence,
)
from dataclasses import dataclass, field
from functools import partial
from typing import Any, ClassVar, Generic, NoReturn, TypeVar, cast
from urllib.parse import quote, urlencode

from pydantic import BaseModel, RootModel, TypeAdapter, ValidationError
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import (
    ConnectionClosed,
    ConnectionClosedError,
    WebSocketException,
)

logger = logging.getLogger(__name__)

IncomingT = TypeVar("IncomingT")
OutgoingT = TypeVar("OutgoingT", bound=BaseModel)
ClientT = TypeVar("ClientT", bound="BaseClient[Any, Any]")

# What a closed mailbox gives an ``async for`` loop.
_CLOSED = object()
_MISSING = object()

# Handles one received frame, in the order frames arrived.
Job = Callable[[], Awaitable[None]]


async def _done() -> None:
    """The job that tells the handler worker to stop."""


_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")

# Why a connection could not open. On Python 3.10 websockets raises
# asyncio.TimeoutError, not yet the builtin TimeoutError, for a handshake
# that times out.
_CONNECT_ERRORS = (OSError, TimeoutError, asyncio.TimeoutError, WebSocketException)


# Python 3.10's asyncio.run leaves Ctrl-C to the default handler, which
# raises KeyboardInterrupt wherever the main thread is, also inside
# pydantic's validation, which can swallow it: the client would run on.
# While a client runs there, Ctrl-C is raised by the event loop between
# callbacks instead, where nothing swallows it.
_interrupt_guards: dict[asyncio.AbstractEventLoop, int] = {}


def _interrupt() -> NoReturn:
    raise KeyboardInterrupt


def _guard_interrupts(loop: asyncio.AbstractEventLoop) -> bool:
    """Routes Ctrl-C through ``loop`` where that is needed and possible;
    whether it did, to be undone by ``_unguard_interrupts``."""
    if hasattr(asyncio, "Runner"):
        return False  # its asyncio.run cancels the main task on Ctrl-C
    guards = _interrupt_guards.get(loop, 0)
    if not guards:
        if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
            return False  # the application handles Ctrl-C itself
        try:
            loop.add_signal_handler(signal.SIGINT, _interrupt)
        except (NotImplementedError, RuntimeError, ValueError):
            return False  # not the main thread, or no signals on this loop
    _interrupt_guards[loop] = guards + 1
    return True


def _unguard_interrupts(loop: asyncio.AbstractEventLoop) -> None:
    guards = _interrupt_guards.pop(loop) - 1
    if guards:
        _interrupt_guards[loop] = guards
    else:
        loop.remove_signal_handler(signal.SIGINT)


class NotConnectedError(RuntimeError):
    """Raised when sending while no connection is open."""


class RequestError(RuntimeError):
    """The server answered a request with an ``error`` frame that carries the
    request's correlation id; ``payload`` is the frame's payload."""

    def __init__(self, url: str, payload: Any) -> None:
        super().__init__(f"{url} refused the request: {payload!r}")
        self.payload = payload


class ReconnectError(ConnectionError):
    """Raised by ``handle()`` when a reconnect policy's attempts are
    exhausted; ``attempts`` is how many were made, and the last failure is
    the exception's ``__cause__``."""

    def __init__(self, url: str, attempts: int) -> None:
        super().__init__(f"gave up reconnecting to {url} after {attempts} attempts")
        self.attempts = attempts


@dataclass(frozen=True)
class ReconnectPolicy:
    """How ``handle()`` re-establishes a connection that dropped or could not open.

    Attempt ``n`` (counted from 1 since the last open connection) waits
    ``initial_delay * multiplier ** (n - 1)`` seconds, at most ``max_delay``,
    changed at random by up to ``jitter`` of itself; after ``attempts``
    failed attempts in a row (``None``: never) ``handle()`` gives up.
    """

    attempts: int | None = 5
    initial_delay: float = 0.5
    multiplier: float = 2.0
    max_delay: float = 30.0
    jitter: float = 0.1

    def delay(self, attempt: int) -> float:
        """Seconds to wait before attempt ``attempt``."""
        delay = min(
            self.max_delay, self.initial_delay * self.multiplier ** (attempt - 1)
        )
        return max(0.0, delay * (1 + random.uniform(-self.jitter, self.jitter)))

    def allows(self, attempt: int) -> bool:
        """Whether attempt ``attempt`` may be made."""
        return self.attempts is None or attempt <= self.attempts


def check_parameters(
    what: str, template: str, wanted: list[str], given: Collection[str]
) -> None:
    """Raises ``ValueError`` naming the placeholders of ``template`` that
    ``given`` misses and the names it has that are no placeholder."""
    missing = [name for name in wanted if name not in given]
    unknown = sorted(name for name in given if name not in wanted)
    if missing or unknown:
        problems: list[str] = []
        if missing:
            problems.append("missing " + ", ".join(missing))
        if unknown:
            problems.append("unknown " + ", ".join(unknown))
        raise ValueError(f"{what} {template!r}: {'; '.join(problems)}")


def credential_headers(
    headers: dict[str, str] | None,
    named: Mapping[str, str | None],
    bearer_token: str | None = None,
    username: str | None = None,
    password: str | None = None,
) -> dict[str, str]:
    """``headers`` with the credentials that were given: headers by name,
    and ``Authorization`` for a bearer token or a username and password."""
    result = dict(headers or {})
    result.update({name: value for name, value in named.items() if value is not None})
    if bearer_token is not None:
        result["Authorization"] = f"Bearer {bearer_token}"
    if username is not None or password is not None:
        pair = f"{username or ''}:{password or ''}".encode()
        result["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
    return result


def message_body(message: BaseModel) -> dict[str, Any]:
    """A message as the JSON object sent on the wire, as its schema wants
    it: an optional field whose schema does not allow null (the model's
    ``__chanx_omit_none__``) is left out while it is None; defaults and
    constants are always sent."""
    body = message.model_dump(mode="json", by_alias=True)
    drop_absent(message, body)
    return body


def drop_absent(value: object, dumped: object) -> None:
    """Removes from ``dumped``, the JSON form of ``value``, the None fields
    of every model within that their schema does not allow to be null."""
    # The casts name element types, which pyright cannot infer from
    # isinstance() and mypy would call redundant for Any.
    if issubclass(type(value), RootModel):
        drop_absent(getattr(value, "root"), dumped)  # noqa: B009
    elif isinstance(value, BaseModel) and isinstance(dumped, dict):
        body = cast("dict[str, object]", dumped)
        model = type(value)
        omitted: frozenset[str] = getattr(model, "__chanx_omit_none__", frozenset())
        for name, info in model.model_fields.items():
            key = info.serialization_alias or info.alias or name
            # From __dict__: reading a deprecated field would warn on every send.
            field_value: object = value.__dict__.get(name)
            if field_value is None and name in omitted:
                body.pop(key, None)
            elif key in body:
                drop_absent(field_value, body[key])
    elif isinstance(value, (list, tuple)) and isinstance(dumped, list):
        items = cast("Sequence[object]", value)
        for item, dumped_item in zip(items, cast("list[object]", dumped)):
            drop_absent(item, dumped_item)
    elif isinstance(value, dict) and isinstance(dumped, dict):
        entries = cast("dict[object, object]", value)
        dumped_entries = cast("dict[object, object]", dumped)
        for entry, item in entries.items():
            if entry in dumped_entries:
                drop_absent(item, dumped_entries[entry])


def resolve_pointer(document: Any, pointer: str) -> Any:
    """The value at a JSON pointer (``/payload/id``), or ``_MISSING``."""
    value = document
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(value, dict) and token in value:
            value = cast(dict[str, Any], value)[token]
        elif isinstance(value, list) and token.isdigit():
            items = cast(Sequence[Any], value)
            if int(token) >= len(items):
                return _MISSING
            value = items[int(token)]
        else:
            return _MISSING
    return value


@dataclass(frozen=True)
class Expected:
    """Which incoming message answers a request, and what the request's
    frame carries besides the message so that the answer can name it."""

    types: tuple[type[Any], ...]
    # The reply's correlation id: where it is in the frame, and its value.
    pointer: str | None = None
    value: Any = None
    extra: dict[str, Any] = field(default_factory=dict[str, Any])

    def accepts(self, data: Any, message: Any) -> bool:
        """Whether a received frame, validated as ``message``, is the reply.

        An id that travels beside the message (chanx's ``ref``) is missing
        from a reply the server broadcasts to a group: such a frame of the
        reply's types is taken as the reply, as without a correlation id.
        """
        if not isinstance(message, self.types):
            return False
        if self.pointer is None:
            return True
        found = resolve_pointer(data, self.pointer)
        return found == self.value or (bool(self.extra) and found in (_MISSING, None))

    def carries_id(self, data: Any) -> bool:
        """Whether a frame carries this request's correlation id."""
        return (
            self.pointer is not None
            and resolve_pointer(data, self.pointer) == self.value
        )


def replies_of(*types: type[Any]) -> Expected:
    """The next incoming message of one of ``types``."""
    return Expected(types)


def correlated_replies(
    request: BaseModel, request_pointer: str, reply_pointer: str, *types: type[Any]
) -> Expected:
    """The incoming message of one of ``types`` whose value at
    ``reply_pointer`` equals the request's at ``request_pointer`` (the
    document's ``correlationId``). When the message has no such field, as
    chanx's ``ref`` that travels beside the message, a fresh id goes there.

    Raises:
        ValueError: The message has the field, but no value in it.
    """
    # Every field of the message, an unset one too, tells its own id from
    # one that travels beside it.
    fields = request.model_dump(mode="json", by_alias=True)
    wanted = resolve_pointer(fields, request_pointer)
    tokens = request_pointer.split("/")[1:]
    if wanted is not _MISSING and wanted is not None:
        return Expected(types, reply_pointer, wanted)
    if wanted is _MISSING and len(tokens) == 1 and tokens[0] not in fields:
        wanted = uuid.uuid4().hex
        return Expected(types, reply_pointer, wanted, {tokens[0]: wanted})
    raise ValueError(f"the request has no correlation id at {request_pointer!r}")


async def close_within(
    websocket: ClientConnection,
    seconds: float,
    code: int = 1000,
    reason: str = "",
    read: bool = True,
) -> None:
    """Closes the connection, giving the closing handshake ``seconds``
    before the socket is dropped. With ``read``, what the server still sends
    meanwhile is read and dropped: its answer to the close waits behind those
    frames. Without it, the caller's reader does that."""

    async def drop_frames() -> None:
        try:
            while True:
                await websocket.recv()
        except (ConnectionClosed, RuntimeError):
            return

    dropping = asyncio.ensure_future(drop_frames()) if read else None
    closing = asyncio.ensure_future(websocket.close(code, reason))
    try:
        await asyncio.wait({closing}, timeout=seconds)
    finally:
        if not closing.done():
            websocket.transport.abort()
        if dropping is not None:
            dropping.cancel()
        await asyncio.gather(
            closing, *([dropping] if dropping else []), return_exceptions=True
        )


def decode_frame(frame: str | bytes) -> Any:
    """The JSON value of a frame; raises ``ValueError`` when it is not JSON."""
    text = frame.decode("utf-8") if isinstance(frame, bytes) else frame
    return json.loads(text)


class _Mailbox:
    """The incoming messages kept for one ``async for`` loop: at most
    ``limit`` of them. A full mailbox makes the delivery wait, so that a slow
    loop slows the reading of the socket, unless ``drop_oldest`` (an
    ``async with`` block's messages while no loop reads them): then the
    oldest message makes room."""

    def __init__(self, limit: int, drop_oldest: bool) -> None:
        self.items: deque[object] = deque()
        self.limit = max(1, limit)
        self.drop_oldest = drop_oldest
        self.closed = False
        self.dropped = 0
        self._changed = asyncio.Event()

    async def put(self, item: object) -> None:
        while len(self.items) >= self.limit and not self.closed:
            if self.drop_oldest:
                self.items.popleft()
                self.dropped += 1
                if self.dropped == 1:
                    logger.warning(
                        "more than %d messages arrived before `async for` read them; "
                        "the oldest are dropped",
                        self.limit,
                    )
                break
            self._changed.clear()
            await self._changed.wait()
        if not self.closed:
            self.items.append(item)
            self._changed.set()

    def close(self) -> None:
        self.closed = True
        self._changed.set()

    async def get(self) -> object:
        """The next message, or ``_CLOSED`` once the mailbox is closed and empty."""
        while not self.items:
            if self.closed:
                return _CLOSED
            self._changed.clear()
            await self._changed.wait()
        item = self.items.popleft()
        self._changed.set()
        return item


class BaseClient(Generic[IncomingT, OutgoingT]):
    """Base WebSocket client class."""

    path: ClassVar[str] = ""
    incoming_adapter: ClassVar[TypeAdapter[Any] | None] = None
    # The document's server, used when no base_url is given.
    server_url: ClassVar[str | None] = None
    # How many received messages may wait for their handlers, and for each
    # ``async for`` loop; past that, the socket is read no further until
    # they catch up, and the server feels the backpressure.
    max_queue: ClassVar[int] = 256
    # How long a closing handshake the client starts (disconnect, leaving
    # ``async with``, cancellation) may take before the socket is dropped.
    close_timeout: ClassVar[float] = 0.25

    def __init__(
        self,
        base_url: str | None = None,
        /,
        protocol: str = "ws",
        headers: dict[str, str] | None = None,
        path_params: dict[str, Any] | None = None,
        reconnect: ReconnectPolicy | None = None,
        query_params: Mapping[str, str | None] | None = None,
    ) -> None:
        """Initialize the base client.

        Args:
            base_url: ``host:port``, or a full ``ws://`` or ``wss://`` URL;
                without it, the server the document names.
            protocol: ``ws`` or ``wss``, used when ``base_url`` has no scheme.
            headers: Extra HTTP headers sent with the opening handshake.
            path_params: Values for the ``{placeholders}`` in the channel
                address; they are URL-encoded.
            reconnect: Re-establish a dropped connection with this policy;
                without it, ``handle()`` returns when the connection closes.
            query_params: Added to the address as its query string; those
                that are ``None`` are left out.

        Raises:
            ValueError: When there is no base_url and no server, when a
                placeholder has no value, or when a value names no placeholder.
        """
        if base_url is None:
            if self.server_url is None:
                raise ValueError("give the server's base_url: the document names none")
            base_url = self.server_url
        if not base_url.startswith(("ws://", "wss://")):
            base_url = f"{protocol}://{base_url}"
        self.headers: dict[str, str] = dict(headers or {})
        self.url = base_url.rstrip("/") + self._fill_path(path_params or {})
        query = {
            name: value
            for name, value in (query_params or {}).items()
            if value is not None
        }
        if query:
            self.url += "?" + urlencode(query)
        self.reconnect_policy = reconnect
        self._websocket: ClientConnection | None = None
        # Events are bound to the event loop that first waits on them, so
        # handle() and __aenter__ make their own: a client may be used from
        # one asyncio.run() after another.
        self._stopping = asyncio.Event()
        self._opened = asyncio.Event()
        # disconnect() before handle() runs, or between its connections:
        # remembered until handle() sees it.
        self._stop_requested = False
        # Whether handle() has ended: an ``async for`` started then ends at
        # once instead of waiting for messages that cannot come.
        self._ended = False
        # Set whenever the handler worker takes a job, or a request starts
        # waiting: the reader may then read on.
        self._room: asyncio.Event | None = None
        self._last_error: Exception | None = None
        # An exception that handle_error raised: handle() raises it.
        self._fatal: Exception | None = None
        self._reconnecting = False
        self._runner: asyncio.Future[None] | None = None
        # Mailboxes of the ``async for`` loops; ``_inbox`` is the one an
        # ``async with`` block keeps from its start for its first loop.
        self._listeners: list[_Mailbox] = []
        self._inbox: _Mailbox | None = None
        # Requests waiting for their reply: which message it is, and where
        # it goes.
        self._waiting: list[tuple[Expected, asyncio.Future[Any]]] = []
        # Correlated requests that timed out lately: a reply that comes
        # after all is dropped, not handled as a message of its own.
        self._expired: deque[Expected] = deque(maxlen=64)

    @classmethod
    def _fill_path(cls, path_params: dict[str, Any]) -> str:
        check_parameters(
            "path parameters for", cls.path, _PLACEHOLDER.findall(cls.path), path_params
        )

        def fill(match: re.Match[str]) -> str:
            return quote(str(path_params[match.group(1)]), safe="")

        path = _PLACEHOLDER.sub(fill, cls.path)
        return path if path.startswith("/") else f"/{path}"

    @property
    def websocket(self) -> ClientConnection:
        """The open connection; raises ``NotConnectedError`` when there is none."""
        if self._websocket is None:
            if self._reconnecting:
                raise NotConnectedError(
                    f"not connected to {self.url}: reconnecting (wait_connected() waits for it)"
                )
            raise NotConnectedError(f"not connected to {self.url}: call handle() first")
        return self._websocket

    async def wait_connected(self, timeout: float | None = None) -> None:
        """Waits until a connection is open: at once when one is, or for
        the next one ``handle()`` opens (after a reconnect, say).

        Raises:
            asyncio.TimeoutError: None opened within ``timeout`` seconds.
        """
        if self._websocket is not None:
            return
        await asyncio.wait_for(self._opened.wait(), timeout)

    async def handle(self) -> None:
        """Connect to the WebSocket server and handle incoming messages.

        ``send_init_message`` runs as soon as the connection is open,
        alongside the receive loop, so it may wait for replies. Returns when
        the connection closes; with a reconnect policy, only on a normal
        close (code 1000) or after ``disconnect()``.

        An exception from a handler goes to ``handle_error``, which logs it,
        and the client goes on. When ``handle_error`` itself raises, the
        connection closes and ``handle()`` raises that exception.

        Raises:
            ReconnectError: The reconnect policy's attempts are exhausted
                (its ``__cause__`` is the last failure).
        """
        self._stopping = asyncio.Event()
        if self._stop_requested:
            self._stop_requested = False
            return
        self._fatal = None
        self._ended = False
        loop = asyncio.get_running_loop()
        guarded = _guard_interrupts(loop)
        try:
            await self._handle()
        finally:
            if guarded:
                _unguard_interrupts(loop)

    async def _handle(self) -> None:
        await self.before_handle()
        attempt = 0
        ever_opened = False
        failure: Exception | None = None
        try:
            while True:
                opened, clean = await self._connect_once(attempt)
                ever_opened = ever_opened or opened
                policy = self.reconnect_policy
                if self._fatal is not None:
                    failure = self._fatal
                    break
                if clean or policy is None or self._stopping.is_set():
                    break
                attempt = 1 if opened else attempt + 1
                if not policy.allows(attempt):
                    failure = ReconnectError(self.url, attempt - 1)
                    failure.__cause__ = self._last_error
                    break
                delay = policy.delay(attempt)
                logger.warning(
                    "connection to %s lost (%s); reconnect attempt %d in %.2f s",
                    self.url,
                    self._last_error,
                    attempt,
                    delay,
                )
                # Until the next connection opens, sending says so.
                self._reconnecting = True
                if await self._stopped_within(delay):
                    break
        finally:
            self._reconnecting = False
            self._ended = True
            self._stop_requested = False
            for mailbox in self._listeners:
                mailbox.close()
        if ever_opened:
            await self.after_handle()
        if failure is not None:
            raise failure

    async def _stopped_within(self, seconds: float) -> bool:
        """Waits up to ``seconds``; whether ``disconnect()`` was called."""
        stopping = asyncio.ensure_future(self._stopping.wait())
        try:
            done, _ = await asyncio.wait({stopping}, timeout=seconds)
        finally:
            stopping.cancel()
        return bool(done)

    async def _open(self) -> ClientConnection | None:
        """Opens a connection, or gives up on it at once when
        ``disconnect()`` is called during the handshake (``None``)."""
        opening = asyncio.ensure_future(
            connect(self.url, additional_headers=self.headers)
        )
        stopping = asyncio.ensure_future(self._stopping.wait())
        try:
            await asyncio.wait({opening, stopping}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopping.cancel()
            if not opening.done():
                opening.cancel()
                await asyncio.gather(opening, return_exceptions=True)
        if opening.cancelled():
            return None
        websocket = opening.result()
        if self._stopping.is_set():
            await close_within(websocket, self.close_timeout)
            return None
        return websocket

    async def _connect_once(self, attempt: int) -> tuple[bool, bool]:
        """One connection: whether it opened, and whether it closed normally."""
        try:
            websocket = await self._open()
        except _CONNECT_ERRORS as error:
            self._last_error = error
            await self.handle_websocket_connection_error(error)
            return False, False
        if websocket is None:
            return False, True
        self._websocket = websocket
        self._reconnecting = False
        self._opened.set()
        init = asyncio.ensure_future(self._run_init(attempt))
        try:
            await self._receive(websocket)
        except ConnectionClosedError as error:
            self._last_error = error
            if self._fatal is None and not self._stopping.is_set():
                await self.handle_websocket_connection_error(error)
        finally:
            self._opened.clear()
            if not init.done():
                init.cancel()
            await asyncio.gather(init, return_exceptions=True)
            self._websocket = None
            await close_within(websocket, self.close_timeout)
        # `protocol.close_code`: websockets 13 has no `close_code` of its own.
        return True, websocket.protocol.close_code == 1000

    async def _run_init(self, attempt: int) -> None:
        # send_init_message runs even when on_reconnect failed.
        hooks = [self.send_init_message]
        if attempt:
            hooks.insert(0, partial(self.on_reconnect, attempt))
        for hook in hooks:
            if self._fatal is not None:
                return
            try:
                await hook()
            except Exception as error:  # noqa: BLE001 - handed to the error hook
                await self._handle_error(error)

    async def _handle_error(self, error: Exception) -> None:
        """Hands a handler's exception to ``handle_error``; when that raises,
        remembers it for ``handle()`` and closes the connection."""
        try:
            await self.handle_error(error)
        except Exception as fatal:  # noqa: BLE001 - raised again by handle()
            if self._fatal is None:
                self._fatal = fatal
            websocket = self._websocket
            if websocket is not None:
                await websocket.close(1011, "client error")

    async def _receive(self, websocket: ClientConnection) -> None:
        # Replies that a request waits for resolve it as soon as they
        # arrive; everything else is handled in arrival order by a worker,
        # so a handler may itself await a request. At most ``max_queue``
        # jobs wait: then the socket is read no further until the worker
        # catches up, except while a request waits for its reply.
        inbox: deque[Job] = deque()
        room = asyncio.Event()
        self._room = room
        worker = asyncio.ensure_future(self._work(inbox, room))
        cancelled = False
        try:
            async for frame in websocket:
                if self._stopping.is_set():
                    continue  # disconnecting: read on, handle nothing
                try:
                    data = decode_frame(frame)
                except ValueError:
                    job: Job | None = partial(self.handle_raw_data, frame)
                else:
                    job = self._route(data)
                if job is None:
                    continue
                while len(inbox) >= self.max_queue and not self._awaiting_reply():
                    room.clear()
                    await room.wait()
                inbox.append(job)
                room.set()
        except BaseException as error:
            # Cancelled, or Ctrl-C, which Python 3.10 raises wherever the
            # loop happens to be: no further handler runs. A connection that
            # failed still has what arrived before handled.
            cancelled = not isinstance(error, Exception)
            raise
        finally:
            self._room = None
            self._fail_waiting(f"the connection to {self.url} closed before the reply")
            if cancelled or self._stopping.is_set():
                # Cancelled or disconnected: no further handler runs.
                worker.cancel()
            else:
                # What arrived before the connection closed is still handled.
                inbox.append(_done)
                room.set()
            await asyncio.gather(worker, return_exceptions=True)

    async def _work(self, inbox: "deque[Job]", room: asyncio.Event) -> None:
        while True:
            while not inbox:
                room.clear()
                await room.wait()
            job = inbox.popleft()
            room.set()
            if job is _done:
                return
            if self._fatal is not None or self._stopping.is_set():
                continue
            try:
                await job()
            except Exception as error:  # noqa: BLE001 - handed to the error hook
                await self._handle_error(error)

    def _awaiting_reply(self) -> bool:
        """Whether a request waits for its reply, which the reader must find."""
        return bool(self._waiting)

    def _wake_reader(self) -> None:
        if self._room is not None:
            self._room.set()

    def _route(self, data: Any) -> Job | None:
        """What to do with a decoded frame; ``None`` when a waiting request took it."""
        if self._fail_request(data):
            return None
        adapter = self.incoming_adapter
        try:
            if adapter is None:
                raise ValueError("this channel declares no incoming messages")
            message = adapter.validate_python(data)
        except (ValidationError, ValueError):
            return partial(self.handle_invalid_message, data)
        for expected, future in self._waiting:
            if not future.done() and expected.accepts(data, message):
                future.set_result(message)
                return None
        for expected in self._expired:
            if isinstance(message, expected.types) and expected.carries_id(data):
                self._expired.remove(expected)
                logger.debug(
                    "dropped a reply that came after its request timed out: %r", data
                )
                return None
        return partial(self._deliver, message)

    def _fail_request(self, data: Any) -> bool:
        """Fails the waiting request whose correlation id an ``error`` frame
        carries; whether there was one."""
        if not isinstance(data, dict):
            return False
        frame = cast(dict[str, Any], data)
        if frame.get("action") != "error":
            return False
        for expected, future in self._waiting:
            if not future.done() and expected.carries_id(frame):
                future.set_exception(RequestError(self.url, frame.get("payload")))
                return True
        return False

    async def _deliver(self, message: Any) -> None:
        for mailbox in list(self._listeners):
            await mailbox.put(message)
        await self.handle_message(message)

    def _fail_waiting(self, reason: str) -> None:
        for _, future in self._waiting:
            if not future.done():
                future.set_exception(NotConnectedError(reason))

    async def _request(
        self, message: OutgoingT, expected: Expected, timeout: float
    ) -> Any:
        """Sends ``message`` and returns the first incoming message that is
        ``expected``, which then does not reach ``handle_message``.

        Raises:
            asyncio.TimeoutError: No such message within ``timeout`` seconds;
                a correlated reply that comes later is dropped.
            RequestError: The server answered with an ``error`` frame that
                carries the request's correlation id.
            NotConnectedError: No connection, or it closed before the reply.
        """
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        waiting = (expected, future)
        self._waiting.append(waiting)
        self._wake_reader()
        try:
            await self.send_json({**message_body(message), **expected.extra})
            return await asyncio.wait_for(future, timeout)
        finally:
            self._waiting.remove(waiting)
            unanswered = future.cancelled() or not future.done()
            if unanswered and expected.pointer is not None:
                self._expired.append(expected)

    async def send_raw(self, data: str | bytes) -> None:
        """Send a text or binary frame as it is.

        Raises:
            NotConnectedError: No connection is open, or it just closed.
        """
        try:
            await self.websocket.send(data)
        except ConnectionClosed as error:
            raise NotConnectedError(
                f"the connection to {self.url} is closed"
            ) from error

    async def send_json(self, data: Any) -> None:
        """Send a value serialised as JSON."""
        await self.send_raw(json.dumps(data))

    async def send_message(self, message: OutgoingT) -> None:
        """Send a Pydantic message model to the server."""
        await self.send_json(message_body(message))

    async def handle_message(self, message: IncomingT) -> None:
        """Override this method in subclasses to process messages."""

    async def disconnect(self, code: int = 1000, reason: str = "") -> None:
        """Disconnect from the WebSocket server; ``handle()`` then returns.

        No handler runs after this, and a reconnect policy stops. Called
        before ``handle()`` has started, or during the opening handshake,
        it is remembered: ``handle()`` then returns at once.
        """
        self._stop_requested = True
        self._stopping.set()
        websocket = self._websocket
        if websocket is not None:
            # The receive loop reads on (and drops) meanwhile.
            await close_within(websocket, self.close_timeout, code, reason, read=False)

    # typing.Self needs Python 3.11; these clients run on 3.10.
    async def __aenter__(self: ClientT) -> ClientT:  # noqa: PYI019
        """Connect, and handle messages in the background until the block ends.

        From the start, incoming messages are also kept for the block's
        first ``async for`` loop (the latest ``max_queue`` of them while no
        loop reads), so none arrives before the loop starts unseen.

        Raises:
            NotConnectedError: The connection could not be opened (with a
                reconnect policy: not before its attempts were exhausted).
        """
        self._stop_requested = False
        inbox = _Mailbox(self.max_queue, drop_oldest=True)
        self._inbox = inbox
        self._listeners.append(inbox)
        self._opened = asyncio.Event()
        runner = asyncio.ensure_future(self.handle())
        self._runner = runner
        opened = asyncio.ensure_future(self._opened.wait())
        try:
            await asyncio.wait({runner, opened}, return_when=asyncio.FIRST_COMPLETED)
        except BaseException:
            # Cancelled while connecting: nothing may go on reconnecting.
            await self._stop_runner(opened)
            raise
        if not opened.done():
            await self._stop_runner(opened)
            raise NotConnectedError(
                f"could not connect to {self.url}"
            ) from self._last_error
        return self

    async def _stop_runner(self, opened: "asyncio.Future[Any]") -> None:
        opened.cancel()
        runner = self._runner
        if runner is not None and not runner.done():
            runner.cancel()
        await asyncio.gather(
            opened, *([runner] if runner else []), return_exceptions=True
        )
        self._runner = None
        self._forget_inbox()

    def _forget_inbox(self) -> None:
        if self._inbox is not None:
            if self._inbox in self._listeners:
                self._listeners.remove(self._inbox)
            self._inbox = None
        self._stop_requested = False

    async def __aexit__(self, *exc_info: object) -> None:
        """Disconnect and wait until ``handle()`` has returned; an exception
        that ended ``handle()`` is raised here."""
        runner = self._runner
        try:
            if runner is not None:
                if not runner.done():
                    await self.disconnect()
                await runner
        finally:
            self._runner = None
            self._forget_inbox()

    def __aiter__(self) -> AsyncIterator[IncomingT]:
        """The incoming messages, validated, until the connection closes
        for good (they reach ``handle_message`` too).

        Every loop gets every message that arrives while it runs; the first
        loop of an ``async with`` block also gets those that arrived since
        the block began. A loop started when no connection runs ends at once.
        """
        inbox = self._inbox
        if inbox is not None and inbox.drop_oldest:
            # The block's first loop takes over its messages, and from now
            # on holds the reading back instead of losing messages.
            inbox.drop_oldest = False
            return self._iterate(inbox)
        mailbox = _Mailbox(self.max_queue, drop_oldest=False)
        if self._ended:
            mailbox.close()
        else:
            self._listeners.append(mailbox)
        return self._iterate(mailbox)

    async def _iterate(self, mailbox: _Mailbox) -> AsyncIterator[IncomingT]:
        try:
            while (item := await mailbox.get()) is not _CLOSED:
                yield cast(IncomingT, item)
        finally:
            # A loop that stopped reading no longer holds deliveries back.
            mailbox.close()
            if mailbox in self._listeners:
                self._listeners.remove(mailbox)

    async def send_init_message(self) -> None:
        """Send initial message after connection is established."""

    async def on_reconnect(self, attempt: int) -> None:
        """Called when a reconnect policy re-opened the connection, with the
        attempt that succeeded, before ``send_init_message`` runs again."""

    async def before_handle(self) -> None:
        """Called before establishing connection."""

    async def after_handle(self) -> None:
        """Called after connection closes (not when it never opened)."""

    async def handle_error(self, error: Exception) -> None:
        """Handle an exception raised by a handler or ``send_init_message``;
        logs it by default, and the client goes on. An exception raised here
        closes the connection and is raised by ``handle()``."""
        logger.error("error while handling a message", exc_info=error)

    async def handle_websocket_connection_error(self, error: Exception) -> None:
        """Handle connection errors; logs them by default (at WARNING when
        a reconnect policy will try again)."""
        level = logging.WARNING if self.reconnect_policy is not None else logging.ERROR
        logger.log(level, "WebSocket connection to %s failed: %s", self.url, error)

    async def handle_raw_data(self, message: str | bytes) -> None:
        """Handle non-JSON data; ignored by default."""

    async def handle_invalid_message(self, invalid_message: Any) -> None:
        """Handle JSON that matches no incoming message; logs it by default."""
        logger.warning("message matches no incoming message type: %r", invalid_message)
