"""Messages of the updateCommentLike channel."""

from typing import NoReturn, TypeAlias

from pydantic import BaseModel, Field


class UpdateCommentLikesPayload(BaseModel):
    commentId: str | None = None
    likeCount: int | None = Field(
        default=None,
        description="The new like count of how many have liked the comment.",
    )


IncomingMessage: TypeAlias = NoReturn
OutgoingMessage: TypeAlias = UpdateCommentLikesPayload

__all__ = [
    "IncomingMessage",
    "OutgoingMessage",
    "UpdateCommentLikesPayload",
]
