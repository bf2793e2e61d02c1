"""Messages of the subscribe channel."""

from typing import Annotated, Any, Literal, TypeAlias

from pydantic import BaseModel, Field

from ..shared.messages import (
    Depth,
    Interval,
    Name,
    Status,
    SubscriptionStatus,
    SubscriptionStatus2,
    SubscriptionStatusError,
    SubscriptionStatusErrorSubscription,
    SubscriptionStatusSuccess,
)


class DummyCurrencyInfo(BaseModel):
    event: Literal["currencyInfo"]
    reqid: int | None = None
    data: dict[str, Any] | None = None


class SubscribeSubscription(BaseModel):
    depth: Depth | None = None
    interval: Interval | None = None
    name: Name
    ratecounter: bool | None = None
    snapshot: bool | None = None
    token: str | None = None


class Subscribe(BaseModel):
    event: Literal["subscribe"]
    reqid: int | None = None
    pair: list[Annotated[str, Field(pattern="[A-Z\\s]+\\/[A-Z\\s]+")]] | None = None
    subscription: SubscribeSubscription | None = None


IncomingMessage: TypeAlias = DummyCurrencyInfo | SubscriptionStatus
OutgoingMessage: TypeAlias = Subscribe

__all__ = [
    "Depth",
    "DummyCurrencyInfo",
    "IncomingMessage",
    "Interval",
    "Name",
    "OutgoingMessage",
    "Status",
    "Subscribe",
    "SubscribeSubscription",
    "SubscriptionStatus",
    "SubscriptionStatus2",
    "SubscriptionStatusError",
    "SubscriptionStatusErrorSubscription",
    "SubscriptionStatusSuccess",
]
