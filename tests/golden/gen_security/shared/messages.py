"""Messages and models shared by two or more channels."""

from typing import Literal

from pydantic import BaseModel


class Order(BaseModel):
    action: Literal["order"] | None = None
    item: str | None = None
