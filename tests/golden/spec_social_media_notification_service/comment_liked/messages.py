"""Messages of the commentLiked channel."""

from typing import ClassVar, NoReturn, TypeAlias

from pydantic import BaseModel, ConfigDict


class CommentLikedPayload(BaseModel):
    model_config = ConfigDict(extra="forbid")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"commentId"})
    commentId: str | None = None


IncomingMessage: TypeAlias = NoReturn
OutgoingMessage: TypeAlias = CommentLikedPayload

__all__ = [
    "CommentLikedPayload",
    "IncomingMessage",
    "OutgoingMessage",
]
