"""The WebSocket client every generated channel client builds on.

A channel client sets ``path`` (the channel address, possibly with
``{parameter}`` placeholders) and ``incoming_adapter`` (validates frames into
the channel's ``IncomingMessage`` union). Subclass a channel client and
override ``handle_message`` and the hooks to give it behaviour.
"""

import asyncio
import json
import logging
import re
from collections.abc import Collection
from typing import Any, ClassVar, Generic, TypeVar
from urllib.parse import quote

from pydantic import BaseModel, TypeAdapter, ValidationError
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosedError, WebSocketException

logger = logging.getLogger(__name__)

IncomingT = TypeVar("IncomingT")
OutgoingT = TypeVar("OutgoingT", bound=BaseModel)

_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


class NotConnectedError(RuntimeError):
    """Raised when sending while no connection is open."""


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


def decode_frame(frame: str | bytes) -> Any:
    """The JSON value of a frame; raises ``ValueError`` when it is not JSON."""
    text = frame.decode("utf-8") if isinstance(frame, bytes) else frame
    return json.loads(text)


class BaseClient(Generic[IncomingT, OutgoingT]):
    """Base WebSocket client class."""

    path: ClassVar[str] = ""
    incoming_adapter: ClassVar[TypeAdapter[Any] | None] = None
    # The document's server, used when no base_url is given.
    server_url: ClassVar[str | None] = None

    def __init__(
        self,
        base_url: str | None = None,
        /,
        protocol: str = "ws",
        headers: dict[str, str] | None = None,
        path_params: dict[str, Any] | None = None,
    ) -> None:
        """Initialize the base client.

        Args:
            base_url: ``host:port``, or a full ``ws://`` or ``wss://`` URL;
                without it, the server the document names.
            protocol: ``ws`` or ``wss``, used when ``base_url`` has no scheme.
            headers: Extra HTTP headers sent with the opening handshake.
            path_params: Values for the ``{placeholders}`` in the channel
                address; they are URL-encoded.

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
        self._websocket: ClientConnection | None = None

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
            raise NotConnectedError(f"not connected to {self.url}: call handle() first")
        return self._websocket

    async def handle(self) -> None:
        """Connect to the WebSocket server and handle incoming messages.

        Returns when the connection closes. ``send_init_message`` runs as soon
        as the connection is open, alongside the receive loop, so it may wait
        for replies.
        """
        await self.before_handle()
        try:
            websocket = await connect(self.url, additional_headers=self.headers)
        except (OSError, TimeoutError, WebSocketException) as error:
            await self.handle_websocket_connection_error(error)
            return
        self._websocket = websocket
        init = asyncio.ensure_future(self._run_init())
        try:
            await self._receive(websocket)
        except ConnectionClosedError as error:
            await self.handle_websocket_connection_error(error)
        finally:
            if not init.done():
                init.cancel()
            await asyncio.gather(init, return_exceptions=True)
            await websocket.close()
            self._websocket = None
        await self.after_handle()

    async def _run_init(self) -> None:
        try:
            await self.send_init_message()
        except Exception as error:  # noqa: BLE001 - handed to the error hook
            await self.handle_error(error)

    async def _receive(self, websocket: ClientConnection) -> None:
        async for frame in websocket:
            await self._dispatch(frame)

    async def _dispatch(self, frame: str | bytes) -> None:
        try:
            data = decode_frame(frame)
        except ValueError:
            await self.handle_raw_data(frame)
            return
        await self._dispatch_json(data)

    async def _dispatch_json(self, data: Any) -> None:
        adapter = self.incoming_adapter
        try:
            if adapter is None:
                raise ValueError("this channel declares no incoming messages")
            message = adapter.validate_python(data)
        except (ValidationError, ValueError):
            await self.handle_invalid_message(data)
            return
        try:
            await self.handle_message(message)
        except Exception as error:  # noqa: BLE001 - handed to the error hook
            await self.handle_error(error)

    async def send_raw(self, data: str | bytes) -> None:
        """Send a text or binary frame as it is."""
        await self.websocket.send(data)

    async def send_json(self, data: Any) -> None:
        """Send a value serialised as JSON."""
        await self.send_raw(json.dumps(data))

    async def send_message(self, message: OutgoingT) -> None:
        """Send a Pydantic message model to the server."""
        await self.send_json(message.model_dump(mode="json", by_alias=True))

    async def handle_message(self, message: IncomingT) -> None:
        """Override this method in subclasses to process messages."""

    async def disconnect(self, code: int = 1000, reason: str = "") -> None:
        """Disconnect from the WebSocket server."""
        if self._websocket is not None:
            await self._websocket.close(code, reason)

    async def send_init_message(self) -> None:
        """Send initial message after connection is established."""

    async def before_handle(self) -> None:
        """Called before establishing connection."""

    async def after_handle(self) -> None:
        """Called after connection closes."""

    async def handle_error(self, error: Exception) -> None:
        """Handle general message processing errors; logs them by default."""
        logger.error("error while handling a message", exc_info=error)

    async def handle_websocket_connection_error(self, error: Exception) -> None:
        """Handle connection errors; logs them by default."""
        logger.error("WebSocket connection to %s failed: %s", self.url, error)

    async def handle_raw_data(self, message: str | bytes) -> None:
        """Handle non-JSON data; ignored by default."""

    async def handle_invalid_message(self, invalid_message: Any) -> None:
        """Handle JSON that matches no incoming message; logs it by default."""
        logger.warning("message matches no incoming message type: %r", invalid_message)
