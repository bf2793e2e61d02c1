"""Messages of the newLikeComment channel."""

from typing import NoReturn, TypeAlias

from pydantic import BaseModel


class LikeCommentPayload(BaseModel):
    commentId: str | None = None
    likedBy: str | None = None


IncomingMessage: TypeAlias = NoReturn
OutgoingMessage: TypeAlias = LikeCommentPayload

__all__ = [
    "IncomingMessage",
    "LikeCommentPayload",
    "OutgoingMessage",
]
