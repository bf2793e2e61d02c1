"""Messages of the subscribe channel."""

from typing import Annotated, ClassVar, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field

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
    ratecounter: bool | None = None
    snapshot: bool | None = None
    token: str | None = None


class Subscribe(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"reqid", "pair", "subscription"}
    )
    event: Literal["subscribe"]
    reqid: int | None = None
    pair: list[Annotated[str, Field(pattern="[A-Z\\s]+\\/[A-Z\\s]+")]] | None = None
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
