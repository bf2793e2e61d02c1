"""Messages of the updateCommentsCount channel."""

from typing import NoReturn, TypeAlias

from pydantic import BaseModel


class UpdateCommentLikesPayload(BaseModel):
    commentId: str | None = None
    likeCount: int | None = None


IncomingMessage: TypeAlias = UpdateCommentLikesPayload
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "UpdateCommentLikesPayload",
]
