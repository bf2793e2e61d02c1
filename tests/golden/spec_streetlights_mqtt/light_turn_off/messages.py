"""Messages of the lightTurnOff channel."""

from typing import NoReturn, TypeAlias

from ..shared.messages import TurnOnOffPayload

IncomingMessage: TypeAlias = TurnOnOffPayload
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "TurnOnOffPayload",
]
