"""Messages of the lightsDim channel."""

import datetime as _dt
from typing import Annotated, ClassVar, NoReturn, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, StrictInt

from ..base.json_schema import WholeFloatsAsInt


class DimLightPayload(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"percentage", "sentAt"})
    percentage: Annotated[StrictInt, Field(ge=0, le=100), WholeFloatsAsInt] | None = (
        Field(
            default=None,
            description="Percentage to which the light should be dimmed to.",
        )
    )
    sentAt: _dt.datetime | None = None


IncomingMessage: TypeAlias = DimLightPayload
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "DimLightPayload",
    "IncomingMessage",
    "OutgoingMessage",
]
