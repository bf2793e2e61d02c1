"""Messages of the likeComment channel."""

from typing import NoReturn, TypeAlias

from pydantic import BaseModel


class LikeCommentPayload(BaseModel):
    commentId: str | None = None
    likedBy: str | None = None


IncomingMessage: TypeAlias = LikeCommentPayload
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "IncomingMessage",
    "LikeCommentPayload",
    "OutgoingMessage",
]
