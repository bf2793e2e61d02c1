"""Messages and models shared by two or more channels."""

from typing import Literal

from pydantic import BaseModel


class TurnOnOffPayload(BaseModel):
    command: Literal["on", "off"] | None = None
    sentAt: str | None = None
