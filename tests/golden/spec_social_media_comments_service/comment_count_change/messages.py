"""Messages of the commentCountChange channel."""

from typing import ClassVar, NoReturn, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, StrictStr

from ..base.json_schema import JsonInt


class CommentChangedPayload(BaseModel):
    model_config = ConfigDict(extra="forbid")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"commentId", "likeCount"}
    )
    commentId: StrictStr | None = None
    likeCount: JsonInt | None = Field(
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
