"""Messages of the commentsCountChange channel."""

from typing import NoReturn, TypeAlias

from pydantic import BaseModel


class CommentChangedPayload(BaseModel):
    commentId: str | None = None
    likeCount: int | None = None


IncomingMessage: TypeAlias = NoReturn
OutgoingMessage: TypeAlias = CommentChangedPayload

__all__ = [
    "CommentChangedPayload",
    "IncomingMessage",
    "OutgoingMessage",
]
