"""Messages of the background_jobs channel."""

from typing import Any, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, StrictStr

from ..shared.messages import PingMessage, PongMessage


class JobPayload(BaseModel):
    model_config = ConfigDict(extra="allow")
    type: StrictStr = "default"
    content: StrictStr


class JobMessage(BaseModel):
    """Background job message."""

    model_config = ConfigDict(extra="allow")
    action: Literal["job"] = "job"
    payload: JobPayload


class JobStatusMessage(BaseModel):
    """Job status message."""

    model_config = ConfigDict(extra="allow")
    action: Literal["job_status"] = "job_status"
    payload: dict[str, Any]


IncomingMessage: TypeAlias = JobStatusMessage | PongMessage
OutgoingMessage: TypeAlias = JobMessage | PingMessage

__all__ = [
    "IncomingMessage",
    "JobMessage",
    "JobPayload",
    "JobStatusMessage",
    "OutgoingMessage",
    "PingMessage",
    "PongMessage",
]
