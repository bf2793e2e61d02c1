"""Messages of the newLikeComment channel."""

from typing import ClassVar, NoReturn, TypeAlias

from pydantic import BaseModel, ConfigDict, StrictStr


class LikeCommentPayload(BaseModel):
    model_config = ConfigDict(extra="forbid")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"commentId", "likedBy"})
    commentId: StrictStr | None = None
    likedBy: StrictStr | None = None


IncomingMessage: TypeAlias = NoReturn
OutgoingMessage: TypeAlias = LikeCommentPayload

__all__ = [
    "IncomingMessage",
    "LikeCommentPayload",
    "OutgoingMessage",
]
