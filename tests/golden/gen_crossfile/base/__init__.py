"""The WebSocket client every channel client builds on."""

from .client import BaseClient, NotConnectedError

__all__ = ["BaseClient", "NotConnectedError"]
