"""Messages of the userSignedup channel."""

from typing import NoReturn, TypeAlias

from pydantic import BaseModel


class UserSignedUp(BaseModel):
    displayName: str | None = None
    email: str | None = None


IncomingMessage: TypeAlias = UserSignedUp
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "UserSignedUp",
]
