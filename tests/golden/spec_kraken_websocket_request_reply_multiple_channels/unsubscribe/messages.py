"""Messages of the unsubscribe channel."""

from typing import Annotated, Literal, TypeAlias

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


class UnsubscribeSubscription(BaseModel):
    depth: Depth | None = None
    interval: Interval | None = None
    name: Name
    token: str | None = None


class Unsubscribe(BaseModel):
    event: Literal["unsubscribe"]
    reqid: int | None = None
    pair: list[Annotated[str, Field(pattern="[A-Z\\s]+\\/[A-Z\\s]+")]] | None = None
    subscription: UnsubscribeSubscription | None = None


IncomingMessage: TypeAlias = SubscriptionStatus
OutgoingMessage: TypeAlias = Unsubscribe

__all__ = [
    "Depth",
    "IncomingMessage",
    "Interval",
    "Name",
    "OutgoingMessage",
    "Status",
    "SubscriptionStatus",
    "SubscriptionStatus2",
    "SubscriptionStatusError",
    "SubscriptionStatusErrorSubscription",
    "SubscriptionStatusSuccess",
    "Unsubscribe",
    "UnsubscribeSubscription",
]
