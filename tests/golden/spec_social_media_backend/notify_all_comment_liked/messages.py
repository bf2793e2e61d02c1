"""Messages of the notifyAllCommentLiked channel."""

from typing import NoReturn, TypeAlias

from pydantic import BaseModel


class CommentLikedPayload(BaseModel):
    commentId: str | None = None


IncomingMessage: TypeAlias = CommentLikedPayload
OutgoingMessage: TypeAlias = NoReturn

__all__ = [
    "CommentLikedPayload",
    "IncomingMessage",
    "OutgoingMessage",
]
