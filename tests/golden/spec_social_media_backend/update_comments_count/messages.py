"""Messages of the updateCommentsCount channel."""

from typing import NoReturn, TypeAlias

from pydantic import BaseModel


class UpdateCommentLikes(BaseModel):
    commentId: str | None = None
    likeCount: int | None = None


IncomingMessage: TypeAlias = UpdateCommentLikes
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "UpdateCommentLikes",
]
