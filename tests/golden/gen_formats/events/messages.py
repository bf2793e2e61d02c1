"""Messages of the events channel."""

from typing import Any, Literal, NoReturn, TypeAlias

from pydantic import BaseModel, ConfigDict, RootModel


class OrderPlaced(RootModel[Any]):
    pass


class Ping(BaseModel):
    model_config = ConfigDict(extra="allow")
    action: Literal["ping"]


class UserSignedUp(RootModel[Any]):
    pass


IncomingMessage: TypeAlias = Ping | OrderPlaced | UserSignedUp
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "IncomingMessage",
    "OrderPlaced",
    "OutgoingMessage",
    "Ping",
    "UserSignedUp",
]
