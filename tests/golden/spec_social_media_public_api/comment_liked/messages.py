"""Messages of the commentLiked channel."""

from typing import NoReturn, TypeAlias

from pydantic import BaseModel


class CommentLiked(BaseModel):
    commentId: str | None = None


IncomingMessage: TypeAlias = NoReturn
OutgoingMessage: TypeAlias = CommentLiked

__all__ = [
    "CommentLiked",
    "IncomingMessage",
    "OutgoingMessage",
]
