"""The records channel: its client and its messages."""

from .client import RecordsClient
from .messages import (
    Circle,
    IncomingMessage,
    OutgoingMessage,
    Person,
    Record,
    RecordMessage,
    SavedMessage,
    Shape,
    Square,
    Team,
)

__all__ = [
    "Circle",
    "IncomingMessage",
    "OutgoingMessage",
    "Person",
    "Record",
    "RecordMessage",
    "RecordsClient",
    "SavedMessage",
    "Shape",
    "Square",
    "Team",
]
