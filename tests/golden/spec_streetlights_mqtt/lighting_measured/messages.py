"""Messages of the lightingMeasured channel."""

import datetime as _dt
from typing import Annotated, ClassVar, NoReturn, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, StrictInt

from ..base.json_schema import WholeFloatsAsInt


class LightMeasuredPayload(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"lumens", "sentAt"})
    lumens: Annotated[StrictInt, Field(ge=0), WholeFloatsAsInt] | None = Field(
        default=None, description="Light intensity measured in lumens."
    )
    sentAt: _dt.datetime | None = None


IncomingMessage: TypeAlias = NoReturn
OutgoingMessage: TypeAlias = LightMeasuredPayload

__all__ = [
    "IncomingMessage",
    "LightMeasuredPayload",
    "OutgoingMessage",
]
