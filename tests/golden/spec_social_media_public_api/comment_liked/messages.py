"""Messages of the commentLiked channel."""

from typing import ClassVar, NoReturn, TypeAlias

from pydantic import BaseModel, ConfigDict, StrictStr


class CommentLikedPayload(BaseModel):
    model_config = ConfigDict(extra="forbid")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"commentId"})
    commentId: StrictStr | None = None


IncomingMessage: TypeAlias = NoReturn
OutgoingMessage: TypeAlias = CommentLikedPayload

__all__ = [
    "CommentLikedPayload",
    "IncomingMessage",
    "OutgoingMessage",
]
