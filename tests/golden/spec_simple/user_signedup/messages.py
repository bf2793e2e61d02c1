"""Messages of the userSignedup channel."""

from typing import ClassVar, NoReturn, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, StrictStr


class UserSignedUp(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"displayName", "email"})
    displayName: StrictStr | None = Field(default=None, description="Name of the user")
    email: StrictStr | None = Field(default=None, description="Email of the user")


IncomingMessage: TypeAlias = UserSignedUp
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "UserSignedUp",
]
