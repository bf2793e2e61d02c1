"""Messages of the commentsCountChange channel."""

from typing import NoReturn, TypeAlias

from pydantic import BaseModel


class CommentChanged(BaseModel):
    commentId: str | None = None
    likeCount: int | None = None


IncomingMessage: TypeAlias = NoReturn
OutgoingMessage: TypeAlias = CommentChanged

__all__ = [
    "CommentChanged",
    "IncomingMessage",
    "OutgoingMessage",
]
