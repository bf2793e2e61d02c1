"""Messages and models shared by two or more channels."""

from typing import Annotated, Any, ClassVar, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, RootModel

Depth: TypeAlias = Literal[10, 25, 100, 500, 1000]


class DummyCurrencyInfo(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"reqid", "data"})
    event: Literal["currencyInfo"]
    reqid: int | None = None
    data: dict[str, Any] | None = None


class Heartbeat(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"event"})
    event: Literal["heartbeat"] | None = None


Interval: TypeAlias = Literal[1, 5, 15, 30, 60, 240, 1440, 10080, 21600]


Name: TypeAlias = Literal[
    "book", "ohlc", "openOrders", "ownTrades", "spread", "ticker", "trade"
]


class Pong(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"event", "reqid"})
    event: Literal["pong"] | None = None
    reqid: int | None = None


Status: TypeAlias = Literal[
    "online", "maintenance", "cancel_only", "limit_only", "post_only"
]


class SubscriptionStatusErrorSubscription(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"depth", "interval", "maxratecount", "token"}
    )
    depth: Depth | None = None
    interval: Interval | None = None
    maxratecount: int | None = None
    name: Name
    token: str | None = None


class SubscriptionStatusError(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"reqid", "pair", "status", "subscription"}
    )
    errorMessage: str
    event: Literal["subscriptionStatus"]
    reqid: int | None = None
    pair: list[Annotated[str, Field(pattern="[A-Z\\s]+\\/[A-Z\\s]+")]] | None = None
    status: Status | None = None
    subscription: SubscriptionStatusErrorSubscription | None = None


class SubscriptionStatusSuccess(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"reqid", "pair", "status", "subscription"}
    )
    channelID: int = Field(
        description="ChannelID on successful subscription, applicable to public messages only."
    )
    channelName: str = Field(
        description="Channel Name on successful subscription. For payloads 'ohlc' and 'book', respective interval or depth will be added as suffix."
    )
    event: Literal["subscriptionStatus"]
    reqid: int | None = None
    pair: list[Annotated[str, Field(pattern="[A-Z\\s]+\\/[A-Z\\s]+")]] | None = None
    status: Status | None = None
    subscription: SubscriptionStatusErrorSubscription | None = None


SubscriptionStatus2: TypeAlias = SubscriptionStatusError | SubscriptionStatusSuccess


class SubscriptionStatus(RootModel[SubscriptionStatus2]):
    pass


class SystemStatus(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"event", "connectionID", "status", "version"}
    )
    event: Literal["systemStatus"] | None = None
    connectionID: int | None = Field(
        default=None, description="The ID of the connection"
    )
    status: Status | None = None
    version: str | None = None
