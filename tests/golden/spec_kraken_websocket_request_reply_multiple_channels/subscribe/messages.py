"""Messages of the subscribe channel."""

from typing import Annotated, ClassVar, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr

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


class SubscribeSubscription(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"depth", "interval", "ratecounter", "snapshot", "token"}
    )
    depth: Depth | None = None
    interval: Interval | None = None
    name: Name
    ratecounter: StrictBool | None = None
    snapshot: StrictBool | None = None
    token: StrictStr | None = None


class Subscribe(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"reqid", "pair", "subscription"}
    )
    event: Literal["subscribe"]
    reqid: JsonInt | None = None
    pair: list[Annotated[StrictStr, Field(pattern="[A-Z\\s]+\\/[A-Z\\s]+")]] | None = (
        None
    )
    subscription: SubscribeSubscription | None = None


IncomingMessage: TypeAlias = (
    DummyCurrencyInfo | Heartbeat | Pong | SubscriptionStatus | SystemStatus
)
OutgoingMessage: TypeAlias = Subscribe

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
    "Subscribe",
    "SubscribeSubscription",
    "SubscriptionStatus",
    "SubscriptionStatus2",
    "SubscriptionStatusError",
    "SubscriptionStatusErrorSubscription",
    "SubscriptionStatusSuccess",
    "SystemStatus",
]
