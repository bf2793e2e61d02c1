"""Clients for chanx topics: one connection, many typed streams.

A connection client (``BaseTopicConnection``) owns the WebSocket; each topic
handle (``BaseTopicHandle``) is one subscribable stream on it. Frames carry
their topic, and a request carries a ``ref`` that its reply repeats, so
replies find their request even while pushed events interleave.
"""

import asyncio
import itertools
import logging
import re
from collections.abc import Iterator, Mapping
from functools import cached_property, partial
from typing import Any, ClassVar, Generic, TypeVar, cast

from pydantic import BaseModel, TypeAdapter, ValidationError

from .client import (
    BaseClient,
    Expected,
    Job,
    NotConnectedError,
    check_parameters,
    message_body,
)

logger = logging.getLogger(__name__)

ENVELOPE_VERSION = 1
# The fields the envelope adds beside a message's own.
ENVELOPE_FIELDS = frozenset({"version", "topic", "ref"})
DEFAULT_TIMEOUT = 10.0

IncomingT = TypeVar("IncomingT")
OutgoingT = TypeVar("OutgoingT", bound=BaseModel)
HandleT = TypeVar("HandleT", bound="BaseTopicHandle[Any, Any]")

Frame = dict[str, Any]

_PARAMETER = re.compile(r"\{(\w+)\}")


class TopicError(Exception):
    """The server answered with an ``error`` frame.

    ``reason`` is chanx's machine-readable reason (``unknown_topic``,
    ``unauthorized``, ``not_subscribed``) or ``None`` when the error has
    none, as for a message the server could not validate; ``payload`` is
    the error's whole payload.
    """

    def __init__(
        self, topic: str | None, reason: str | None, detail: str, payload: Any
    ) -> None:
        where = topic if topic is not None else "the connection"
        super().__init__(f"{where}: {detail}")
        self.topic = topic
        self.reason = reason
        self.detail = detail
        self.payload = payload


class ResubscribeError(Exception):
    """``resubscribe()`` could not renew every subscription; ``errors`` maps
    each topic that failed to its exception."""

    def __init__(self, errors: dict[str, Exception]) -> None:
        topics = ", ".join(sorted(errors))
        super().__init__(f"could not subscribe again to {topics}")
        self.errors = errors


class UnknownTopicError(TopicError):
    """No topic the server mounts matches (reason ``unknown_topic``)."""


class TopicUnauthorizedError(TopicError):
    """The server refused the subscription (reason ``unauthorized``)."""


class NotSubscribedError(TopicError):
    """The frame addressed a topic not subscribed to (reason ``not_subscribed``)."""


_ERROR_CLASSES: dict[str, type[TopicError]] = {
    "unknown_topic": UnknownTopicError,
    "unauthorized": TopicUnauthorizedError,
    "not_subscribed": NotSubscribedError,
}


def topic_error(topic: str | None, payload: Any) -> TopicError:
    """The exception for an ``error`` frame's payload."""
    reason: str | None = None
    detail = str(payload)
    if isinstance(payload, dict):
        fields = cast(dict[str, Any], payload)
        if isinstance(fields.get("reason"), str):
            reason = str(fields["reason"])
        if "detail" in fields:
            detail = str(fields["detail"])
    error_class = _ERROR_CLASSES.get(reason or "", TopicError)
    return error_class(topic, reason, detail, payload)


def fill_pattern(pattern: str, params: Mapping[str, str | int]) -> str:
    """The topic a pattern names with these parameter values.

    Raises:
        ValueError: When a parameter is missing or unknown, or a value is
            empty or holds a ``:`` (which would name another topic).
    """
    check_parameters(
        "parameters for topic", pattern, _PARAMETER.findall(pattern), params
    )

    def fill(match: re.Match[str]) -> str:
        value = str(params[match.group(1)])
        if not value or ":" in value:
            raise ValueError(
                f"topic {pattern!r}: {match.group(1)}={value!r} must be non-empty and without ':'"
            )
        return value

    return _PARAMETER.sub(fill, pattern)


