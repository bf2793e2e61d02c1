"""Messages and models shared by two or more channels."""

from typing import Annotated, Any, ClassVar, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, RootModel, StrictStr

from ..base.json_schema import JsonInt, JsonSchema

Depth: TypeAlias = Literal[10, 25, 100, 500, 1000]


class DummyCurrencyInfo(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"reqid", "data"})
    event: Literal["currencyInfo"]
    reqid: JsonInt | None = None
    data: dict[str, Any] | None = None


class Heartbeat(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"event"})
    event: Literal["heartbeat"] | None = None


Interval: TypeAlias = Annotated[
    Literal[1, 5, 15, 30, 60, 240, 1440, 10080, 21600],
    JsonSchema(
        {"type": "integer", "enum": [1, 5, 15, 30, 60, 240, 1440, 10080, 21600]}
    ),
]


Name: TypeAlias = Literal[
    "book", "ohlc", "openOrders", "ownTrades", "spread", "ticker", "trade"
]


class Pong(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"event", "reqid"})
    event: Literal["pong"] | None = None
    reqid: JsonInt | None = None


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
    maxratecount: JsonInt | None = None
    name: Name
    token: StrictStr | None = None


class SubscriptionStatusError(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"reqid", "pair", "status", "subscription"}
    )
    errorMessage: StrictStr
    event: Literal["subscriptionStatus"]
    reqid: JsonInt | None = None
    pair: list[Annotated[StrictStr, Field(pattern="[A-Z\\s]+\\/[A-Z\\s]+")]] | None = (
        None
    )
    status: Status | None = None
    subscription: SubscriptionStatusErrorSubscription | None = None


class SubscriptionStatusSuccess(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"reqid", "pair", "status", "subscription"}
    )
    channelID: JsonInt = Field(
        description="ChannelID on successful subscription, applicable to public messages only."
    )
    channelName: StrictStr = Field(
        description="Channel Name on successful subscription. For payloads 'ohlc' and 'book', respective interval or depth will be added as suffix."
    )
    event: Literal["subscriptionStatus"]
    reqid: JsonInt | None = None
    pair: list[Annotated[StrictStr, Field(pattern="[A-Z\\s]+\\/[A-Z\\s]+")]] | None = (
        None
    )
    status: Status | None = None
    subscription: SubscriptionStatusErrorSubscription | None = None


SubscriptionStatus2: TypeAlias = Annotated[
    SubscriptionStatusError | SubscriptionStatusSuccess,
    JsonSchema(
        {"type": "object", "oneOf": [{"$ref": "#r0"}, {"$ref": "#r10"}]},
        {
            "r0": {
                "allOf": [
                    {
                        "properties": {"errorMessage": {"type": "string"}},
                        "required": ["errorMessage"],
                    },
                    {"$ref": "#r1"},
                ]
            },
            "r1": {
                "type": "object",
                "required": ["event"],
                "properties": {
                    "event": {"type": "string", "const": "subscriptionStatus"},
                    "reqid": {"$ref": "#r2"},
                    "pair": {"$ref": "#r3"},
                    "status": {"$ref": "#r4"},
                    "subscription": {
                        "required": ["name"],
                        "type": "object",
                        "properties": {
                            "depth": {"$ref": "#r5"},
                            "interval": {"$ref": "#r6"},
                            "maxratecount": {"$ref": "#r7"},
                            "name": {"$ref": "#r8"},
                            "token": {"$ref": "#r9"},
                        },
                    },
                },
            },
            "r2": {"type": "integer"},
            "r3": {
                "type": "array",
                "items": {"type": "string", "pattern": "[A-Z\\s]+\\/[A-Z\\s]+"},
            },
            "r4": {
                "type": "string",
                "enum": [
                    "online",
                    "maintenance",
                    "cancel_only",
                    "limit_only",
                    "post_only",
                ],
            },
            "r5": {"type": "integer", "enum": [10, 25, 100, 500, 1000]},
            "r6": {
                "type": "integer",
                "enum": [1, 5, 15, 30, 60, 240, 1440, 10080, 21600],
            },
            "r7": {"type": "integer"},
            "r8": {
                "type": "string",
                "enum": [
                    "book",
                    "ohlc",
                    "openOrders",
                    "ownTrades",
                    "spread",
                    "ticker",
                    "trade",
                ],
            },
            "r9": {"type": "string"},
            "r10": {
                "allOf": [
                    {
                        "properties": {
                            "channelID": {"type": "integer"},
                            "channelName": {"type": "string"},
                        },
                        "required": ["channelID", "channelName"],
                    },
                    {"$ref": "#r1"},
                ]
            },
        },
    ),
]


class SubscriptionStatus(RootModel[SubscriptionStatus2]):
    pass


class SystemStatus(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"event", "connectionID", "status", "version"}
    )
    event: Literal["systemStatus"] | None = None
    connectionID: JsonInt | None = Field(
        default=None, description="The ID of the connection"
    )
    status: Status | None = None
    version: StrictStr | None = None
