"""Messages of the pong channel."""

from typing import NoReturn, TypeAlias

IncomingMessage: TypeAlias = NoReturn
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
]
