"""Messages of the commentLiked channel."""

from typing import NoReturn, TypeAlias

from pydantic import BaseModel


class CommentLikedPayload(BaseModel):
    commentId: str | None = None


IncomingMessage: TypeAlias = NoReturn
OutgoingMessage: TypeAlias = CommentLikedPayload

__all__ = [
    "CommentLikedPayload",
    "IncomingMessage",
    "OutgoingMessage",
]
