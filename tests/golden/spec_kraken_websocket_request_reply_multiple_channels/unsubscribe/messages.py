"""Messages of the unsubscribe channel."""

from typing import Literal, TypeAlias

from pydantic import BaseModel

from ..shared.messages import Depth, Interval, Name, SubscriptionStatus2


class UnsubscribeSubscription(BaseModel):
    depth: Depth | None = None
    interval: Interval | None = None
    name: Name
    token: str | None = None


class Unsubscribe(BaseModel):
    event: Literal["unsubscribe"]
    reqid: int | None = None
    pair: list[str] | None = None
    subscription: UnsubscribeSubscription | None = None


IncomingMessage: TypeAlias = SubscriptionStatus2
OutgoingMessage: TypeAlias = Unsubscribe
