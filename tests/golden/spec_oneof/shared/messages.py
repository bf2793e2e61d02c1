"""Messages and models shared by two or more channels."""

from pydantic import BaseModel


class ObjectWithKey(BaseModel):
    key: str | None = None


class ObjectWithKey2(BaseModel):
    key2: str | None = None
