"""The holders channel: its client and its messages."""

from .client import HoldersClient, HoldersPathParams
from .messages import (
    AfterValidatorModel,
    BaseModelModel,
    ExceptionModel,
    FieldModel,
    Holder,
    IncomingMessage,
    OutgoingMessage,
    Tuple,
    TypeAdapterModel,
    TypedDictModel,
)

__all__ = [
    "AfterValidatorModel",
    "BaseModelModel",
    "ExceptionModel",
    "FieldModel",
    "Holder",
    "HoldersClient",
    "HoldersPathParams",
    "IncomingMessage",
    "OutgoingMessage",
    "Tuple",
    "TypeAdapterModel",
    "TypedDictModel",
]
