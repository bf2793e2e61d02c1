"""Messages of the folders channel."""

from typing import Annotated, Literal, NoReturn, TypeAlias

from pydantic import BaseModel, Field


class File(BaseModel):
    name: str
    parent: "Folder | None" = None


class Folder(BaseModel):
    name: str
    files: list[File] | None = None
    folders: "list[Folder] | None" = None


WithSpace: TypeAlias = Literal["red", "green"]


class Envelope(BaseModel):
    action: Literal["tree"]
    root: Folder
    label: Annotated[str, Field(max_length=20)] | None = None
    color: WithSpace | None = None


File.model_rebuild()
Folder.model_rebuild()


IncomingMessage: TypeAlias = Envelope
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "Envelope",
    "File",
    "Folder",
    "IncomingMessage",
    "OutgoingMessage",
    "WithSpace",
]
