"""Messages and models shared by two or more channels."""

from typing import Literal

from pydantic import BaseModel


class PingMessage(BaseModel):
    action: Literal["ping"] = "ping"
