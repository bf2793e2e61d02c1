"""Messages of the notifyAllCommentLiked channel."""

from typing import NoReturn, TypeAlias

from pydantic import BaseModel


class CommentLiked(BaseModel):
    commentId: str | None = None


IncomingMessage: TypeAlias = CommentLiked
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "CommentLiked",
    "IncomingMessage",
    "OutgoingMessage",
]
