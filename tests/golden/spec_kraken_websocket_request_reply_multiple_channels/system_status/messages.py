"""Messages of the systemStatus channel."""

from typing import Literal, NoReturn, TypeAlias

from pydantic import BaseModel, Field

from ..shared.messages import Status


class SystemStatus(BaseModel):
    event: Literal["systemStatus"] | None = None
    connectionID: int | None = Field(
        default=None, description="The ID of the connection"
    )
    status: Status | None = None
    version: str | None = None


IncomingMessage: TypeAlias = SystemStatus
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "Status",
    "SystemStatus",
]
