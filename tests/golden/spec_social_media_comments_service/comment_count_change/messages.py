"""Messages of the commentCountChange channel."""

from typing import NoReturn, TypeAlias

from pydantic import BaseModel


class CommentChanged(BaseModel):
    commentId: str | None = None
    likeCount: int | None = None


IncomingMessage: TypeAlias = CommentChanged
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "CommentChanged",
    "IncomingMessage",
    "OutgoingMessage",
]
