"""Messages of the lightingMeasured channel."""

import datetime as _dt
from typing import Annotated, NoReturn, TypeAlias

from pydantic import BaseModel, Field


class LightMeasuredPayload(BaseModel):
    lumens: Annotated[int, Field(ge=0)] | None = Field(
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
