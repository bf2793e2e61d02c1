"""Messages of the newLikeComment channel."""

from typing import NoReturn, TypeAlias

from pydantic import BaseModel


class LikeComment(BaseModel):
    commentId: str | None = None
    likedBy: str | None = None


IncomingMessage: TypeAlias = NoReturn
OutgoingMessage: TypeAlias = LikeComment

__all__ = [
    "IncomingMessage",
    "LikeComment",
    "OutgoingMessage",
]
