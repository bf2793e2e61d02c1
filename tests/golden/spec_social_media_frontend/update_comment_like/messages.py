"""Messages of the updateCommentLike channel."""

from typing import NoReturn, TypeAlias

from pydantic import BaseModel


class UpdateCommentLikes(BaseModel):
    commentId: str | None = None
    likeCount: int | None = None


IncomingMessage: TypeAlias = NoReturn
OutgoingMessage: TypeAlias = UpdateCommentLikes

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "UpdateCommentLikes",
]
