"""Messages of the commentCountChange channel."""

from typing import NoReturn, TypeAlias

from pydantic import BaseModel


class CommentChangedPayload(BaseModel):
    commentId: str | None = None
    likeCount: int | None = None


IncomingMessage: TypeAlias = CommentChangedPayload
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "CommentChangedPayload",
    "IncomingMessage",
    "OutgoingMessage",
]
