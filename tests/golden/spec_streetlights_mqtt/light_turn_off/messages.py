"""Messages of the lightTurnOff channel."""

from typing import NoReturn, TypeAlias

from ..shared.messages import TurnOnOff

IncomingMessage: TypeAlias = TurnOnOff
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "TurnOnOff",
]
