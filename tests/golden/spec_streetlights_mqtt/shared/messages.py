"""Messages and models shared by two or more channels."""

import datetime as _dt
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field


class TurnOnOffPayload(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"command", "sentAt"})
    command: Literal["on", "off"] | None = Field(
        default=None, description="Whether to turn on or off the light."
    )
    sentAt: _dt.datetime | None = None
