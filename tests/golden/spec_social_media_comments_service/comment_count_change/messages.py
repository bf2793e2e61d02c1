"""Messages of the commentCountChange channel."""

from typing import NoReturn, TypeAlias

from pydantic import BaseModel, Field


class CommentChangedPayload(BaseModel):
    commentId: str | None = None
    likeCount: int | None = Field(
        default=None,
        description="The new like count of how many have liked the comment.",
    )


IncomingMessage: TypeAlias = CommentChangedPayload
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "CommentChangedPayload",
    "IncomingMessage",
    "OutgoingMessage",
]
