"""Messages of the updateCommentsCount channel."""

from typing import NoReturn, TypeAlias

from pydantic import BaseModel, Field


class UpdateCommentLikesPayload(BaseModel):
    commentId: str | None = None
    likeCount: int | None = Field(
        default=None,
        description="The new like count of how many have liked the comment.",
    )


IncomingMessage: TypeAlias = UpdateCommentLikesPayload
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "UpdateCommentLikesPayload",
]