class BaseTopicHandle(Generic[IncomingT, OutgoingT]):
    """One topic on a shared connection.

    A generated handle sets ``pattern`` and ``incoming_adapter``; get one
    from the connection client's method named after the topic. Override
    ``handle_message`` to process what the server pushes on the topic.
    """

    pattern: ClassVar[str] = ""
    incoming_adapter: ClassVar[TypeAdapter[Any] | None] = None

    def __init__(self, connection: "BaseTopicConnection[Any, Any]", topic: str) -> None:
        self.connection = connection
        self.topic = topic
        # Whether the last subscribe() succeeded and no unsubscribe() followed;
        # resubscribe() on the connection renews these.
        self.subscribed = False
        # The last ``seq`` the server stamped on a pushed frame, for gap detection.
        self.last_seq: int | None = None

    async def subscribe(self, timeout: float = DEFAULT_TIMEOUT) -> None:
        """Subscribe and wait for the server to confirm.

        Raises:
            TopicError: The server refused; a subclass names the reason
                (``UnknownTopicError``, ``TopicUnauthorizedError``).
            asyncio.TimeoutError: No answer within ``timeout`` seconds.
            NotConnectedError: No connection, or it closed before the answer.
        """
        self.subscribed = False
        await self.connection.request_frame(
            {"action": "subscribe"}, self.topic, timeout
        )
        self.subscribed = True

    async def unsubscribe(self, timeout: float = DEFAULT_TIMEOUT) -> None:
        """Unsubscribe and wait for the server to confirm; raises as ``subscribe``."""
        await self.connection.request_frame(
            {"action": "unsubscribe"}, self.topic, timeout
        )
        self.subscribed = False

    async def send_message(self, message: OutgoingT) -> None:
        """Send a message on this topic without waiting for an answer."""
        await self.connection.send_frame(message_body(message), self.topic)

    async def request(
        self, message: OutgoingT, timeout: float = DEFAULT_TIMEOUT
    ) -> IncomingT:
        """Send a message on this topic and return the reply that carries its ref.

        Raises:
            TopicError: The server answered with an error.
            asyncio.TimeoutError: No reply within ``timeout`` seconds.
            NotConnectedError: No connection, or it closed before the reply.
            pydantic.ValidationError: The reply is none of this topic's messages.
        """
        reply = await self.connection.request_frame(
            message_body(message), self.topic, timeout
        )
        return self._validate(reply)

    async def _request(
        self, message: OutgoingT, expected: Expected, timeout: float
    ) -> Any:
        """Sends ``message`` on this topic and returns the reply that carries
        its ref, which must be of the ``expected`` types.

        Raises:
            TypeError: The reply is none of the declared replies.
        """
        reply = await self.request(message, timeout)
        if not isinstance(reply, expected.types):
            raise TypeError(
                f"topic {self.topic!r}: {reply!r} is none of the declared replies"
            )
        return reply

    def _validate(self, frame: Frame) -> IncomingT:
        if self.incoming_adapter is None:
            raise ValueError(f"topic {self.topic!r} declares no incoming messages")
        return cast(IncomingT, self.incoming_adapter.validate_python(frame))

    async def receive_frame(self, frame: Frame) -> None:
        """Handle a frame the server pushed on this topic (called by the connection)."""
        seq = frame.get("seq")
        if isinstance(seq, int):
            self.last_seq = seq
        action = frame.get("action")
        if action == "error":
            await self.handle_topic_error(topic_error(self.topic, frame.get("payload")))
            return
        if action in ("subscribed", "unsubscribed"):
            return
        try:
            message = self._validate(frame)
        except (ValidationError, ValueError):
            await self.handle_invalid_message(frame)
            return
        try:
            await self.handle_message(message)
        except Exception as error:  # noqa: BLE001 - handed to the error hook
            await self.connection.handle_error(error)

    async def handle_message(self, message: IncomingT) -> None:
        """Handle a message pushed on this topic; override this to process it."""

    async def handle_topic_error(self, error: TopicError) -> None:
        """Handle an error the server sent on this topic unasked; logs it by default."""
        logger.warning("error on topic %s: %s", self.topic, error)

    async def handle_invalid_message(self, invalid_message: Any) -> None:
        """Handle a frame that matches none of this topic's messages; logs it by default."""
        logger.warning(
            "topic %s: message matches no incoming message type: %r",
            self.topic,
            invalid_message,
        )


