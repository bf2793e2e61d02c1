"""Messages and models shared by two or more channels."""

from typing import Literal

from pydantic import BaseModel, ConfigDict


class PingMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    action: Literal["ping"] = "ping"
