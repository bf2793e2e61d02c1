"""Messages of the records channel."""

import datetime as _dt
import ipaddress as _ip
import uuid as _uuid
from typing import Annotated, Any, ClassVar, Literal, TypeAlias

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
)

from ..base.json_schema import JsonInt, JsonSchema, WholeFloatsAsInt


class Circle(BaseModel):
    model_config = ConfigDict(extra="allow")
    kind: Literal["circle"]
    radius: StrictFloat


class Team(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"lead"})
    members: "list[Person]"
    lead: "Person | None" = None


class Person(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"team"})
    name: StrictStr
    team: Team | None = None


class Square(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"label"})
    label: StrictStr | None = None
    kind: Literal["square"]
    side: StrictFloat


Shape: TypeAlias = Annotated[Circle | Square, Field(discriminator="kind")]


class Record(BaseModel):
    """Every kind of field.

    Examples:

        {"created":"2024-01-02T03:04:05Z","count":3}
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {
            "serverId",
            "secret",
            "day",
            "at",
            "host",
            "host6",
            "email",
            "ratio",
            "legacy",
            "naive",
            "owner",
        }
    )
    serverId: StrictStr | None = Field(
        default=None,
        description="Set by the server; never sent.",
        exclude=True,
        json_schema_extra={"readOnly": True},
    )
    secret: StrictStr | None = Field(
        default=None, description="Sent by clients; never comes back."
    )
    created: _dt.datetime = Field(description="When the record was made.")
    day: _dt.date | None = None
    at: _dt.time | None = None
    host: _ip.IPv4Address | None = None
    host6: _ip.IPv6Address | None = None
    email: StrictStr | None = None
    count: Annotated[StrictInt, Field(ge=1, le=10), WholeFloatsAsInt]
    ratio: Annotated[StrictFloat, Field(gt=0, lt=1, multiple_of=0.25)] | None = None
    name: Annotated[StrictStr, Field(min_length=2, max_length=8, pattern="^[a-z]+$")]
    tags: Annotated[
        list[StrictStr],
        Field(min_length=1, max_length=3),
        JsonSchema(
            {
                "type": "array",
                "items": {"type": "string"},
                "minItems": 1,
                "maxItems": 3,
                "uniqueItems": True,
            }
        ),
    ] = Field(default_factory=lambda: ["alpha"])
    point: tuple[()] | tuple[StrictFloat] | tuple[StrictFloat, StrictFloat]
    level: Annotated[Literal[1, 2, 3], JsonSchema({"enum": [1, 2, 3]})] = 2
    mixed: (
        Annotated[
            Literal["auto", 0, True] | None,
            JsonSchema({"enum": ["auto", 0, True, None]}),
        ]
        | None
    ) = None
    kind: Literal["fixed"] = "fixed"
    maybe: StrictStr | None = None
    maybeToo: JsonInt | None = None
    maybeThree: StrictStr | None = None
    shape: Shape
    options: dict[str, Any] = Field(
        default_factory=lambda: {"color": "red", "sizes": [1, 2]}
    )
    legacy: StrictStr | None = Field(default=None, deprecated=True)
    type: StrictStr = Field(
        default="record", validation_alias="@type", serialization_alias="@type"
    )
    field_2fa: StrictBool = Field(
        default=False, validation_alias="2fa", serialization_alias="2fa"
    )
    naive: StrictStr | None = Field(
        default=None, validation_alias="naïve", serialization_alias="naïve"
    )
    owner: Person | None = None


class RecordMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    action: Literal["record"]
    payload: Record


class SavedMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    action: Literal["saved"]
    id: _uuid.UUID


Team.model_rebuild()


IncomingMessage: TypeAlias = SavedMessage
OutgoingMessage: TypeAlias = RecordMessage

__all__ = [
    "Circle",
    "IncomingMessage",
    "OutgoingMessage",
    "Person",
    "Record",
    "RecordMessage",
    "SavedMessage",
    "Shape",
    "Square",
    "Team",
]
