"""Messages of the unsubscribe channel."""

from typing import Annotated, ClassVar, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, StrictStr

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


class UnsubscribeSubscription(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"depth", "interval", "token"}
    )
    depth: Depth | None = None
    interval: Interval | None = None
    name: Name
    token: StrictStr | None = None


class Unsubscribe(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"reqid", "pair", "subscription"}
    )
    event: Literal["unsubscribe"]
    reqid: JsonInt | None = None
    pair: list[Annotated[StrictStr, Field(pattern="[A-Z\\s]+\\/[A-Z\\s]+")]] | None = (
        None
    )
    subscription: UnsubscribeSubscription | None = None


IncomingMessage: TypeAlias = (
    DummyCurrencyInfo | Heartbeat | Pong | SubscriptionStatus | SystemStatus
)
OutgoingMessage: TypeAlias = Unsubscribe

__all__ = [
    "Depth",
    "DummyCurrencyInfo",
    "Heartbeat",
    "IncomingMessage",
    "Interval",
    "Name",
    "OutgoingMessage",
    "Pong",
    "Status",
    "SubscriptionStatus",
    "SubscriptionStatus2",
    "SubscriptionStatusError",
    "SubscriptionStatusErrorSubscription",
    "SubscriptionStatusSuccess",
    "SystemStatus",
    "Unsubscribe",
    "UnsubscribeSubscription",
]