class BaseTopicConnection(BaseClient[IncomingT, OutgoingT]):
    """A client that owns one connection and hands out topic handles.

    Frames that answer a request are matched by ``ref``, the rest routed by
    ``topic`` to their handle; frames without a topic go to this client's
    own ``handle_message``, as for any channel client. Handlers run one at a
    time in arrival order, and may themselves await requests.
    """

    # State made on first use, so that subclasses keep BaseClient's typed
    # constructor as it is.
    @cached_property
    def handles(self) -> dict[str, BaseTopicHandle[Any, Any]]:
        """The handles handed out so far, by topic."""
        return {}

    @cached_property
    def _pending(self) -> dict[str, asyncio.Future[Frame]]:
        return {}

    @cached_property
    def _refs(self) -> Iterator[int]:
        return itertools.count(1)

    def topic(
        self, handle_class: type[HandleT], params: Mapping[str, str | int]
    ) -> HandleT:
        """The handle of one topic, created on first use and then reused."""
        topic = fill_pattern(handle_class.pattern, params)
        existing = self.handles.get(topic)
        if isinstance(existing, handle_class):
            return existing
        handle = handle_class(self, topic)
        self.handles[topic] = handle
        return handle

    async def send_frame(
        self, body: Frame, topic: str | None = None, ref: str | None = None
    ) -> None:
        """Send a message body with the envelope: version, and topic and ref when given."""
        clashing = sorted(ENVELOPE_FIELDS.intersection(body))
        if clashing:
            raise ValueError(
                f"the message has {', '.join(clashing)}, which the topic envelope "
                "uses; it would be overwritten"
            )
        frame: Frame = {**body, "version": ENVELOPE_VERSION}
        if topic is not None:
            frame["topic"] = topic
        if ref is not None:
            frame["ref"] = ref
        await self.send_json(frame)

    async def request_frame(
        self, body: Frame, topic: str | None = None, timeout: float = DEFAULT_TIMEOUT
    ) -> Frame:
        """Send a body with a fresh ref and return the reply that repeats it.

        Raises:
            TopicError: The reply is an ``error``.
            asyncio.TimeoutError: No reply within ``timeout`` seconds.
            NotConnectedError: No connection, or it closed before the reply.
        """
        ref = str(next(self._refs))
        future: asyncio.Future[Frame] = asyncio.get_running_loop().create_future()
        self._pending[ref] = future
        self._wake_reader()
        try:
            await self.send_frame(body, topic, ref)
            reply = await asyncio.wait_for(future, timeout)
        finally:
            self._pending.pop(ref, None)
        if reply.get("action") == "error":
            raise topic_error(topic, reply.get("payload"))
        return reply

    async def request(
        self, message: OutgoingT, timeout: float = DEFAULT_TIMEOUT
    ) -> IncomingT:
        """Send one of this client's own messages and return the reply that carries its ref."""
        reply = await self.request_frame(message_body(message), None, timeout)
        if self.incoming_adapter is None:
            raise ValueError("this channel declares no incoming messages")
        return cast(IncomingT, self.incoming_adapter.validate_python(reply))

    def _awaiting_reply(self) -> bool:
        return super()._awaiting_reply() or bool(self._pending)

    async def on_reconnect(self, attempt: int) -> None:
        """Renews every subscription once a reconnect policy re-opened the
        connection; an override should call ``super().on_reconnect(attempt)``."""
        await self.resubscribe()

    async def resubscribe(self, timeout: float = DEFAULT_TIMEOUT) -> None:
        """Subscribe again every handle that is subscribed, as after a reconnect.

        Every handle is tried; each one's ``subscribed`` is true only when
        the server confirmed it.

        Raises:
            ResubscribeError: Some were refused or failed; ``errors`` maps
                their topics to the exceptions.
        """
        errors: dict[str, Exception] = {}
        for handle in list(self.handles.values()):
            if handle.subscribed:
                try:
                    await handle.subscribe(timeout)
                except Exception as error:  # noqa: BLE001 - every failure is reported
                    errors[handle.topic] = error
        if errors:
            raise ResubscribeError(errors)

    def _route(self, data: Any) -> Job | None:
        if not isinstance(data, dict):
            return super()._route(data)
        frame = cast(Frame, data)
        ref = frame.get("ref")
        future = self._pending.get(str(ref)) if ref is not None else None
        if future is not None and not future.done():
            future.set_result(frame)
            return None
        topic = frame.get("topic")
        if topic is None:
            return super()._route(data)
        handle = self.handles.get(str(topic))
        if handle is None:
            return partial(self.handle_invalid_message, data)
        return partial(handle.receive_frame, frame)

    def _fail_waiting(self, reason: str) -> None:
        super()._fail_waiting(reason)
        for future in self._pending.values():
            if not future.done():
                future.set_exception(NotConnectedError(reason))
