"""Messages of the commentsCountChange channel."""

from typing import NoReturn, TypeAlias

from pydantic import BaseModel, Field


class CommentChangedPayload(BaseModel):
    commentId: str | None = None
    likeCount: int | None = Field(
        default=None,
        description="The new like count of how many have liked the comment.",
    )


IncomingMessage: TypeAlias = NoReturn
OutgoingMessage: TypeAlias = CommentChangedPayload

__all__ = [
    "CommentChangedPayload",
    "IncomingMessage",
    "OutgoingMessage",
]
