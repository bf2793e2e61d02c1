"""Messages of the folders channel."""

from typing import Annotated, ClassVar, Literal, NoReturn, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, StrictStr


class File(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"parent"})
    name: StrictStr
    parent: "Folder | None" = None


class Folder(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"files", "folders"})
    name: StrictStr
    files: list[File] | None = None
    folders: "list[Folder] | None" = None


WithSpace: TypeAlias = Literal["red", "green"]


class Envelope(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"label", "color"})
    action: Literal["tree"]
    root: Folder
    label: Annotated[StrictStr, Field(max_length=20)] | None = None
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
