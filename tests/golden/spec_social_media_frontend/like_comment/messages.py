"""Messages of the likeComment channel."""

from typing import NoReturn, TypeAlias

from pydantic import BaseModel


class LikeComment(BaseModel):
    commentId: str | None = None
    likedBy: str | None = None


IncomingMessage: TypeAlias = LikeComment
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "IncomingMessage",
    "LikeComment",
    "OutgoingMessage",
]
