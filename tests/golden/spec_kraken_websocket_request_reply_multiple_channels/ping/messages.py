"""Messages of the ping channel."""

from typing import ClassVar, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict

from ..base.json_schema import JsonInt
from ..shared.messages import (
    Depth,
    DummyCurrencyInfo,
    Heartbeat,
    Interval,
    Name,
    Pong,
    Status,
    SubscriptionStatus,
    SubscriptionStatus2,
    SubscriptionStatusError,
    SubscriptionStatusErrorSubscription,
    SubscriptionStatusSuccess,
    SystemStatus,
)


class Ping(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"reqid"})
    event: Literal["ping"]
    reqid: JsonInt | None = None


IncomingMessage: TypeAlias = (
    DummyCurrencyInfo | Heartbeat | Pong | SubscriptionStatus | SystemStatus
)
OutgoingMessage: TypeAlias = Ping

__all__ = [
    "Depth",
    "DummyCurrencyInfo",
    "Heartbeat",
    "IncomingMessage",
    "Interval",
    "Name",
    "OutgoingMessage",
    "Ping",
    "Pong",
    "Status",
    "SubscriptionStatus",
    "SubscriptionStatus2",
    "SubscriptionStatusError",
    "SubscriptionStatusErrorSubscription",
    "SubscriptionStatusSuccess",
    "SystemStatus",
]
