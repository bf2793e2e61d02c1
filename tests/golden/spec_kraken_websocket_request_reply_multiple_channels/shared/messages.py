"""Messages and models shared by two or more channels."""

from typing import Literal, TypeAlias

from pydantic import BaseModel, RootModel

Depth: TypeAlias = Literal[10, 25, 100, 500, 1000]


Interval: TypeAlias = Literal[1, 5, 15, 30, 60, 240, 1440, 10080, 21600]


Name: TypeAlias = Literal[
    "book", "ohlc", "openOrders", "ownTrades", "spread", "ticker", "trade"
]


Status: TypeAlias = Literal[
    "online", "maintenance", "cancel_only", "limit_only", "post_only"
]


class SubscriptionStatusErrorSubscription(BaseModel):
    depth: Depth | None = None
    interval: Interval | None = None
    maxratecount: int | None = None
    name: Name
    token: str | None = None


class SubscriptionStatusError(BaseModel):
    errorMessage: str
    event: Literal["subscriptionStatus"]
    reqid: int | None = None
    pair: list[str] | None = None
    status: Status | None = None
    subscription: SubscriptionStatusErrorSubscription | None = None


class SubscriptionStatusSuccess(BaseModel):
    channelID: int
    channelName: str
    event: Literal["subscriptionStatus"]
    reqid: int | None = None
    pair: list[str] | None = None
    status: Status | None = None
    subscription: SubscriptionStatusErrorSubscription | None = None


SubscriptionStatus2: TypeAlias = SubscriptionStatusError | SubscriptionStatusSuccess


class SubscriptionStatus(RootModel[SubscriptionStatus2]):
    pass
