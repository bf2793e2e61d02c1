"""Messages of the updateCommentLike channel."""

from typing import NoReturn, TypeAlias

from pydantic import BaseModel


class UpdateCommentLikesPayload(BaseModel):
    commentId: str | None = None
    likeCount: int | None = None


IncomingMessage: TypeAlias = NoReturn
OutgoingMessage: TypeAlias = UpdateCommentLikesPayload

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "UpdateCommentLikesPayload",
]
